import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../scripts/lib/stacks";
import {
  comparableState,
  createEngineStack,
  currentCheckpoint,
  expectOk,
  opsByName,
  QUICKSTART,
  type EngineStack,
} from "./harness";

// The path users take: a Pulumi project whose node_modules holds the packed tarball (resolved through the package's
// `exports`) and @pulumi/pulumi, deployed with `pulumi up` from that directory, once with the newest @pulumi/pulumi
// that runs on Node 20 and once with the oldest this package supports (both pinned, so CI stays deterministic).
// With the newest, the state is checked for size, a stack written by release 0.1.0 is upgraded in place, and the
// installed provider module is changed under the deployed stack: destroy must run the changed code, since the
// serialized shim holds no provider code of its own (README "Drift, errors and secrets").
jest.setTimeout(600_000);

/**
 * The oldest supported @pulumi/pulumi, the floor of the peer range. `ResourceProvider.configure` (stack config in the
 * provider) arrived in 3.139.0, but refresh rewrites a resource's inputs from `ReadResult.inputs` only since 3.216.0
 * (pulumi/pulumi#21315, fixing #13839): before it, a console change seen by refresh is never undone by the next up.
 */
const OLDEST_PULUMI = "3.216.0";
/** The newest release that runs on Node 20: 3.249.0 and later declare `engines.node >= 22`. */
const NEWEST_PULUMI_ON_NODE_20 = "3.248.0";
/**
 * What `npm pack` may weigh (the whole tarball, gzipped): dist/ and the sources its maps name, for the sdk, the
 * provider, the emulator, the policy pack and the `pulumi-enos` command (about 495 KiB with all five).
 */
const TARBALL_BUDGET_BYTES = 600 * 1024;
/**
 * Bytes per EnOS resource in an exported state of the quickstart: 7.2 KB with release 0.1.0, 5.4 KB of it the
 * serialized shim (2.7 KB, stored as input and output). The shim is now one `require` of the installed module.
 */
const STATE_BYTES_PER_RESOURCE_BUDGET = 2_500;
const SHIM_BYTES_BUDGET = 400;
/** The shim text release 0.1.0 wrote for EnosApp; other kinds differ only in the kind string. */
const SHIM_0_1_0 = fs.readFileSync(path.join(__dirname, "fixtures", "provider-shim-0.1.0-EnosApp.js.txt"), "utf8");
const KIND_FILES: Record<string, string> = {
  EnosApp: "enos-app",
  AppMenu: "app-menu",
  AppPermission: "app-permission",
  RoleAssignment: "role-assignment",
  UserGroupMembership: "user-group-membership",
  DeviceEnablement: "device-enablement",
};

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

const packDir = fs.mkdtempSync(path.join(os.tmpdir(), "enos-pack-"));
let packed: PackResult;

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The quickstart as a user has it (Pulumi.yaml and index.ts) with exactly the two packages README.md installs. */
function installQuickstart(pulumiVersion: string): string {
  const programDir = fs.mkdtempSync(path.join(os.tmpdir(), `enos-packed-${pulumiVersion}-`));
  for (const file of ["Pulumi.yaml", "index.ts"])
    fs.copyFileSync(path.join(QUICKSTART, file), path.join(programDir, file));
  // @pulumi/pulumi runs index.ts with its own vendored ts-node and TypeScript, so nothing else is needed.
  const dependencies = {
    "@pulumi/pulumi": pulumiVersion,
    "pulumi-enos": `file:${path.join(packDir, packed.filename)}`,
  };
  const manifest = { name: "packed-quickstart", private: true, main: "index.ts", dependencies };
  fs.writeFileSync(path.join(programDir, "package.json"), JSON.stringify(manifest));
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline"], programDir);
  return programDir;
}

function installedPackage(programDir: string): string {
  return fs.realpathSync(path.join(programDir, "node_modules", "pulumi-enos"));
}

type StateResource = Record<string, unknown>;

const isEnos = (r: StateResource): boolean => String(r["type"]).startsWith("pulumi-nodejs:dynamic/enos:");
const kindOf = (r: StateResource): string => String(r["type"]).split(":").pop() ?? "";
const shimOf = (r: StateResource, side: "inputs" | "outputs"): unknown =>
  (r[side] as Record<string, unknown> | undefined)?.["__provider"];

function enosResources(stack: EngineStack) {
  return async (): Promise<StateResource[]> => {
    const [exported] = await stack.run({ op: "export" });
    return (exported?.deployment?.deployment.resources ?? []).filter(isEnos);
  };
}

/** Rewrites the stack's checkpoint in the file backend as release 0.1.0 left it: its shim in every resource. */
function writeShim010(stack: EngineStack): void {
  const file = path.join(stack.dir, "backend", ".pulumi", "stacks", stack.projectName, `${stack.stackName}.json`);
  const checkpoint = JSON.parse(currentCheckpoint(stack)) as { checkpoint: { latest: { resources: StateResource[] } } };
  for (const resource of checkpoint.checkpoint.latest.resources.filter(isEnos)) {
    const old = SHIM_0_1_0.replaceAll('"EnosApp"', JSON.stringify(kindOf(resource)));
    for (const side of ["inputs", "outputs"] as const) (resource[side] as Record<string, unknown>)["__provider"] = old;
  }
  fs.writeFileSync(file, JSON.stringify(checkpoint, null, 4));
}

beforeAll(() => {
  // dist/ is built by `npm test` before jest runs; packing must not rebuild it.
  const json = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], repoRoot);
  packed = (JSON.parse(json) as PackResult[])[0]!;
});

afterAll(() => fs.rmSync(packDir, { recursive: true, force: true }));

describe("the tarball", () => {
  const manifest = () =>
    JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      [field: string]: unknown;
    };

  test(`stays within its size budget (${TARBALL_BUDGET_BYTES / 1024} KiB gzipped)`, () => {
    expect(packed.size).toBeLessThanOrEqual(TARBALL_BUDGET_BYTES);
    const paths = packed.files.map((f) => f.path);
    expect(paths.filter((p) => /^(test|scripts|examples|node_modules|bench-results)\//.test(p))).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
  });

  test("ships the sources its source maps name, so every map resolves", () => {
    const paths = new Set(packed.files.map((f) => f.path));
    const maps = [...paths].filter((p) => p.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(50);
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(fs.readFileSync(path.join(repoRoot, map), "utf8")) as { sources: string[] };
      return sources
        .map((source) => path.posix.normalize(path.posix.join(path.posix.dirname(map), source)))
        .filter((source) => !paths.has(source));
    });
    expect(missing).toEqual([]);
  });

  test("carries no install or pack lifecycle script, and says where it comes from and under which license", () => {
    const lifecycle = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare"];
    const scripts = Object.keys(manifest().scripts ?? {});
    expect(scripts.filter((name) => lifecycle.includes(name) || /pack$/.test(name))).toEqual([]);
    expect(manifest()).toMatchObject({
      license: "Apache-2.0",
      repository: { type: "git", url: expect.stringMatching(/^git\+https:\/\//) },
      homepage: expect.stringMatching(/^https:\/\//),
      bugs: { url: expect.stringMatching(/^https:\/\//) },
    });
    expect(fs.readFileSync(path.join(repoRoot, "LICENSE"), "utf8")).toMatch(
      /Apache License\s+Version 2\.0, January 2004/,
    );
  });

  test("admits every @pulumi/pulumi 3.x from the oldest tested release, as the README's install lines do", () => {
    expect(manifest().peerDependencies?.["@pulumi/pulumi"]).toBe(`^${OLDEST_PULUMI}`);
    const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const installs = [...readme.matchAll(/^npm install .*pulumi-enos.*$/gm)].map((m) => m[0]);
    // Node 22+: whatever npm resolves within the range; Node 20: the newest that runs there, saved exactly.
    expect(installs).toEqual([
      expect.stringMatching(/^npm install pulumi-enos @pulumi\/pulumi\s/),
      expect.stringContaining(`--save-exact @pulumi/pulumi@${NEWEST_PULUMI_ON_NODE_20}`),
    ]);
    expect(readme).toContain(`@pulumi/pulumi ${OLDEST_PULUMI}`);
  });
});

describe(`installed with @pulumi/pulumi ${NEWEST_PULUMI_ON_NODE_20}, the newest that runs on Node 20`, () => {
  let programDir: string;
  let stack: EngineStack;
  let seeded: unknown;
  const marker = () => path.join(programDir, "deletes.log");

  beforeAll(async () => {
    programDir = installQuickstart(NEWEST_PULUMI_ON_NODE_20);
    stack = await createEngineStack({ projectDir: programDir });
    seeded = comparableState(stack.emulator);
  });

  afterAll(async () => {
    await stack?.close();
    if (programDir) fs.rmSync(programDir, { recursive: true, force: true });
  });

  test("the installed package is a real copy resolved through node_modules, not this repository", () => {
    const installed = installedPackage(programDir);
    expect(installed.startsWith(fs.realpathSync(programDir))).toBe(true);
    expect(fs.existsSync(path.join(installed, "dist", "provider", "index.js"))).toBe(true);
    expect(fs.existsSync(path.join(installed, "test"))).toBe(false);
    const sdk = fs.realpathSync(path.join(programDir, "node_modules", "@pulumi", "pulumi"));
    expect(sdk.startsWith(fs.realpathSync(programDir))).toBe(true);
    const version = (JSON.parse(fs.readFileSync(path.join(sdk, "package.json"), "utf8")) as { version: string })
      .version;
    expect(version).toBe(NEWEST_PULUMI_ON_NODE_20);
  });

  test("up from the installed tarball creates every resource with a one-line serialized provider", async () => {
    const up = expectOk(await stack.run({ op: "up" }));
    expect(up.summary?.resourceChanges).toEqual({ create: 9 });
    expect(stack.emulator.state().apps).toHaveLength(1);

    const resources = await enosResources(stack)();
    expect(resources).toHaveLength(8); // every EnOS resource of the quickstart
    for (const resource of resources) {
      const file = KIND_FILES[kindOf(resource)];
      for (const text of [shimOf(resource, "inputs"), shimOf(resource, "outputs")]) {
        expect(typeof text).toBe("string"); // plaintext: nothing secret was captured
        // The installed module by reference (mapped through the package's exports), no provider code.
        expect(text).toContain(`require("pulumi-enos/dist/sdk/shims/${file}.js")`);
        expect(text).not.toMatch(/createEnosClient|undici|secretKey|dispatch/);
        expect(String(text).length).toBeLessThanOrEqual(SHIM_BYTES_BUDGET);
      }
    }
    const bytes = resources.map((r) => JSON.stringify(r).length);
    const perResource = bytes.reduce((a, b) => a + b, 0) / resources.length;
    expect(perResource).toBeLessThanOrEqual(STATE_BYTES_PER_RESOURCE_BUDGET);
  });

  test("a stack written by release 0.1.0 keeps working: refresh runs its old shim, up rewrites it, EnOS is not called", async () => {
    writeShim010(stack);
    for (const resource of await enosResources(stack)()) {
      expect(shimOf(resource, "outputs")).toContain('require("pulumi-enos/provider").resourceProviders[kind]');
    }
    // The old shim requires pulumi-enos/provider, which this release still exports: read runs the current code.
    expectOk(await stack.run({ op: "refresh", expectNoChanges: true }));

    stack.emulator.clearRequestLog();
    const up = expectOk(await stack.run({ op: "up" }));
    // One update per resource (only __provider differs), no replacement, and no EnOS call besides the program's own
    // role lookup and the token.
    expect(up.summary?.resourceChanges).toEqual({ same: 1, update: 8 });
    expect(Object.values(opsByName(up)).flat().sort()).toEqual(Array(8).fill("update"));
    const calls = stack.emulator.requestLog().map((e) => `${e.method} ${e.path}`);
    // Reads only: the lookup's role list, and the exhaustive grant's live set that diff reads (README Grants).
    expect(
      calls.filter(
        (call) =>
          !/apim-token-service|organization\/role\/list$|userRoles\/roleList$|getUsersUserGroupList$/.test(call),
      ),
    ).toEqual([]);
    for (const resource of await enosResources(stack)()) {
      expect(shimOf(resource, "outputs")).toContain(`pulumi-enos/dist/sdk/shims/${KIND_FILES[kindOf(resource)]}.js`);
    }
    expectOk(await stack.run({ op: "preview", expectNoChanges: true }));
  });

  test("destroy runs the provider code installed now, not the code captured at create", async () => {
    const providerIndex = path.join(installedPackage(programDir), "dist", "provider", "index.js");
    // A "new release" of the provider module: every delete first records its resource kind.
    fs.appendFileSync(
      providerIndex,
      `\n;(() => { const fs = require("node:fs"); const providers = module.exports.resourceProviders;
      for (const kind of Object.keys(providers)) { const original = providers[kind].delete;
        providers[kind].delete = async (...args) => { fs.appendFileSync(${JSON.stringify(marker())}, kind + "\\n");
          return original(...args); }; } })();\n`,
    );
    const destroy = expectOk(await stack.run({ op: "destroy" }));
    expect(destroy.summary?.result).toBe("succeeded");
    const kinds = fs.readFileSync(marker(), "utf8").trim().split("\n").sort();
    expect(kinds).toEqual(
      [
        "AppMenu",
        "AppMenu",
        "AppPermission",
        "DeviceEnablement",
        "EnosApp",
        "RoleAssignment",
        "RoleAssignment",
        "UserGroupMembership",
      ].sort(),
    );
    expect(comparableState(stack.emulator)).toEqual(seeded);
  });
});

describe(`installed with @pulumi/pulumi ${OLDEST_PULUMI}, the oldest supported`, () => {
  let programDir: string;
  let stack: EngineStack;
  let seeded: unknown;

  beforeAll(async () => {
    programDir = installQuickstart(OLDEST_PULUMI);
    stack = await createEngineStack({ projectDir: programDir });
    seeded = comparableState(stack.emulator);
  });

  afterAll(async () => {
    await stack?.close();
    if (programDir) fs.rmSync(programDir, { recursive: true, force: true });
  });

  test("up creates every resource; refresh records a console change in the inputs; destroy restores the seed", async () => {
    const sdk = path.join(programDir, "node_modules", "@pulumi", "pulumi", "package.json");
    expect((JSON.parse(fs.readFileSync(sdk, "utf8")) as { version: string }).version).toBe(OLDEST_PULUMI);
    expect(expectOk(await stack.run({ op: "up" })).summary?.resourceChanges).toEqual({ create: 9 });

    stack.emulator.mutate({ type: "grant-role", userId: "u-alice", roleId: "r-viewer" });
    expect(expectOk(await stack.run({ op: "refresh" })).summary?.resourceChanges).toEqual({ same: 8, update: 1 });
    const alice = (await enosResources(stack)()).find((r) => String(r["urn"]).endsWith("::alice-roles"));
    // ReadResult.inputs reached the engine: the live role is in the inputs, so the next up removes it again.
    expect((alice?.["inputs"] as Record<string, unknown>)["roleIds"]).toContain("r-viewer");
    // This release's serializer writes the shim module by reference too.
    expect(shimOf(alice ?? {}, "outputs")).toContain('require("pulumi-enos/dist/sdk/shims/role-assignment.js")');
    stack.emulator.mutate({ type: "revoke-role", userId: "u-alice", roleId: "r-viewer" }); // delete spares it

    expect(expectOk(await stack.run({ op: "destroy" })).summary?.result).toBe("succeeded");
    expect(comparableState(stack.emulator)).toEqual(seeded);
  });
});

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../scripts/lib/stacks";
import { comparableState, createEngineStack, expectOk, QUICKSTART, type EngineStack } from "./harness";

// The path users take: a Pulumi project whose node_modules holds the packed tarball (resolved through the package's
// `exports`) and @pulumi/pulumi, deployed with `pulumi up` from that directory. Then the installed provider module is
// changed under the deployed stack, and destroy must run the changed code: the serialized shim holds no provider
// code of its own (README "Drift, errors and secrets").
jest.setTimeout(420_000);

let programDir: string;
let stack: EngineStack;
let seeded: unknown;
const marker = () => path.join(programDir, "deletes.log");

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

beforeAll(async () => {
  programDir = fs.mkdtempSync(path.join(os.tmpdir(), "enos-packed-"));
  // dist/ is built by `npm test` before jest runs; packing must not rebuild it.
  const tarball = npm(["pack", "--ignore-scripts", "--silent", "--pack-destination", programDir], repoRoot).trim();
  // The quickstart project as a user has it: Pulumi.yaml and index.ts, with exactly the two packages README.md tells
  // users to install (@pulumi/pulumi runs index.ts with its own vendored ts-node and TypeScript).
  for (const file of ["Pulumi.yaml", "index.ts"])
    fs.copyFileSync(path.join(QUICKSTART, file), path.join(programDir, file));
  fs.writeFileSync(
    path.join(programDir, "package.json"),
    JSON.stringify({
      name: "packed-quickstart",
      private: true,
      main: "index.ts",
      dependencies: {
        "@pulumi/pulumi": "3.248.0",
        "pulumi-enos": `file:./${tarball}`,
      },
    }),
  );
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline"], programDir);
  stack = await createEngineStack({ projectDir: programDir });
  seeded = comparableState(stack.emulator);
});

afterAll(async () => {
  await stack?.close();
  if (programDir) fs.rmSync(programDir, { recursive: true, force: true });
});

test("the installed package is a real copy resolved through node_modules, not this repository", () => {
  const installed = fs.realpathSync(path.join(programDir, "node_modules", "pulumi-enos"));
  expect(installed.startsWith(fs.realpathSync(programDir))).toBe(true);
  expect(fs.existsSync(path.join(installed, "dist", "provider", "index.js"))).toBe(true);
  expect(fs.existsSync(path.join(installed, "test"))).toBe(false);
  const sdk = fs.realpathSync(path.join(programDir, "node_modules", "@pulumi", "pulumi"));
  expect(sdk.startsWith(fs.realpathSync(programDir))).toBe(true);
});

test("up from the installed tarball creates every resource with a small, code-free serialized provider", async () => {
  const up = expectOk(await stack.run({ op: "up" }));
  expect(up.summary?.resourceChanges).toEqual({ create: 9 });
  expect(stack.emulator.state().apps).toHaveLength(1);

  const [exported] = await stack.run({ op: "export" });
  const resources = exported?.deployment?.deployment.resources ?? [];
  const providers = resources
    .filter((r) => String(r["type"]).startsWith("pulumi-nodejs:dynamic/enos:"))
    .map((r) => (r["outputs"] as Record<string, unknown>)["__provider"]);
  expect(providers).toHaveLength(8); // every EnOS resource of the quickstart
  for (const text of providers) {
    expect(typeof text).toBe("string"); // plaintext: nothing secret was captured
    expect(text).toContain('require("pulumi-enos/provider")');
    expect(text).not.toMatch(/createEnosClient|undici|secretKey/);
    expect(String(text).length).toBeLessThan(4_000);
  }
});

test("destroy runs the provider code installed now, not the code captured at create", async () => {
  const providerIndex = path.join(programDir, "node_modules", "pulumi-enos", "dist", "provider", "index.js");
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
    ]
      .concat()
      .sort(),
  );
  expect(comparableState(stack.emulator)).toEqual(seeded);
});

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import {
  ensurePulumi,
  offlineWorkspace,
  repoRoot,
  runStack,
  type StackEvent,
  type StackOperation,
  type StackResult,
} from "../../scripts/lib/stacks";

export const SERVICE_ACCOUNT = { accessKey: "demo-access-key", secretKey: "demo-secret-key", orgId: "o-demo" };

/** One stack of the quickstart program against its own emulator, file backend and Pulumi home. */
export interface EngineStack {
  readonly emulator: Emulator;
  readonly dir: string;
  /** Stack config beyond the enos:* credentials, e.g. { "quickstart:dashboardName": "Overview" }. */
  config: Record<string, string>;
  run(...operations: StackOperation[]): Promise<StackResult[]>;
  close(): Promise<void>;
}

export interface EngineStackOptions {
  /** The compiled program module; defaults to the quickstart in dist/. */
  programPath?: string;
  /** Directory whose node_modules hold pulumi-enos and @pulumi/pulumi (where the provider process starts). */
  programDir?: string;
  /** A stack-runner.js next to programDir's node_modules (for installs outside this repo). */
  runner?: string;
}

export async function createEngineStack(options: EngineStackOptions = {}): Promise<EngineStack> {
  // Never skipped: ensurePulumi builds the CLI when none is found (pulumi.md §B7), and fails loudly if it cannot.
  const binDir = ensurePulumi();
  const emulator = await startEmulator({ port: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enos-engine-"));
  const workspace = offlineWorkspace(dir);
  const stack: EngineStack = {
    emulator,
    dir,
    config: {},
    run: (...operations) =>
      runStack(
        {
          programPath: options.programPath ?? path.join(repoRoot, "dist", "examples", "quickstart", "index.js"),
          programDir: options.programDir ?? path.join(repoRoot, "examples", "quickstart"),
          projectName: "enos-engine-test",
          stackName: "test",
          backendUrl: workspace.backendUrl,
          pulumiHome: workspace.pulumiHome,
          binDir,
          env: workspace.env,
          config: {
            "enos:apiUrl": { value: emulator.url },
            "enos:accessKey": { value: SERVICE_ACCOUNT.accessKey, secret: true },
            "enos:secretKey": { value: SERVICE_ACCOUNT.secretKey, secret: true },
            "enos:orgId": { value: SERVICE_ACCOUNT.orgId },
            ...Object.fromEntries(Object.entries(stack.config).map(([k, v]) => [k, { value: v }])),
          },
          operations,
        },
        options.runner === undefined ? {} : { runner: options.runner, cwd: path.dirname(options.runner) },
      ),
    close: async () => {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** The single result of a one-operation run, failing the test with the engine's own output when it failed. */
export function expectOk(results: StackResult[]): StackResult {
  const last = results[results.length - 1];
  if (!last?.ok) {
    throw new Error(`pulumi ${last?.op} failed: ${last?.error}\n${last?.stdout ?? ""}\n${last?.stderr ?? ""}`);
  }
  return last;
}

/** resourcePreEvents of our dynamic resources keyed by the resource's name (the last URN segment). */
export function stepsByName(result: StackResult): Record<string, StackEvent> {
  const steps: Record<string, StackEvent> = {};
  for (const event of enosSteps(result)) steps[nameOf(event)] = event;
  return steps;
}

/** Every step op per resource name, in order (a replacement is "create-replacement" then "delete-replaced"). */
export function opsByName(result: StackResult): Record<string, string[]> {
  const ops: Record<string, string[]> = {};
  for (const event of enosSteps(result)) (ops[nameOf(event)] ??= []).push(event.op ?? "");
  return ops;
}

function enosSteps(result: StackResult): StackEvent[] {
  return (result.events ?? []).filter(
    (event) => event.type === "pre" && event.resourceType?.startsWith("pulumi-nodejs:dynamic/enos:"),
  );
}

const nameOf = (event: StackEvent): string => event.urn?.split("::").pop() ?? "";

/** Every file the file backend wrote (current state, history, backups), concatenated: what is at rest on disk. */
export function backendFiles(stack: EngineStack): string {
  const files = fs.readdirSync(path.join(stack.dir, "backend"), { recursive: true, withFileTypes: true });
  return files
    .filter((entry) => entry.isFile())
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8"))
    .join("\n");
}

/**
 * Emulator state up to what legitimately differs after a create/delete round trip: generated ids (the sequence)
 * and the order of grant entries and of ids inside them.
 */
export function comparableState(emulator: Emulator): unknown {
  const { sequence: _sequence, roleGrants, groupGrants, ...rest } = emulator.state();
  const byUser = (a: { orgId: string; userId: string }, b: { orgId: string; userId: string }) =>
    `${a.orgId}/${a.userId}`.localeCompare(`${b.orgId}/${b.userId}`);
  return {
    ...rest,
    roleGrants: roleGrants.map((g) => ({ ...g, roleIds: [...g.roleIds].sort() })).sort(byUser),
    groupGrants: groupGrants.map((g) => ({ ...g, userGroupIds: [...g.userGroupIds].sort() })).sort(byUser),
  };
}

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EngineEvent, Stack } from "@pulumi/pulumi/automation";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { ensurePulumi, offlineWorkspace, repoRoot, selectStack } from "../../scripts/lib/stacks";

// Engine tests run `pulumi up` & co. of a real project directory through the Automation API (LocalWorkspace with a
// workDir): the CLI starts the Node.js language host, which runs the program in a Node process of its own, and the
// dynamic-provider plugin starts in the program directory. Nothing is serialized inside Jest (closure serialization
// under Jest is unreliable: pulumi/pulumi#3799).

export const SERVICE_ACCOUNT = { accessKey: "demo-access-key", secretKey: "demo-secret-key", orgId: "o-demo" };
export const QUICKSTART = path.join(repoRoot, "examples", "quickstart");

export interface StackOperation {
  op: "up" | "preview" | "refresh" | "destroy" | "export";
  expectNoChanges?: boolean;
  refresh?: boolean;
  diff?: boolean;
  /** Policy pack directories (`--policy-pack`) and their config files (`--policy-pack-config`), for previews and ups. */
  policyPacks?: string[];
  policyPackConfigs?: string[];
}

/** A policy violation the engine reported (policyEvent). */
export interface PolicyViolation {
  policyName: string;
  /** "mandatory" or "advisory". */
  enforcementLevel: string;
  /** What the policy reported, without the policy's description that the engine puts before it. */
  message: string;
  /** The resource, absent for a violation of the stack as a whole. */
  resourceUrn?: string;
}

/** The part of a step's engine event (resourcePreEvent) the tests read. */
export interface StackEvent {
  op: string;
  urn: string;
  resourceType: string;
  /** Changed input keys, present when the engine computed the diff (the provider leaves `changes` undefined). */
  diffs?: string[];
  /** The keys that force a replacement. */
  keys?: string[];
}

export interface StackResult {
  op: StackOperation["op"];
  ok: boolean;
  error?: string;
  stdout?: string;
  stderr?: string;
  summary?: { result: string; resourceChanges?: Record<string, number> };
  changeSummary?: Record<string, number>;
  outputs?: Record<string, { value: unknown; secret: boolean }>;
  deployment?: Deployment;
  events?: StackEvent[];
  policyViolations?: PolicyViolation[];
}

export interface Deployment {
  version: number;
  deployment: { resources?: Array<Record<string, unknown>> };
}

/** One stack of a project directory against its own emulator, file backend and Pulumi home. */
export interface EngineStack {
  readonly emulator: Emulator;
  /** The temporary directory holding backend/, pulumi-home/ and (unless given) project/. */
  readonly dir: string;
  /** Where Pulumi.yaml and the program are; the language host and the provider process start here. */
  readonly projectDir: string;
  readonly projectName: string;
  readonly stackName: string;
  /** Stack config beyond the enos:* credentials, e.g. { "quickstart:dashboardName": "Overview" }. */
  config: Record<string, string>;
  run(...operations: StackOperation[]): Promise<StackResult[]>;
  close(): Promise<void>;
}

export interface EngineStackOptions {
  /**
   * A project directory (Pulumi.yaml + program) to copy into a temporary directory whose node_modules is a symlink
   * to this repository's, so `pulumi-enos` and `@pulumi/pulumi` resolve from there. Defaults to examples/quickstart.
   */
  project?: string;
  /** A prepared project directory with its own node_modules, used in place (e.g. the packed tarball's install). */
  projectDir?: string;
  /** Run with the Pulumi directory whose language host runs policy packs (scripts/ensure-pulumi --policy). */
  policy?: boolean;
  /** Options of the stack's emulator (e.g. `appServiceCodes: "legacy"`); the port is always ephemeral. */
  emulator?: Omit<EmulatorOptions, "port">;
}

/** Copies `source` (without node_modules or stack settings files) to `dest` and links node_modules to the repo's. */
function copyProject(source: string, dest: string): void {
  fs.cpSync(source, dest, {
    recursive: true,
    filter: (src) => {
      const name = path.basename(src);
      return name !== "node_modules" && !/^Pulumi\..+\.ya?ml$/.test(name);
    },
  });
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dest, "node_modules"), "dir");
}

function projectName(projectDir: string): string {
  const yaml = fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8");
  const name = /^name:\s*(\S+)/m.exec(yaml)?.[1];
  if (!name) throw new Error(`no project name in ${projectDir}/Pulumi.yaml`);
  return name;
}

export async function createEngineStack(options: EngineStackOptions = {}): Promise<EngineStack> {
  // Never skipped: ensurePulumi builds the CLI and the language host when none is found (README "Two commands"), and
  // throws when it cannot, which fails the test file.
  const binDir = ensurePulumi({ policy: options.policy ?? false });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enos-engine-"));
  let projectDir = options.projectDir;
  if (projectDir === undefined) {
    projectDir = path.join(dir, "project");
    copyProject(options.project ?? QUICKSTART, projectDir);
  }
  const workspace = offlineWorkspace(dir);
  const emulator = await startEmulator({ ...options.emulator, port: 0 });
  const stackName = "test";
  let stack: Stack;
  try {
    stack = await selectStack({ workDir: projectDir, stackName, binDir, workspace });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  // The stack config last written (undefined: none yet): each write is a CLI run, so unchanged config is skipped.
  let applied: Record<string, string> | undefined;

  const engineStack: EngineStack = {
    emulator,
    dir,
    projectDir,
    projectName: projectName(projectDir),
    stackName,
    config: {},
    run: async (...operations) => {
      const wanted = { ...engineStack.config };
      if (JSON.stringify(wanted) !== JSON.stringify(applied)) {
        const dropped = Object.keys(applied ?? {}).filter((key) => !(key in wanted));
        if (dropped.length > 0) await stack.removeAllConfig(dropped);
        await stack.setAllConfig({
          "enos:apiUrl": { value: emulator.url },
          "enos:accessKey": { value: SERVICE_ACCOUNT.accessKey, secret: true },
          "enos:secretKey": { value: SERVICE_ACCOUNT.secretKey, secret: true },
          "enos:orgId": { value: SERVICE_ACCOUNT.orgId },
          ...Object.fromEntries(Object.entries(wanted).map(([k, v]) => [k, { value: v }])),
        });
        applied = wanted;
      }
      const results: StackResult[] = [];
      for (const operation of operations) {
        const result = await runOperation(stack, operation);
        results.push(result);
        if (!result.ok) break;
      }
      return results;
    },
    close: async () => {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return engineStack;
}

function stepOf(event: EngineEvent): StackEvent | undefined {
  const m = event.resourcePreEvent?.metadata;
  if (!m) return undefined;
  return {
    op: m.op,
    urn: m.urn,
    resourceType: m.type,
    ...(m.diffs === undefined ? {} : { diffs: m.diffs }),
    ...(m.keys === undefined ? {} : { keys: m.keys }),
  };
}

async function runOperation(stack: Stack, operation: StackOperation): Promise<StackResult> {
  const events: StackEvent[] = [];
  const policyViolations: PolicyViolation[] = [];
  const onEvent = (event: EngineEvent) => {
    const step = stepOf(event);
    if (step) events.push(step);
    const policy = event.policyEvent;
    if (policy) {
      policyViolations.push({
        policyName: policy.policyName,
        enforcementLevel: policy.enforcementLevel,
        message: policy.message.trim().split("\n").pop() ?? "",
        ...(policy.resourceUrn ? { resourceUrn: policy.resourceUrn } : {}),
      });
    }
  };
  const common = { onEvent, color: "never" as const, expectNoChanges: operation.expectNoChanges ?? false };
  const policy = {
    ...(operation.policyPacks && { policyPacks: operation.policyPacks }),
    ...(operation.policyPackConfigs && { policyPackConfigs: operation.policyPackConfigs }),
  };
  try {
    switch (operation.op) {
      case "up": {
        const r = await stack.up({
          ...common,
          ...policy,
          diff: operation.diff ?? false,
          refresh: operation.refresh ?? false,
        });
        return {
          op: "up",
          ok: true,
          summary: r.summary,
          outputs: r.outputs,
          stdout: r.stdout,
          events,
          policyViolations,
        };
      }
      case "preview": {
        const r = await stack.preview({
          ...common,
          ...policy,
          diff: operation.diff ?? false,
          refresh: operation.refresh ?? false,
        });
        return { op: "preview", ok: true, changeSummary: r.changeSummary, stdout: r.stdout, events, policyViolations };
      }
      case "refresh": {
        const r = await stack.refresh(common);
        return { op: "refresh", ok: true, summary: r.summary, stdout: r.stdout, events };
      }
      case "destroy": {
        const r = await stack.destroy({ onEvent, color: "never" });
        return { op: "destroy", ok: true, summary: r.summary, stdout: r.stdout, events };
      }
      case "export":
        return { op: "export", ok: true, deployment: await stack.exportStack() };
    }
  } catch (error) {
    const e = error as { message?: string; commandResult?: { stdout?: string; stderr?: string } };
    return {
      op: operation.op,
      ok: false,
      error: e.message ?? String(error),
      stdout: e.commandResult?.stdout ?? "",
      stderr: e.commandResult?.stderr ?? "",
      events,
      policyViolations,
    };
  }
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
  for (const event of enosSteps(result)) (ops[nameOf(event)] ??= []).push(event.op);
  return ops;
}

function enosSteps(result: StackResult): StackEvent[] {
  return (result.events ?? []).filter((event) => event.resourceType.startsWith("pulumi-nodejs:dynamic/enos:"));
}

const nameOf = (event: StackEvent): string => event.urn.split("::").pop() ?? "";

/**
 * What is at rest on disk, concatenated: every file the file backend wrote (current state, history, backups) and
 * the stack's settings file (where the stack config, credentials included, is kept).
 */
export function filesAtRest(stack: EngineStack): string {
  const files = fs.readdirSync(path.join(stack.dir, "backend"), { recursive: true, withFileTypes: true });
  return files
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .concat(path.join(stack.projectDir, `Pulumi.${stack.stackName}.yaml`))
    .map((file) => fs.readFileSync(file, "utf8"))
    .join("\n");
}

/** The stack's current checkpoint in the file backend. */
export function currentCheckpoint(stack: EngineStack): string {
  const file = path.join(stack.dir, "backend", ".pulumi", "stacks", stack.projectName, `${stack.stackName}.json`);
  return fs.readFileSync(file, "utf8");
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

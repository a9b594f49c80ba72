/**
 * One engine stack of program/ (test/engine/harness.ts: a temporary project dir, file backend and Pulumi home, its
 * own emulator) reused by every profile of a seed, with what the matrix adds: the emulator's admin API, the stack's
 * ids, and a hard clean-up so that one failing profile cannot leave the next one a dirty EnOS or stack.
 */
import * as path from "node:path";
import type { StateData } from "../../emulator";
import { ensurePulumi, offlineWorkspace, selectStack } from "../../scripts/lib/stacks";
import { createEngineStack, currentCheckpoint, filesAtRest, type EngineStack } from "../engine/harness";
import { adminApi, type AdminApi } from "./admin";
import { differences, type StackIds } from "./expectations";

const PROGRAM = path.join(__dirname, "program");
const DYNAMIC = "pulumi-nodejs:dynamic/enos:";

export interface FaultStack {
  readonly engine: EngineStack;
  readonly admin: AdminApi;
  /** The emulator's state before anything ran. */
  readonly seed: StateData;
  /** The ids of our resources in the stack's current checkpoint. */
  ids(): StackIds;
  /** Whether any secret EnOS issued to an app lies in plaintext in the backend or the stack settings. */
  secretAtRest(appSecretKeys: Iterable<string>): boolean;
  /** Without faults: destroy; if that fails, reset the emulator and drop our resources from the stack's state. */
  clean(): Promise<void>;
  close(): Promise<void>;
}

interface Checkpoint {
  checkpoint?: { latest?: { resources?: Array<{ type?: string; id?: string }> } };
}

function stackIds(engine: EngineStack): StackIds {
  let checkpoint: Checkpoint;
  try {
    checkpoint = JSON.parse(currentCheckpoint(engine)) as Checkpoint;
  } catch {
    return { apps: [], menus: [], permissions: [], count: 0 }; // no `up` has run yet
  }
  const ours = (checkpoint.checkpoint?.latest?.resources ?? []).filter((r) => r.type?.startsWith(DYNAMIC));
  const idsOf = (kind: string) => ours.filter((r) => r.type === `${DYNAMIC}${kind}`).map((r) => r.id ?? "");
  return { apps: idsOf("EnosApp"), menus: idsOf("AppMenu"), permissions: idsOf("AppPermission"), count: ours.length };
}

/** Removes our resources (and pending operations) from the stack's state, as `pulumi state delete` would. */
async function dropFromState(engine: EngineStack): Promise<void> {
  const workspace = offlineWorkspace(engine.dir);
  const stack = await selectStack({
    workDir: engine.projectDir,
    stackName: engine.stackName,
    binDir: ensurePulumi(),
    workspace,
  });
  const exported = await stack.exportStack();
  const deployment = exported.deployment as { resources?: Array<{ type?: string }>; pending_operations?: unknown };
  deployment.resources = (deployment.resources ?? []).filter((r) => !r.type?.startsWith(DYNAMIC));
  delete deployment.pending_operations;
  await stack.importStack(exported);
}

export async function createFaultStack(): Promise<FaultStack> {
  const engine = await createEngineStack({ project: PROGRAM });
  const admin = adminApi(engine.emulator.url);
  const seed = await admin.state();
  // Back at the seed (generated ids and grant order aside) with nothing of ours in the stack.
  const clean = async () => differences(seed, await admin.state(), undefined, stackIds(engine)).length === 0;
  return {
    engine,
    admin,
    seed,
    ids: () => stackIds(engine),
    secretAtRest: (keys) => {
      const atRest = filesAtRest(engine);
      return [...keys].some((key) => atRest.includes(key));
    },
    clean: async () => {
      await admin.clearFaults();
      if (await clean()) return;
      const [destroy] = await engine.run({ op: "destroy" });
      if (destroy?.ok && (await clean())) return;
      await admin.reset();
      await dropFromState(engine);
    },
    close: () => engine.close(),
  };
}

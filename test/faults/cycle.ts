/**
 * One profile's cycle on the seed's stack, as a user would live it: `pulumi up` (variant a: every resource
 * created), `pulumi up` (variant b: every resource updated, the device switch replaced), `pulumi preview --refresh
 * --expect-no-changes`, `pulumi destroy`. The profile's faults are armed before each `up` and `destroy`; when one
 * fails the user runs it once more, after the gateway has recovered (faults cleared). After every phase EnOS must
 * hold exactly what the program declares (the seed after destroy), with no duplicate, orphan or lost object, and no
 * app secret in plaintext at rest.
 */
import type { RequestLogEntry } from "../../emulator";
import type { CycleFigures, PhaseFigures } from "../../scripts/lib/fault-figures";
import type { StackOperation, StackResult } from "../engine/harness";
import { declared, differences, strayCount, type Declared, type Variant } from "./expectations";
import type { FaultStack } from "./fault-stack";
import { planName, type CyclePlan } from "./plans";
import { mulberry32 } from "./prng";
import { CLIENT_TIMEOUT_MS, profileSeed } from "./profiles";
import { PHASE_ROUTES, routeKey, type Phase } from "./routes";

interface Cycle {
  stack: FaultStack;
  seed: number;
  plan: CyclePlan;
  tag: string;
  figures: CycleFigures;
  appSecretKeys: Set<string>;
}

/** Writes sent more than once: in a clean phase each of the phase's write routes is called exactly once. */
function resentWrites(log: RequestLogEntry[], phase: Phase): number {
  const routes = Object.values(PHASE_ROUTES[phase]).flat();
  const keys = new Set(routes.map(routeKey));
  const counts = new Map<string, number>();
  for (const entry of log) {
    const exact = routeKey({ method: entry.method, path: entry.path, action: entry.query["action"] });
    const anyMethod = routeKey({ path: entry.path, action: entry.query["action"] });
    const key = keys.has(exact) ? exact : keys.has(anyMethod) ? anyMethod : undefined;
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
}

/** The first line of a failed operation's output that says what went wrong, for the figures. */
function failureLine(result: StackResult | undefined): string {
  const text = `${result?.stdout ?? ""}\n${result?.stderr ?? ""}\n${result?.error ?? ""}`;
  const line = text
    .split("\n")
    .find((l) => /error:|failed/i.test(l) && !/^\s*(Diagnostics|pulumi:pulumi:Stack)/.test(l));
  return (line ?? result?.error ?? "unknown failure").trim().slice(0, 300);
}

/** Runs `operation` with the profile's faults for `phase`, and once more without them if it failed. */
async function runPhase(cycle: Cycle, phase: Phase, operation: StackOperation): Promise<PhaseFigures> {
  const { admin, engine } = cycle.stack;
  await admin.clearFaults();
  await admin.clearRequests();
  const profile = cycle.plan[phase];
  // One PRNG per (seed, profile, phase): a profile's faults stay put when the plan or another profile changes.
  const random = mulberry32(profileSeed(cycle.seed, profile, phase));
  for (const spec of profile.faults(random, phase)) await admin.addFault(spec);
  const [first] = await engine.run(operation);
  let outcome: PhaseFigures["outcome"] = "ok";
  let error: string | undefined;
  if (!first?.ok) {
    error = failureLine(first);
    await admin.clearFaults();
    const [retry] = await engine.run(operation);
    outcome = retry?.ok ? (operation.op === "up" ? "+1 up" : "+1 destroy") : "failed";
    if (!retry?.ok) error = `${error} | retry: ${failureLine(retry)}`;
  }
  await admin.clearFaults();
  const log = await admin.requests();
  return {
    profile: profile.id,
    faults: log.filter((entry) => entry.fault !== undefined).length,
    calls: log.length,
    resent: resentWrites(log, phase),
    pulumiOps: outcome === "ok" ? 1 : 2,
    outcome,
    ...(error === undefined ? {} : { error }),
  };
}

/** Compares EnOS with what it must hold now and records every difference. */
async function check(cycle: Cycle, phase: Phase, want: Declared | undefined): Promise<void> {
  const { stack, figures } = cycle;
  const live = await stack.admin.state();
  const ids = stack.ids();
  for (const app of live.apps) cycle.appSecretKeys.add(app.secretKey);
  figures.problems.push(...differences(stack.seed, live, want, ids).map((problem) => `after ${phase}: ${problem}`));
  if (stack.secretAtRest(cycle.appSecretKeys))
    figures.problems.push(`after ${phase}: an app secretKey is at rest in plaintext`);
  const stray = strayCount(live, ids);
  figures.orphans = Math.max(figures.orphans, stray.orphans);
  figures.duplicates = Math.max(figures.duplicates, stray.duplicates);
}

async function upPhase(cycle: Cycle, phase: "create" | "update", variant: Variant): Promise<boolean> {
  cycle.stack.engine.config = {
    "faults:tag": cycle.tag,
    "faults:variant": variant,
    "enos:timeoutMs": String(CLIENT_TIMEOUT_MS),
  };
  const figures = await runPhase(cycle, phase, { op: "up" });
  cycle.figures.phases[phase] = figures;
  await check(cycle, phase, declared(cycle.tag, variant));
  return figures.outcome !== "failed";
}

/** `pulumi preview --refresh --expect-no-changes`, no faults: the stack and EnOS agree. */
async function refreshPhase(cycle: Cycle): Promise<void> {
  const { admin, engine } = cycle.stack;
  await admin.clearRequests();
  const [preview] = await engine.run({ op: "preview", refresh: true, expectNoChanges: true });
  const log = await admin.requests();
  cycle.figures.phases.refresh = {
    profile: "none",
    faults: 0,
    calls: log.length,
    resent: 0,
    pulumiOps: 1,
    outcome: preview?.ok ? "ok" : "failed",
    ...(preview?.ok ? {} : { error: failureLine(preview) }),
  };
  if (!preview?.ok) cycle.figures.problems.push(`refresh preview proposed changes: ${failureLine(preview)}`);
}

/** Runs one cycle of `plan` on `stack` and returns its figures; never throws for what the checks find. */
export async function runCycle(stack: FaultStack, seed: number, plan: CyclePlan, index: number): Promise<CycleFigures> {
  const started = Date.now();
  const figures: CycleFigures = {
    seed,
    cycle: planName(plan),
    phases: {},
    orphans: 0,
    duplicates: 0,
    problems: [],
    durationMs: 0,
  };
  const cycle: Cycle = {
    stack,
    seed,
    plan,
    tag: `${seed}-${index}-${plan.create.id}`,
    figures,
    appSecretKeys: new Set(),
  };
  try {
    await stack.clean();
    if ((await upPhase(cycle, "create", "a")) && (await upPhase(cycle, "update", "b"))) await refreshPhase(cycle);
    cycle.figures.phases.delete = await runPhase(cycle, "delete", { op: "destroy" });
    await check(cycle, "delete", undefined);
  } finally {
    for (const [phase, p] of Object.entries(figures.phases)) {
      if (p.outcome !== "ok") figures.problems.push(`${phase}: ${p.outcome}${p.error ? ` (${p.error})` : ""}`);
    }
    await stack.clean();
    figures.durationMs = Date.now() - started;
  }
  return figures;
}

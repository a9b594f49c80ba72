/**
 * Devices switched on or off, and what deleting a DeviceEnablement does: it puts the device back as it found it
 * (`originalEnabled`) unless `restoreOnDelete: false` (README "Devices"). A switch the program did not ask for (the
 * program still wants what the stack stored) is drift.
 */
import type { StateView } from "../engine/capture";
import { textOf } from "../engine/state-view";
import type { DeviceChange } from "../report/schema";
import type { ResourcePlan } from "./resource-plan";

function prop(state: StateView | undefined, key: string): unknown {
  return state ? (state.inputs[key] ?? state.outputs[key]) : undefined;
}

const flag = (value: unknown): boolean | undefined => (typeof value === "boolean" ? value : undefined);
const word = (enabled: boolean | undefined) => (enabled === undefined ? "as it was" : enabled ? "enabled" : "disabled");

function base(plan: ResourcePlan, state: StateView | undefined): Pick<DeviceChange, "resource" | "assetId" | "orgId"> {
  const assetId = textOf(prop(state, "resolvedAssetId")) ?? textOf(prop(state, "assetId")) ?? plan.ref.name;
  const orgId = textOf(prop(state, "orgId"));
  return { resource: plan.ref, assetId, ...(orgId ? { orgId } : {}) };
}

function switched(plan: ResourcePlan, state: StateView | undefined, after: boolean, before?: boolean): DeviceChange {
  const change: DeviceChange = {
    ...base(plan, state),
    action: after ? "enable" : "disable",
    after,
    cause: "program",
    effect: "applied",
  };
  if (before !== undefined) change.before = before;
  return change;
}

function removal(plan: ResourcePlan, live: StateView): DeviceChange {
  const restores = prop(live, "restoreOnDelete") !== false;
  const original = flag(prop(live, "originalEnabled"));
  const change: DeviceChange = {
    ...base(plan, live),
    action: restores ? "restore" : "release",
    cause: "program",
    effect: "applied",
    note: restores
      ? `the resource is deleted: the device is put back ${word(original)}, as it was before the stack`
      : "the resource is deleted: the device stays as it is (restoreOnDelete: false)",
  };
  const before = flag(prop(live, "enabled"));
  if (before !== undefined) change.before = before;
  if (restores && original !== undefined) change.after = original;
  return change;
}

function update(plan: ResourcePlan, live: StateView, next: StateView): DeviceChange | undefined {
  const before = flag(prop(live, "enabled"));
  const after = flag(prop(next, "enabled"));
  if (after === undefined || before === after) {
    if (plan.diffs.length === 0) return undefined;
    return {
      ...base(plan, next),
      action: "update",
      cause: "program",
      effect: "applied",
      note: `changes ${plan.diffs.join(", ")}`,
    };
  }
  const change = switched(plan, next, after, before);
  if (plan.stored && flag(prop(plan.stored, "enabled")) === after) {
    change.cause = "drift";
    change.note = `${after ? "disabled" : "enabled"} outside the stack; the next \`pulumi up\` switches it back`;
  }
  return change;
}

/** The device changes of a preview. */
export function analyzeDevices(plans: readonly ResourcePlan[]): DeviceChange[] {
  const changes: DeviceChange[] = [];
  for (const plan of plans) {
    if (plan.kind !== "DeviceEnablement") continue;
    const { live, next } = plan;
    if (plan.action === "update" && live && next) {
      const change = update(plan, live, next);
      if (change) changes.push(change);
    } else if (plan.action === "create" && next) {
      const after = flag(prop(next, "enabled"));
      if (after !== undefined) {
        const change = switched(plan, next, after);
        change.note = "the device's current state is recorded; deleting the resource restores it";
        changes.push(change);
      }
    } else if (plan.action === "delete" && live) {
      changes.push(removal(plan, live));
    } else if (plan.action === "replace") {
      if (live) changes.push(removal(plan, live));
      const after = flag(prop(next, "enabled"));
      if (next && after !== undefined) changes.push(switched(plan, next, after));
    }
  }
  return changes;
}

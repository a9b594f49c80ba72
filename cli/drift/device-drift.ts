/**
 * Device drift (switched on or off outside the stack, or gone), and any other resource the refresh found changed
 * or deleted, so nothing is hidden.
 */
import type { ResourceStep } from "../engine/capture";
import { textOf } from "../engine/state-view";
import { resourceLabel } from "../render/words";
import type { DeviceChange, OtherChange, ResourceRef } from "../report/schema";
import { prop, UP } from "./prop";

export function deviceDrift(step: ResourceStep, ref: ResourceRef): DeviceChange | undefined {
  const state = step.old;
  if (!state) return undefined;
  const assetId = textOf(prop(state, "resolvedAssetId")) ?? textOf(prop(state, "assetId")) ?? ref.name;
  const orgId = textOf(prop(state, "orgId"));
  const base = { resource: ref, assetId, ...(orgId ? { orgId } : {}), cause: "drift" as const };
  if (!step.new) {
    return {
      ...base,
      action: "gone",
      effect: "blocked",
      note:
        "the device no longer exists: the refresh drops the resource, and the next `pulumi up` fails until the " +
        "device exists again or the resource is removed from the program",
      fixes: { revert: `restore the device, then ${UP}`, accept: `remove ${resourceLabel(ref)} from the program` },
    };
  }
  const before = prop(state, "enabled");
  const after = prop(step.new, "enabled");
  if (typeof before !== "boolean" || typeof after !== "boolean" || before === after) return undefined;
  return {
    ...base,
    effect: "applied",
    action: after ? "enable" : "disable",
    before,
    after,
    note: `${after ? "enabled" : "disabled"} outside the stack; the next \`pulumi up\` ${before ? "enables" : "disables"} it again`,
    fixes: { revert: UP, accept: `\`enabled\` of ${resourceLabel(ref)} becomes \`${String(after)}\`` },
  };
}

export function otherDrift(step: ResourceStep, ref: ResourceRef): OtherChange | undefined {
  if (ref.type === "pulumi:pulumi:Stack" || ref.type.startsWith("pulumi:providers:")) return undefined;
  const base = { resource: ref, cause: "drift" as const, effect: "applied" as const };
  if (!step.new) return { ...base, action: "deleted outside the stack", fields: [] };
  if (step.op !== "update" && (step.diffs ?? []).length === 0) return undefined;
  return { ...base, action: "changed outside the stack", fields: step.diffs ?? [] };
}

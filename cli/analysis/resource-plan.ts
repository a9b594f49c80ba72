/**
 * One entry per resource of a preview: its steps folded into one action (a replacement is three engine steps, or
 * one in a saved preview), with the three states a change is judged by: `stored` (the stack's state before the
 * refresh), `live` (after the refresh: what EnOS holds) and `next` (what the program asks for).
 */
import type { Capture, ResourceStep, StateView } from "../engine/capture";
import { nameOfUrn } from "../engine/capture";
import type { ResourceRef } from "../report/schema";

const ENOS_TYPE = "pulumi-nodejs:dynamic/enos:";

export type EnosKind =
  "EnosApp" | "AppMenu" | "AppPermission" | "RoleAssignment" | "UserGroupMembership" | "DeviceEnablement";

const KINDS: readonly string[] = [
  "EnosApp",
  "AppMenu",
  "AppPermission",
  "RoleAssignment",
  "UserGroupMembership",
  "DeviceEnablement",
];

export type PlanAction = "create" | "update" | "delete" | "replace" | "same" | "other";

export interface ResourcePlan {
  ref: ResourceRef;
  /** Our resource kind, or undefined for anything else (other providers, components, the stack). */
  kind: EnosKind | undefined;
  action: PlanAction;
  /** The engine ops, e.g. ["create-replacement", "replace", "delete-replaced"]. */
  ops: string[];
  stored?: StateView;
  live?: StateView;
  next?: StateView;
  diffs: string[];
  replaceKeys: string[];
}

export function enosKind(type: string): EnosKind | undefined {
  if (!type.startsWith(ENOS_TYPE)) return undefined;
  const kind = type.slice(ENOS_TYPE.length);
  return KINDS.includes(kind) ? (kind as EnosKind) : undefined;
}

export function refOf(urn: string, type: string): ResourceRef {
  const kind = enosKind(type);
  return { type: kind ?? type, name: nameOfUrn(urn), urn };
}

const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced", "discard-replaced"]);

function actionOf(ops: readonly string[]): PlanAction {
  if (ops.some((op) => REPLACE_OPS.has(op))) return "replace";
  for (const action of ["create", "update", "delete", "same"] as const) if (ops.includes(action)) return action;
  return "other";
}

function fold(urn: string, steps: readonly ResourceStep[], stored: StateView | undefined): ResourcePlan {
  const first = steps[0];
  const type = first?.type ?? "";
  const ops = steps.map((step) => step.op);
  const live = steps.find((step) => step.old !== undefined)?.old;
  // The replacement's new state is on create-replacement (events) or replace (saved preview).
  const nextStep = [...steps].reverse().find((step) => step.new !== undefined && step.op !== "delete-replaced");
  const diffs = [...new Set(steps.flatMap((step) => step.diffs ?? []))];
  const replaceKeys = [...new Set(steps.flatMap((step) => step.replaceKeys ?? []))];
  return {
    ref: refOf(urn, type),
    kind: enosKind(type),
    action: actionOf(ops),
    ops,
    ...(stored === undefined ? {} : { stored }),
    ...(live === undefined ? {} : { live }),
    ...(nextStep?.new === undefined ? {} : { next: nextStep.new }),
    diffs,
    replaceKeys,
  };
}

/**
 * The preview's resources in first-seen order. A saved preview lists no step for an unchanged resource, so every
 * refreshed resource without a step is "same" as stored (its name still labels the menus and apps around it).
 */
export function planResources(capture: Capture): ResourcePlan[] {
  const byUrn = new Map<string, ResourceStep[]>();
  for (const step of capture.steps) {
    const list = byUrn.get(step.urn) ?? [];
    list.push(step);
    byUrn.set(step.urn, list);
  }
  const stored = new Map(capture.refreshed.map((step) => [step.urn, step.old]));
  for (const step of capture.refreshed) {
    if (!byUrn.has(step.urn) && step.old)
      byUrn.set(step.urn, [{ op: "same", urn: step.urn, type: step.type, old: step.old, new: step.old }]);
  }
  return [...byUrn].map(([urn, steps]) => fold(urn, steps, stored.get(urn)));
}

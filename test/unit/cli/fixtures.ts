import type { Capture, ResourceStep, StateView } from "../../../cli/engine/capture";

// Synthetic engine captures in the shapes the engine produces (gitops.md §2), for the pure analysis tests.

export const PROJECT = "proj";
export const STACK = "dev";

export function urn(type: string, name: string): string {
  return `urn:pulumi:${STACK}::${PROJECT}::pulumi-nodejs:dynamic/enos:${type}::${name}`;
}

export function state(
  type: string,
  id: string,
  inputs: Record<string, unknown>,
  outputs: Record<string, unknown> = {},
): StateView {
  return { id, type: `pulumi-nodejs:dynamic/enos:${type}`, inputs, outputs: { ...inputs, ...outputs } };
}

export function step(
  op: string,
  type: string,
  name: string,
  old?: StateView,
  next?: StateView,
  diffs?: string[],
): ResourceStep {
  return {
    op,
    urn: urn(type, name),
    type: `pulumi-nodejs:dynamic/enos:${type}`,
    ...(old ? { old } : {}),
    ...(next ? { new: next } : {}),
    ...(diffs ? { diffs } : {}),
  };
}

export function capture(steps: ResourceStep[], refreshed: ResourceStep[] = [], extra: Partial<Capture> = {}): Capture {
  return { steps, refreshed, diagnostics: [], policy: [], enosCalls: 0, failed: false, ...extra };
}

/** A RoleAssignment state as the provider stores it. */
export function roles(
  userId: string,
  roleIds: string[],
  live: string[],
  managed: string[],
  extra: Record<string, unknown> = {},
): StateView {
  return state(
    "RoleAssignment",
    `o-demo/${userId}`,
    { orgId: "o-demo", userId, roleIds, exhaustive: false, ...extra },
    { assignedRoleIds: live, managedRoleIds: managed },
  );
}

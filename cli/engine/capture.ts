/**
 * What the commands read from a preview or refresh, whichever way it came (engine events of the Automation API, or a
 * saved `pulumi preview --json`): the resource steps with their old and new state, the refresh results, the
 * diagnostics and the policy events. The serialized `__provider` never gets this far (engine/state-view.ts).
 */

/** A resource state without `__provider`: plain inputs and outputs as the engine shows them. */
export interface StateView {
  id: string;
  type: string;
  inputs: Readonly<Record<string, unknown>>;
  outputs: Readonly<Record<string, unknown>>;
}

/** One step of a preview, or the result of refreshing one resource. */
export interface ResourceStep {
  /** The engine's op: same, create, update, delete, replace, create-replacement, delete-replaced, read, ... */
  op: string;
  urn: string;
  /** The full resource type, e.g. "pulumi-nodejs:dynamic/enos:RoleAssignment". */
  type: string;
  old?: StateView;
  new?: StateView;
  /** Changed input keys, when the engine computed them. */
  diffs?: string[];
  /** Keys that force a replacement. */
  replaceKeys?: string[];
}

export interface Diagnostic {
  severity: "error" | "warning" | "info";
  /** First line, without the engine's "error: " prefix. */
  message: string;
  urn?: string;
}

export interface PolicyEventView {
  policyPack: string;
  policy: string;
  enforcement: string;
  message: string;
  urn?: string;
}

export interface Capture {
  /** Preview steps in engine order (a replacement is create-replacement, replace, delete-replaced). */
  steps: ResourceStep[];
  /** Refresh results: old = the stored state, new = what EnOS holds now (absent: gone from EnOS). */
  refreshed: ResourceStep[];
  diagnostics: Diagnostic[];
  policy: PolicyEventView[];
  /** EnOS calls made by the provider and the program, counted from the client's debug log (when it was on). */
  enosCalls: number;
  /** The operation failed (the steps are then those planned before it stopped). */
  failed: boolean;
}

/** The last segment of a URN: the resource's name in the program. */
export function nameOfUrn(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/** The project segment of a URN (urn:pulumi:<stack>::<project>::...). */
export function projectOfUrn(urn: string): string | undefined {
  return urn.split("::")[1];
}

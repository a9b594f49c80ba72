/**
 * Maps between validation/client errors and what Pulumi's dynamic-provider host understands (style.md "Error model"):
 * zod issues become `check()` failures naming the property and the fix; a create that succeeded remotely but failed
 * afterwards throws `{ id, properties, reasons }` so the object is recorded instead of orphaned (pulumi.md A8); every
 * other error is re-thrown with a "<Resource> <op> failed:" prefix and its `cause` kept.
 */
import type { z } from "zod";
import { isSentinelMismatch } from "./inputs/unknown";

/** One `check()` failure, the shape of Pulumi's `dynamic.CheckFailure` (kept local: this module stays Pulumi-free). */
export interface CheckFailure {
  /** Dotted path of the offending input, e.g. "name.default" or "roleIds.2". */
  property: string;
  /** A plain sentence saying what is wrong and how to fix it. */
  reason: string;
}

/** Extra knowledge the mapper needs to word some failures. */
export interface IssueMappingOptions {
  /** The resource's input names, used to suggest the closest one for an unknown property. */
  knownKeys?: readonly string[];
  /** Output names: passing one as an input gets a dedicated hint. */
  outputKeys?: readonly string[];
}

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into check failures. Schema messages are noun phrases ("an integer >= 1"), so the reason reads
 * "<property> must be <rule>; got <value>", or "<property> is required: it must be <rule>" when the value is absent.
 * Custom issues carry a predicate ("is not a locale id ...") appended to the property. Run the parse with
 * `reportInput: true` so the offending value can be quoted.
 */
export function issuesToFailures(issues: readonly Issue[], options: IssueMappingOptions = {}): CheckFailure[] {
  return flattenIssues(issues, []).flatMap((issue) => issueToFailures(issue, options));
}

/** Replaces union issues by the issues of the branch the user evidently meant (never the unknown-sentinel branch). */
function flattenIssues(issues: readonly Issue[], prefix: readonly PropertyKey[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const branch = pickBranch(issue.errors);
      if (branch) return flattenIssues(branch, path);
    }
    return [{ ...issue, path }];
  });
}

/** The branch that got furthest into the value (deepest issue path); ties go to the first, the primary shape. */
function pickBranch(branches: readonly Issue[][]): Issue[] | undefined {
  let best: Issue[] | undefined;
  let bestDepth = -1;
  for (const branch of branches) {
    if (branch.length === 0 || branch.every(isSentinelMismatch)) continue;
    const depth = Math.max(...branch.map((i) => i.path.length));
    if (depth > bestDepth) [best, bestDepth] = [branch, depth];
  }
  return best;
}

function issueToFailures(issue: Issue, options: IssueMappingOptions): CheckFailure[] {
  const property = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const known = issue.path.length === 0 ? options : {};
    return issue.keys.map((key) => ({
      property: formatPath([...issue.path, key]),
      reason: unknownPropertyReason(key, known),
    }));
  }
  if (issue.code === "custom") return [{ property, reason: `${property} ${issue.message}` }];
  if (issue.input === undefined) return [{ property, reason: `${property} is required: it must be ${issue.message}` }];
  return [{ property, reason: `${property} must be ${issue.message}; got ${renderValue(issue.input)}` }];
}

/** "roleIds.2", "name.zh_CN": one dotted form for every failure. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join(".");
}

/** Quotes a value for a message, shortened so a base64 icon cannot flood the preview output. */
export function renderValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** "unknown property 'roleId'; did you mean 'roleIds'?" (typo protection for untyped programs). */
export function unknownPropertyReason(key: string, options: IssueMappingOptions): string {
  if (options.outputKeys?.includes(key)) {
    return `unknown property '${key}': it is an output computed by the provider, not an input; remove it`;
  }
  const suggestion = closestKey(key, options.knownKeys ?? []);
  const hint = suggestion === undefined ? "" : `; did you mean '${suggestion}'?`;
  const list = options.knownKeys && suggestion === undefined ? ` (valid inputs: ${options.knownKeys.join(", ")})` : "";
  return `unknown property '${key}'${hint}${list}`;
}

/** The closest candidate by edit distance (ignoring case), else one starting with `key`; undefined if none is close. */
export function closestKey(key: string, candidates: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))) return best;
  return lower.length >= 3 ? candidates.find((c) => c.toLowerCase().startsWith(lower)) : undefined;
}

/** Levenshtein distance, two-row version. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The error the dynamic-provider host turns into "created, but failed to initialise" (`grpcResponseFromError` in
 * `@pulumi/pulumi/cmd/dynamic-provider`): because it carries `id`, the engine records the resource with `properties`
 * as its outputs and `reasons` as init errors, and the next `up` updates it instead of creating a duplicate.
 */
export interface PartialCreateError extends Error {
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];
}

/**
 * Builds a {@link PartialCreateError}. `properties` must be the full state to record, including `__provider` from the
 * create inputs: on this path the host does NOT add `__provider` itself, and without it later read/delete cannot load
 * the provider. Undefined values are dropped (the host's `Struct.fromJavaScript` throws on them).
 */
export function partialCreateError(
  id: string,
  properties: Record<string, unknown>,
  reason: string,
  cause?: unknown,
): PartialCreateError {
  const error = new Error(reason, cause === undefined ? undefined : { cause });
  error.name = "PartialCreateError";
  return Object.assign(error, { id, properties: structSafe(properties), reasons: [reason] });
}

/** True for an error the host will treat as a partial create (it only looks for a truthy `id`). */
export function isPartialCreateError(error: unknown): error is PartialCreateError {
  if (!(error instanceof Error)) return false;
  const { id } = error as Partial<PartialCreateError>;
  return typeof id === "string" && id !== "";
}

/** A provider operation, as named in messages. */
export type ResourceOperation = "check" | "diff" | "create" | "read" | "update" | "delete";

/** An error re-thrown with the resource and operation in front; the original stays in `cause`. */
export class ResourceOperationError extends Error {
  readonly resource: string;
  readonly operation: ResourceOperation;

  constructor(resource: string, operation: ResourceOperation, cause: unknown) {
    super(`${resource} ${operation} failed: ${messageOf(cause)}`, { cause });
    this.name = "ResourceOperationError";
    this.resource = resource;
    this.operation = operation;
  }
}

/**
 * Re-throws `error` as "EnosApp create failed: <message>" with `cause` kept. A partial-create error keeps its `id`,
 * `properties` and `reasons` (else the host would lose the created object); an already prefixed error is re-thrown
 * as is, so nested wrappers do not stutter.
 */
export function withResourceContext(resource: string, operation: ResourceOperation, error: unknown): never {
  const prefix = `${resource} ${operation} failed: `;
  if (error instanceof Error && error.message.startsWith(prefix)) throw error;
  if (isPartialCreateError(error)) {
    const wrapped = partialCreateError(error.id, error.properties, `${prefix}${error.message}`, error);
    throw Object.assign(wrapped, { reasons: error.reasons.map((r) => (r.startsWith(prefix) ? r : prefix + r)) });
  }
  throw new ResourceOperationError(resource, operation, error);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : (JSON.stringify(error) ?? String(error));
}

/** A copy without undefined values (dropped from objects, null in arrays), as `google-protobuf` Struct requires. */
function structSafe(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

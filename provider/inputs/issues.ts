/**
 * Turns zod issues into `check()` failures that name the property and the fix: "<property> must be <rule>; got
 * <value>", "<property> is required: it must be <rule>", or a typo hint for an unknown property.
 */
import type { z } from "zod";
import { isSentinelMismatch } from "./unknown";
import { editDistance, renderValue } from "../text";

export { editDistance, renderValue } from "../text";

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

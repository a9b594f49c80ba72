/**
 * The shared body of every `checkX`: separate engine-reserved keys, fill the default OU, validate and normalise with
 * the resource's zod schema, add cross-field failures, and hand back either the inputs to record or the failures.
 */
import type { z } from "zod";
import { issuesToFailures, type CheckFailure } from "./issues";
import { applyDefaultOrgId, type CheckDefaults } from "./org-id";
import type { Known } from "./unknown";

/** What a `checkX` returns: `inputs` when there are no failures, else only `failures`. */
export interface CheckOutcome<T> {
  /**
   * Normalised inputs with defaults applied, plus `__provider` (and any other `__`-prefixed engine key) unchanged.
   * During preview any field may still be the unknown sentinel despite the type; create/update never see it.
   */
  inputs?: T;
  failures: CheckFailure[];
}

/**
 * What a program may pass for a resource with schema `S`, before defaults and normalisation: the schema's input type
 * with `orgId` optional (check fills it from the provider default before validating). The sdk's `XArgs` should match
 * this with every field wrapped in `pulumi.Input`.
 */
export type RawInputs<S extends z.ZodObject> = Known<Omit<z.input<S>, "orgId">> & { orgId?: string };

/** Everything `runCheck` needs to know about one resource. */
export interface InputSpec<S extends z.ZodObject> {
  schema: S;
  /** Output names, so passing one as an input gets a precise hint. */
  outputKeys: readonly string[];
  /** Rules spanning several fields, run on the raw values (unknown sentinels must count as "maybe"). */
  crossFieldRules?: (fields: Readonly<Record<string, unknown>>) => CheckFailure[];
}

/** Engine-owned keys (`__provider`): never validated, always passed through untouched. */
function isReservedKey(key: string): boolean {
  return key.startsWith("__");
}

/** Splits `news` into reserved keys and fields. A null field counts as absent (the SDK sends undefined as null). */
function splitNews(news: Readonly<Record<string, unknown>>): {
  reserved: Record<string, unknown>;
  fields: Record<string, unknown>;
} {
  const reserved: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(news)) {
    if (isReservedKey(key)) reserved[key] = value;
    else if (value !== undefined && value !== null) fields[key] = value;
  }
  return { reserved, fields };
}

/** Fallback wording for any issue whose schema set no message of its own. */
const fallbackRule = (issue: { code?: string; expected?: unknown }): string | undefined =>
  issue.code === "invalid_type" ? `a valid ${String(issue.expected)}` : undefined;

/** Validates `news` against `spec`; see {@link CheckOutcome}. */
export function runCheck<S extends z.ZodObject>(
  spec: InputSpec<S>,
  news: Readonly<Record<string, unknown>>,
  defaults: CheckDefaults,
): CheckOutcome<Known<z.output<S>>> {
  const { reserved, fields: raw } = splitNews(news);
  const { fields, failures: orgFailures } = applyDefaultOrgId(raw, defaults);
  const parsed = spec.schema.safeParse(fields, { reportInput: true, error: fallbackRule });
  const knownKeys = Object.keys(spec.schema.shape);
  const schemaFailures = parsed.success
    ? []
    : issuesToFailures(parsed.error.issues, { knownKeys, outputKeys: spec.outputKeys }).filter(
        // The missing-orgId failure already says how to set the default; zod's "orgId is required" would repeat it.
        (failure) => orgFailures.length === 0 || failure.property !== "orgId",
      );
  const failures = [...orgFailures, ...schemaFailures, ...(spec.crossFieldRules?.(fields) ?? [])];
  if (!parsed.success || failures.length > 0) return { failures };
  // The cast drops the sentinel from the static type only; see CheckOutcome.inputs.
  const inputs = { ...parsed.data, ...reserved } as unknown as Known<z.output<S>>;
  return { inputs, failures };
}

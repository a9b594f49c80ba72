/**
 * `check` for every resource: separate the engine's keys, fill the default OU, validate and normalise with the
 * resource's zod schema, add cross-field failures, and hand back either the inputs to record or the failures.
 */
import { z } from "zod";
import { splitEngineKeys, type Props } from "./engine-keys";
import { issuesToFailures, type CheckFailure } from "./issues";
import { applyDefaultOrgId, type CheckDefaults } from "./org-id";
import { inputKeysOf, outputKeysOf, type InputObject, type OutputShape, type ResourceSchema } from "./resource-schema";
import { PROGRAM_ISSUE_KEY, programIssueFailures } from "./program-issue";

/** What {@link checkInputs} returns: `inputs` when there are no failures, else only `failures`. */
export interface CheckOutcome<T> {
  /**
   * Normalised inputs with defaults applied, plus `__provider` (and any other `__`-prefixed engine key) unchanged.
   * During preview any field may still be the unknown sentinel.
   */
  inputs?: T & Props;
  failures: CheckFailure[];
}

/** Fallback wording for any issue whose schema set no message of its own. */
const fallbackRule = (issue: { code?: string; expected?: unknown }): string | undefined =>
  issue.code === "invalid_type" ? `a valid ${String(issue.expected)}` : undefined;

/** Validates `news` (what the program passed) against `schema`; see {@link CheckOutcome}. */
export function checkInputs<S extends InputObject, O extends OutputShape>(
  schema: ResourceSchema<S, O>,
  news: Props,
  defaults: CheckDefaults,
): CheckOutcome<z.output<S>> {
  const { engine: withIssue, fields: raw } = splitEngineKeys(news);
  const programFailures = programIssueFailures(withIssue);
  if (programFailures.length > 0) return { failures: programFailures };
  // An issue still unknown at preview, or resolved to none, leaves no trace in the inputs the engine compares.
  const { [PROGRAM_ISSUE_KEY]: _issue, ...engine } = withIssue;
  const { fields, failures: orgFailures } = applyDefaultOrgId(raw, defaults);
  const parsed = z.safeParse(schema.inputs, fields, { reportInput: true, error: fallbackRule });
  const mapping = { knownKeys: inputKeysOf(schema), outputKeys: outputKeysOf(schema) };
  const schemaFailures = parsed.success
    ? []
    : issuesToFailures(parsed.error.issues, mapping).filter(
        // The missing-orgId failure already says how to set the default; zod's "orgId is required" would repeat it.
        (failure) => orgFailures.length === 0 || failure.property !== "orgId",
      );
  const failures = [...orgFailures, ...schemaFailures, ...(schema.crossFieldRules?.(fields) ?? [])];
  if (!parsed.success || failures.length > 0) return { failures };
  return { inputs: { ...parsed.data, ...engine }, failures };
}

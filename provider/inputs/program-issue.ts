/**
 * A problem the program process found with a resource before registering it (two resources declaring one keyword,
 * an exhaustive grant beside another grant of the same user, the `import` option): the sdk hands it over as the
 * engine-owned input `__programIssue`, and `check` reports it as a failure. So it fails `pulumi preview` (and the
 * resource's step in `pulumi up`) before any EnOS call, printed once by the engine like any other check failure,
 * where an exception thrown by the program would fail it too but costs the engine tens of seconds to wind down.
 */
import type { CheckFailure } from "./issues";
import type { Props } from "./engine-keys";

/** The engine-owned input key (its `__` prefix keeps it out of validation and of the engine's diff display). */
export const PROGRAM_ISSUE_KEY = "__programIssue";

/** What the sdk sends: the property the problem is about ("" for the resource as a whole) and the reason. */
export interface ProgramIssue {
  property: string;
  reason: string;
}

/**
 * The check failure for the program's issue in `engine` (the `__` keys of the new inputs), if there is one. A value
 * still unknown at preview (it depends on another resource's output) is no issue yet.
 */
export function programIssueFailures(engine: Props): CheckFailure[] {
  const issue = engine[PROGRAM_ISSUE_KEY];
  if (typeof issue !== "object" || issue === null) return [];
  const { property, reason } = issue as Partial<ProgramIssue>;
  if (typeof reason !== "string" || reason === "") return [];
  return [{ property: typeof property === "string" ? property : "", reason }];
}

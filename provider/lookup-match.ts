/**
 * Singular lookups pick exactly one object out of a listing. Nothing is matched loosely: no match and several
 * matches both fail, and the message names the closest candidates so a typo or a second language is one edit away.
 */
import { editDistance } from "./text";
import { LookupError, type LookupName } from "./lookup-error";

/** How many near misses a "no match" message lists. */
const CANDIDATES_SHOWN = 3;

/** What one lookup looks for, and how to describe what it finds. */
export interface MatchSpec<T> {
  lookup: LookupName;
  /** "role", "user group", "app". */
  noun: string;
  /** Where it looked, e.g. "OU o-demo (names in en_US)". */
  where: string;
  /** The argument matched on ("name", "id", "keyword") and the value asked for. */
  argument: string;
  wanted: string;
  /** Every value of `argument` an object answers to (an app answers to its name in each language). */
  valuesOf(item: T): readonly string[];
  /** "'Operator' (r-operator)". */
  describe(item: T): string;
  /** Added to the "no match" message, e.g. how to match another language. */
  hint?: string;
}

/** The one item whose `argument` equals `wanted`, else a {@link LookupError} naming the closest or all matches. */
export function pickOne<T>(items: readonly T[], spec: MatchSpec<T>): T {
  const matches = items.filter((item) => spec.valuesOf(item).includes(spec.wanted));
  const [only, ...others] = matches;
  if (only !== undefined && others.length === 0) return only;
  const asked = `${spec.argument} '${spec.wanted}'`;
  if (only !== undefined) {
    const listed = matches.map((item) => spec.describe(item)).join(", ");
    const way = spec.argument === "id" ? "" : "; look it up by `id` instead";
    throw new LookupError(
      spec.lookup,
      `${matches.length} ${spec.noun}s have ${asked} in ${spec.where}: ${listed}${way}`,
      {
        argument: spec.argument,
      },
    );
  }
  const hint = spec.hint === undefined ? "" : `; ${spec.hint}`;
  if (items.length === 0) {
    throw new LookupError(spec.lookup, `no ${spec.noun} has ${asked}: ${spec.where} has no ${spec.noun}s${hint}`, {
      argument: spec.argument,
    });
  }
  const closest = closestItems(items, spec).map((item) => spec.describe(item));
  const among = items.length > closest.length ? ` of ${items.length}` : "";
  const problem = `no ${spec.noun} has ${asked} in ${spec.where}; closest${among}: ${closest.join(", ")}${hint}`;
  throw new LookupError(spec.lookup, problem, { argument: spec.argument });
}

/** The items nearest to `wanted` by edit distance of their closest value, ignoring case; ties keep listing order. */
function closestItems<T>(items: readonly T[], spec: MatchSpec<T>): T[] {
  const wanted = spec.wanted.toLowerCase();
  const distance = (item: T) =>
    Math.min(...spec.valuesOf(item).map((value) => editDistance(wanted, value.toLowerCase())));
  return items
    .map((item, index) => ({ item, index, distance: distance(item) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, CANDIDATES_SHOWN)
    .map((entry) => entry.item);
}

/**
 * "Is every listed id one the OU has?" for the grant resources: the check failure for ids missing from the OU's
 * roles or user groups, naming the field and the closest roles (groups) by id or name, so a typo or a name given
 * where an id belongs is one edit away. Pure: the caller supplies the OU's listing.
 */
import { editDistance } from "../text";
import type { CheckFailure } from "./issues";
import { isUnknown } from "./unknown";

/** A role or user group as the OU lists it. */
export interface CatalogEntry {
  id: string;
  name: string;
}

/** What one check looks at. */
export interface KnownIdsCheck {
  /** The input holding the ids, e.g. "roleIds". */
  field: string;
  /** "role" or "user group". */
  noun: string;
  orgId: string;
  /** The ids the program lists that need checking (unknown sentinels are skipped). */
  ids: readonly unknown[];
  /** Every role (group) of the OU. */
  catalog: readonly CatalogEntry[];
}

/** How many near misses a failure lists. */
const CLOSEST_SHOWN = 3;

/** The entries nearest to `wanted` by id or name (ignoring case); ties keep the listing order. */
function closest(wanted: string, catalog: readonly CatalogEntry[]): CatalogEntry[] {
  const lower = wanted.toLowerCase();
  const distance = (entry: CatalogEntry) =>
    Math.min(editDistance(lower, entry.id.toLowerCase()), editDistance(lower, entry.name.toLowerCase()));
  return catalog
    .map((entry, index) => ({ entry, index, distance: distance(entry) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, CLOSEST_SHOWN)
    .map(({ entry }) => entry);
}

/** A name given instead of an id ("Operator" for r-operator) is the likeliest mistake: say so outright. */
function byName(wanted: string, catalog: readonly CatalogEntry[]): CatalogEntry | undefined {
  const lower = wanted.toLowerCase();
  return catalog.find((entry) => entry.name.toLowerCase() === lower);
}

function reasonFor(wanted: string, check: KnownIdsCheck): string {
  const problem = `${check.field} lists '${wanted}', which is no ${check.noun} id of OU ${check.orgId}`;
  const named = byName(wanted, check.catalog);
  if (named !== undefined) return `${problem}: '${named.name}' is the name of ${check.noun} '${named.id}'; list its id`;
  if (check.catalog.length === 0) return `${problem}: the OU has no ${check.noun}s`;
  const near = closest(wanted, check.catalog).map((entry) => `'${entry.id}' (${entry.name})`);
  const among = check.catalog.length > near.length ? ` of ${check.catalog.length}` : "";
  return `${problem}; closest${among}: ${near.join(", ")}`;
}

/** One failure per listed id the OU does not have (property = the field). */
export function unknownIdFailures(check: KnownIdsCheck): CheckFailure[] {
  const known = new Set(check.catalog.map((entry) => entry.id));
  const missing = check.ids.filter((id): id is string => typeof id === "string" && !isUnknown(id) && !known.has(id));
  return [...new Set(missing)].map((id) => ({ property: check.field, reason: reasonFor(id, check) }));
}

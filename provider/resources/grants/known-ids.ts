/**
 * The preview-time check of a grant's listed ids against the OU's roles (organization/role/list) or user groups
 * (organization/userGroup/list). No resource of this package creates roles or groups, so one listing per OU and kind
 * serves the whole provider process (one engine operation, grants/ou-snapshot.ts); a failed listing is not kept.
 *
 * Only ids the program adds are checked: ids the recorded inputs already list were applied by an earlier `up`, so a
 * steady-state preview makes no call. A listing EnOS refuses (the service account may hold "Authorize users in this
 * OU" without "Obtain the ID and name of all roles in the OU") or that fails for any other reason skips the check:
 * the grant's own calls then report whatever is wrong, as they did before this check existed.
 */
import type { EnosClient, NamedRef } from "../../client";
import { clientFor } from "../../context";
import { unknownIdFailures, isUnknown, type CheckFailure, type Props } from "../../inputs";
import { perClient } from "../kit/per-client";
import { epochMap } from "../kit/read-epoch";

/** Which catalogue a kind checks against. */
export type CatalogKind = "roles" | "userGroups";

const catalogsOf = perClient(() => epochMap<string, Promise<NamedRef[]>>());

/** The OU's roles or user groups, listed once per process (per read epoch in tests). */
function catalog(client: EnosClient, kind: CatalogKind, orgId: string): Promise<NamedRef[]> {
  const lists = catalogsOf(client).current();
  const key = `${kind}/${orgId}`;
  let listing = lists.get(key);
  if (listing === undefined) {
    listing =
      kind === "roles"
        ? client.appPortal.listOrganizationRoles(orgId)
        : client.appPortal.listOrganizationUserGroups(orgId);
    lists.set(key, listing);
    listing.catch(() => lists.get(key) === listing && lists.delete(key));
  }
  return listing;
}

/** What one grant kind's check needs. */
export interface KnownIdsSpec {
  kind: CatalogKind;
  /** The listed-ids input, e.g. "roleIds". */
  field: string;
  noun: string;
}

/** The new ids of `field` (not in the recorded inputs), known values only. */
function addedIds(field: string, news: Readonly<Record<string, unknown>>, olds: Props): string[] {
  const listed = news[field];
  if (!Array.isArray(listed)) return [];
  const before = olds[field];
  const old = new Set(Array.isArray(before) ? before : []);
  return listed.filter((id): id is string => typeof id === "string" && !isUnknown(id) && !old.has(id));
}

/** The check failures for ids the program adds that the OU does not have; see the file comment. */
export async function knownIdFailures(
  spec: KnownIdsSpec,
  news: Readonly<Record<string, unknown>>,
  olds: Props,
): Promise<CheckFailure[]> {
  const orgId = news["orgId"];
  if (typeof orgId !== "string" || isUnknown(orgId)) return [];
  // A new user or OU means nothing listed before was applied to this one.
  const sameUser = olds["orgId"] === orgId && olds["userId"] === news["userId"];
  const ids = addedIds(spec.field, news, sameUser ? olds : {});
  if (ids.length === 0) return [];
  let entries: NamedRef[];
  try {
    entries = await catalog(clientFor(), spec.kind, orgId);
  } catch {
    return [];
  }
  return unknownIdFailures({ field: spec.field, noun: spec.noun, orgId, ids, catalog: entries });
}

/**
 * What a grant resource (RoleAssignment, UserGroupMembership) does to a user's set, written from README "Grants":
 * exhaustive = the listed ids plus the protected ids the user holds are the whole set; additive = the listed ids are
 * added and ids the resource listed before and no longer lists are removed; protected ids are never removed; a
 * delete removes the ids the resource manages (`managed*`: listed minus protected).
 */
import type { StateView } from "../engine/capture";
import { idList, isUnknown, textOf } from "../engine/state-view";

export type GrantKindName = "role" | "group";

/** Input and output names of each grant kind. */
export const GRANT_KEYS = {
  role: {
    resource: "RoleAssignment",
    list: "roleIds",
    protected: "protectedRoleIds",
    assigned: "assignedRoleIds",
    managed: "managedRoleIds",
  },
  group: {
    resource: "UserGroupMembership",
    list: "userGroupIds",
    protected: "protectedUserGroupIds",
    assigned: "assignedUserGroupIds",
    managed: "managedUserGroupIds",
  },
} as const;

/** A grant resource's inputs and last-read outputs, kind-neutral. */
export interface GrantState {
  orgId: string | undefined;
  userId: string | undefined;
  /** Listed ids; undefined while unknown (known after `up`). */
  wanted: string[] | undefined;
  exhaustive: boolean;
  protectedIds: string[];
  maxRemovals: number | undefined;
  /** Every id the user held when last read (`assigned*`), if stored. */
  assigned: string[] | undefined;
  /** What the resource manages (`managed*`), falling back to listed minus protected. */
  managed: string[];
}

export function readGrantState(kind: GrantKindName, state: StateView): GrantState {
  const keys = GRANT_KEYS[kind];
  const props = { ...state.outputs, ...state.inputs };
  const [idOrg, idUser] = splitId(state.id);
  const wanted = idList(props[keys.list]);
  const protectedIds = idList(props[keys.protected]) ?? [];
  const maxRemovals = props["maxRemovals"];
  const isProtected = new Set(protectedIds);
  return {
    orgId: textOf(props["orgId"]) ?? idOrg,
    userId: textOf(props["userId"]) ?? idUser,
    wanted: isUnknown(props[keys.list]) ? undefined : wanted,
    exhaustive: props["exhaustive"] === true,
    protectedIds,
    maxRemovals: typeof maxRemovals === "number" ? maxRemovals : undefined,
    assigned: idList(state.outputs[keys.assigned]),
    managed: idList(state.outputs[keys.managed]) ?? (wanted ?? []).filter((id) => !isProtected.has(id)),
  };
}

/** A grant id is `<orgId>/<userId>`. */
function splitId(id: string): [string | undefined, string | undefined] {
  const slash = id.indexOf("/");
  return slash > 0 ? [id.slice(0, slash), id.slice(slash + 1)] : [undefined, undefined];
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** The set the user will hold after an update from `live` (with `previouslyManaged`) to `next`. */
export function targetAfterUpdate(live: readonly string[], previouslyManaged: readonly string[], next: GrantState) {
  const wanted = next.wanted ?? [];
  const isProtected = new Set(next.protectedIds);
  if (next.exhaustive) return sorted([...wanted, ...live.filter((id) => isProtected.has(id))]);
  const listed = new Set(wanted);
  const released = new Set(previouslyManaged.filter((id) => !isProtected.has(id) && !listed.has(id)));
  return sorted([...live, ...wanted].filter((id) => !released.has(id)));
}

/** The set the user keeps after the resource is deleted: its managed ids go. */
export function targetAfterDelete(live: readonly string[], state: GrantState): string[] {
  const managed = new Set(state.managed);
  return sorted(live.filter((id) => !managed.has(id)));
}

export function difference(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return sorted(a.filter((id) => !other.has(id)));
}

import type { Role, StateData } from "./state-schema";

/** Roles and user groups are granted the same way: a per-(OU, user) id list. */
export type GrantKind = "role" | "group";

export function catalog(data: StateData, kind: GrantKind): Role[] {
  return kind === "role" ? data.roles : data.userGroups;
}

/** The ids granted to a user, in the order of the OU's role/group list (inf: stable, history-independent order). */
export function grantedIds(data: StateData, kind: GrantKind, orgId: string, userId: string): string[] {
  const granted = new Set(
    kind === "role"
      ? data.roleGrants.find((grant) => grant.orgId === orgId && grant.userId === userId)?.roleIds
      : data.groupGrants.find((grant) => grant.orgId === orgId && grant.userId === userId)?.userGroupIds,
  );
  return catalog(data, kind)
    .filter((entry) => entry.orgId === orgId && granted.has(entry.id))
    .map((entry) => entry.id);
}

export function setGrantedIds(data: StateData, kind: GrantKind, orgId: string, userId: string, ids: string[]): void {
  const unique = [...new Set(ids)];
  if (kind === "role") {
    data.roleGrants = data.roleGrants.filter((grant) => grant.orgId !== orgId || grant.userId !== userId);
    if (unique.length > 0) data.roleGrants.push({ orgId, userId, roleIds: unique });
  } else {
    data.groupGrants = data.groupGrants.filter((grant) => grant.orgId !== orgId || grant.userId !== userId);
    if (unique.length > 0) data.groupGrants.push({ orgId, userId, userGroupIds: unique });
  }
}

export const isMember = (data: StateData, orgId: string, userId: string): boolean =>
  data.users.some((user) => user.id === userId && user.orgIds.includes(orgId));

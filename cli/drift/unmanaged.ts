/**
 * `drift --unmanaged`: what no stack manages. A refresh only sees what the stacks already hold, so this lists each
 * OU's users (app-portal user roster), their roles and groups (the batch reads, 1,000 users a call) and reports
 * the grants no RoleAssignment/UserGroupMembership of the given stacks covers: an exhaustive resource covers all of
 * its user's ids of its kind, an additive one only the ids it manages. Coverage = managed users / users holding a
 * role.
 */
import { readGrantState, type GrantKindName } from "../analysis/grant-rules";
import { enosKind } from "../analysis/resource-plan";
import type { Capture } from "../engine/capture";
import { oneLine } from "../errors";
import type { ClientPool } from "../names/client-pool";
import type { Credentials } from "../names/credentials";
import type { NameResolver } from "../names/name-resolver";
import type { Unmanaged, UnmanagedGrant } from "../report/schema";

interface Covered {
  exhaustive: boolean;
  managed: Set<string>;
}

/** Per kind, `orgId/userId` -> what the stacks' grant resources cover. */
export type Coverage = Record<GrantKindName, Map<string, Covered>>;

export function coverageOf(captures: readonly Capture[]): Coverage {
  const coverage: Coverage = { role: new Map(), group: new Map() };
  for (const capture of captures) {
    for (const step of capture.refreshed) {
      const type = enosKind(step.type);
      const kind = type === "RoleAssignment" ? "role" : type === "UserGroupMembership" ? "group" : undefined;
      const state = step.new ?? step.old;
      if (!kind || !state) continue;
      const grant = readGrantState(kind, state);
      if (grant.orgId === undefined || grant.userId === undefined) continue;
      const key = `${grant.orgId}/${grant.userId}`;
      const entry = coverage[kind].get(key) ?? { exhaustive: false, managed: new Set<string>() };
      entry.exhaustive ||= grant.exhaustive;
      for (const id of [...grant.managed, ...grant.protectedIds]) entry.managed.add(id);
      coverage[kind].set(key, entry);
    }
  }
  return coverage;
}

/** The OUs the stacks' grant resources act in. */
export function grantOrgIds(captures: readonly Capture[]): string[] {
  const orgIds = new Set<string>();
  for (const capture of captures) {
    for (const step of capture.refreshed) {
      const type = enosKind(step.type);
      const state = step.old;
      if ((type === "RoleAssignment" || type === "UserGroupMembership") && state) {
        const orgId = readGrantState(type === "RoleAssignment" ? "role" : "group", state).orgId;
        if (orgId) orgIds.add(orgId);
      }
    }
  }
  return [...orgIds];
}

function uncovered(coverage: Coverage, kind: GrantKindName, orgId: string, userId: string, ids: readonly string[]) {
  const covered = coverage[kind].get(`${orgId}/${userId}`);
  if (covered?.exhaustive) return [];
  return ids.filter((id) => !covered?.managed.has(id));
}

async function listOne(
  pool: ClientPool,
  credentials: Credentials,
  orgId: string,
  coverage: Coverage,
  resolver: NameResolver,
): Promise<Unmanaged> {
  const client = pool.clientFor(credentials);
  const users = await client.appPortalUsers.listOrganizationUsers(orgId);
  resolver.prefill(orgId, "user", new Map(users.map((user) => [user.userId, user.name])));
  const userIds = users.map((user) => user.userId);
  const roles = userIds.length > 0 ? await client.appPortal.getUsersRoles(orgId, userIds) : new Map<string, string[]>();
  const groups =
    userIds.length > 0 ? await client.appPortal.getUsersUserGroups(orgId, userIds) : new Map<string, string[]>();
  const grants: UnmanagedGrant[] = [];
  for (const userId of userIds) {
    const make =
      (kind: GrantKindName) =>
      (id: string): UnmanagedGrant => ({ user: { id: userId }, orgId, kind, item: { id }, privileged: false });
    grants.push(...uncovered(coverage, "role", orgId, userId, roles.get(userId) ?? []).map(make("role")));
    grants.push(...uncovered(coverage, "group", orgId, userId, groups.get(userId) ?? []).map(make("group")));
  }
  const holding = userIds.filter((userId) => (roles.get(userId) ?? []).length > 0);
  const managedUsers = holding.filter((userId) => coverage.role.has(`${orgId}/${userId}`)).length;
  return { orgId, usersWithGrants: holding.length, managedUsers, grants };
}

/** One entry per OU; an OU that cannot be listed says why (e.g. the service account lacks the roster permission). */
export async function listUnmanaged(
  pool: ClientPool,
  orgs: ReadonlyMap<string, Credentials>,
  coverage: Coverage,
  resolver: NameResolver,
): Promise<Unmanaged[]> {
  return Promise.all(
    [...orgs].map(async ([orgId, credentials]) => {
      try {
        return await listOne(pool, credentials, orgId, coverage, resolver);
      } catch (error) {
        return {
          orgId,
          usersWithGrants: 0,
          managedUsers: 0,
          grants: [],
          error: `cannot list the users of OU ${orgId}: ${oneLine(error)}`,
        };
      }
    }),
  );
}

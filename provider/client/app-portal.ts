/**
 * Typed calls of the Application Portal service (app-portal v2.2/v2.3; EnOS docs: Application Portal API, Users and
 * OU). Every call here is idempotent by nature — the POSTs are batch reads or set-style assignments — so all of them
 * may be retried.
 */
import { z } from "zod";
import { acknowledged } from "./acknowledged";
import type { Caller } from "./pipeline";
import { id, listOf, namedRef } from "./schema-helpers";

/** A role or user group: `{id, name}`. */
export interface NamedRef {
  id: string;
  name: string;
}

export interface AppPortalApi {
  listOrganizationRoles(orgId: string, locale?: string): Promise<NamedRef[]>;
  getUserRoles(orgId: string, userId: string): Promise<NamedRef[]>;
  /** userId -> roleIds, via userRoles/roleList in chunks of 1000 users. Users the service omits are absent. */
  getUsersRoles(orgId: string, userIds: string[]): Promise<Map<string, string[]>>;
  appendRoles(orgId: string, userId: string, roleIds: string[]): Promise<void>;
  removeRoles(orgId: string, userId: string, roleIds: string[]): Promise<void>;
  appendUserGroups(orgId: string, userId: string, userGroupIds: string[]): Promise<void>;
  removeUserGroups(orgId: string, userId: string, userGroupIds: string[]): Promise<void>;
  /** userId -> userGroupIds, via getUsersUserGroupList in chunks of 1000 users. */
  getUsersUserGroups(orgId: string, userIds: string[]): Promise<Map<string, string[]>>;
  listOrganizationUserGroups(orgId: string, locale?: string): Promise<NamedRef[]>;
}

const V22 = "/app-portal-service/v2.2";
const V23 = "/app-portal-service/v2.3";
/** The documented maximum of userIds per batch read. */
export const MAX_USERS_PER_BATCH = 1000;

const rolesSchema = z.looseObject({ roles: listOf(namedRef) }).transform((d) => d.roles);
const userGroupsSchema = z.looseObject({ userGroups: listOf(namedRef) }).transform((d) => d.userGroups);

const usersRolesSchema = z
  .looseObject({ usersUserRoles: listOf(z.looseObject({ userId: id, roleIds: listOf(id) })) })
  .transform((d) => new Map(d.usersUserRoles.map((e) => [e.userId, e.roleIds])));

const usersUserGroupsSchema = z
  .looseObject({ usersUserGroups: listOf(z.looseObject({ userId: id, userGroupIds: listOf(id) })) })
  .transform((d) => new Map(d.usersUserGroups.map((e) => [e.userId, e.userGroupIds])));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A batch read over any number of users: one POST per 1000, results merged. */
function batchRead(call: Caller, path: string, schema: z.ZodType<Map<string, string[]>, unknown>) {
  return async (orgId: string, userIds: string[]): Promise<Map<string, string[]>> => {
    const merged = new Map<string, string[]>();
    for (const part of chunks([...new Set(userIds)], MAX_USERS_PER_BATCH)) {
      const body = { organizationId: orgId, userIds: part };
      const result = await call({ family: "app-portal", method: "POST", path, body, idempotent: true, schema });
      result.forEach((ids, userId) => merged.set(userId, ids));
    }
    return merged;
  };
}

function assign(call: Caller, path: string, idsKey: "roleIds" | "userGroupIds") {
  return async (orgId: string, userId: string, ids: string[]): Promise<void> => {
    const body = { organizationId: orgId, userId, [idsKey]: ids };
    await call({
      family: "app-portal",
      method: "POST",
      path,
      body,
      idempotent: true,
      schema: acknowledged,
      write: true,
    });
  };
}

function get<T>(call: Caller, path: string, query: Record<string, string | undefined>, schema: z.ZodType<T, unknown>) {
  return call({ family: "app-portal", method: "GET", path, query, idempotent: true, schema });
}

/** The Application Portal API over `call`. */
export function createAppPortalApi(call: Caller): AppPortalApi {
  return {
    listOrganizationRoles: (orgId, locale) =>
      get(call, `${V22}/organization/role/list`, { orgId, locale }, rolesSchema),
    getUserRoles: (orgId, userId) => get(call, `${V22}/user/role/assignedList`, { orgId, userId }, rolesSchema),
    getUsersRoles: batchRead(call, `${V22}/userRoles/roleList`, usersRolesSchema),
    appendRoles: assign(call, `${V22}/role/appendRoles`, "roleIds"),
    removeRoles: assign(call, `${V22}/role/removeRoles`, "roleIds"),
    appendUserGroups: assign(call, `${V22}/userGroup/appendUserGroups`, "userGroupIds"),
    removeUserGroups: assign(call, `${V22}/userGroup/removeUserGroups`, "userGroupIds"),
    getUsersUserGroups: batchRead(call, `${V22}/userGroup/getUsersUserGroupList`, usersUserGroupsSchema),
    listOrganizationUserGroups: (orgId, locale) =>
      get(call, `${V23}/organization/userGroup/list`, { orgId, locale }, userGroupsSchema),
  };
}

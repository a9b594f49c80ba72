import { z } from "zod";
import { grantedIds, isMember, setGrantedIds, type GrantKind } from "./grants";
import type { I18nMap, StateData } from "./state-schema";
import type { Store } from "./state";

/**
 * Out-of-band changes: what a console user would do behind the provider's back (README "Admin API"), for drift tests.
 * inf: they are idempotent (disabling a disabled device is fine), unlike the API.
 */
const name = z.union([z.string().min(1), z.record(z.string(), z.string())]);
const id = z.string().min(1);

const mutationSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("disable-device"), assetId: id }),
  z.object({ type: z.literal("enable-device"), assetId: id }),
  z.object({ type: z.literal("grant-role"), userId: id, roleId: id }),
  z.object({ type: z.literal("revoke-role"), userId: id, roleId: id }),
  z.object({ type: z.literal("grant-group"), userId: id, userGroupId: id }),
  z.object({ type: z.literal("revoke-group"), userId: id, userGroupId: id }),
  z.object({ type: z.literal("remove-user"), userId: id, orgId: id }),
  z.object({ type: z.literal("delete-role"), roleId: id }),
  z.object({ type: z.literal("delete-app"), appId: id }),
  z.object({ type: z.literal("rename-app"), appId: id, name }),
  z.object({ type: z.literal("delete-menu"), menuId: id }),
  z.object({ type: z.literal("rename-menu"), menuId: id, name }),
  z.object({ type: z.literal("delete-permission"), permissionId: id }),
  z.object({ type: z.literal("rename-permission"), permissionId: id, name }),
]);

export type Mutation = z.input<typeof mutationSchema>;

/** `status` is the admin API's HTTP answer: 400 for a malformed mutation, 404 for an unknown target. */
export class MutationError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
    this.name = "MutationError";
  }
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MutationError(404, `${what} does not exist`);
  return value;
}

/** A plain string renames the default text and keeps the translations; a map replaces the whole name. */
const rename = (current: I18nMap, next: string | I18nMap): I18nMap =>
  typeof next === "string" ? { ...current, default: next } : { ...next };

function grant(data: StateData, kind: GrantKind, userId: string, entryId: string, add: boolean): void {
  const list = kind === "role" ? data.roles : data.userGroups;
  const entry = must(
    list.find((candidate) => candidate.id === entryId),
    `${kind} ${entryId}`,
  );
  if (!isMember(data, entry.orgId, userId)) throw new MutationError(404, `user ${userId} is not in ${entry.orgId}`);
  const current = grantedIds(data, kind, entry.orgId, userId);
  const next = add ? [...current, entryId] : current.filter((other) => other !== entryId);
  setGrantedIds(data, kind, entry.orgId, userId, next);
}

/** A user taken out of an OU (console "Remove User"); inf: their role and group grants in that OU go with them. */
function removeUser(data: StateData, userId: string, orgId: string): void {
  const user = must(
    data.users.find((candidate) => candidate.id === userId),
    `user ${userId}`,
  );
  if (!user.orgIds.includes(orgId)) throw new MutationError(404, `user ${userId} is not in ${orgId}`);
  user.orgIds = user.orgIds.filter((other) => other !== orgId);
  const other = (grant: { orgId: string; userId: string }) => grant.orgId !== orgId || grant.userId !== userId;
  data.roleGrants = data.roleGrants.filter(other);
  data.groupGrants = data.groupGrants.filter(other);
}

/** A role deleted in the console; inf: it leaves every user that held it. */
function deleteRole(data: StateData, roleId: string): void {
  must(
    data.roles.find((role) => role.id === roleId),
    `role ${roleId}`,
  );
  data.roles = data.roles.filter((role) => role.id !== roleId);
  data.roleGrants = data.roleGrants.map((held) => ({ ...held, roleIds: held.roleIds.filter((one) => one !== roleId) }));
}

function removeMenuTree(data: StateData, menuId: string): void {
  must(
    data.menus.find((menu) => menu.id === menuId),
    `menu ${menuId}`,
  );
  const children = data.menus.filter((menu) => menu.parentId === menuId).map((menu) => menu.id);
  data.menus = data.menus.filter((menu) => menu.id !== menuId);
  for (const child of children) removeMenuTree(data, child);
}

type Parsed = z.output<typeof mutationSchema>;
type Handlers = { [K in Parsed["type"]]: (data: StateData, mutation: Extract<Parsed, { type: K }>) => void };

function setDevice(data: StateData, assetId: string, enabled: boolean): void {
  must(
    data.devices.find((candidate) => candidate.assetId === assetId),
    `device ${assetId}`,
  ).enabled = enabled;
}

function deleteApp(data: StateData, appId: string): void {
  must(
    data.apps.find((app) => app.id === appId),
    `app ${appId}`,
  );
  data.apps = data.apps.filter((app) => app.id !== appId);
  data.menus = data.menus.filter((menu) => menu.appId !== appId);
  data.permissions = data.permissions.filter((permission) => permission.appId !== appId);
}

const handlers: Handlers = {
  "disable-device": (data, m) => setDevice(data, m.assetId, false),
  "enable-device": (data, m) => setDevice(data, m.assetId, true),
  "grant-role": (data, m) => grant(data, "role", m.userId, m.roleId, true),
  "revoke-role": (data, m) => grant(data, "role", m.userId, m.roleId, false),
  "grant-group": (data, m) => grant(data, "group", m.userId, m.userGroupId, true),
  "revoke-group": (data, m) => grant(data, "group", m.userId, m.userGroupId, false),
  "remove-user": (data, m) => removeUser(data, m.userId, m.orgId),
  "delete-role": (data, m) => deleteRole(data, m.roleId),
  "delete-app": (data, m) => deleteApp(data, m.appId),
  "rename-app": (data, m) => {
    const app = must(
      data.apps.find((candidate) => candidate.id === m.appId),
      `app ${m.appId}`,
    );
    app.name = rename(app.name, m.name);
  },
  "delete-menu": (data, m) => removeMenuTree(data, m.menuId),
  "rename-menu": (data, m) => {
    const menu = must(
      data.menus.find((candidate) => candidate.id === m.menuId),
      `menu ${m.menuId}`,
    );
    menu.name = rename(menu.name, m.name);
  },
  "rename-permission": (data, m) => {
    const permission = must(
      data.permissions.find((candidate) => candidate.id === m.permissionId),
      `permission ${m.permissionId}`,
    );
    permission.name = rename(permission.name, m.name);
  },
  "delete-permission": (data, m) => {
    must(
      data.permissions.find((permission) => permission.id === m.permissionId),
      `permission ${m.permissionId}`,
    );
    data.permissions = data.permissions.filter((permission) => permission.id !== m.permissionId);
  },
};

/** Validates and applies one mutation, then persists. */
export function applyMutation(store: Store, input: unknown): void {
  const parsed = mutationSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MutationError(400, `invalid mutation: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
  }
  const mutation = parsed.data;
  // One handler per type; the cast only widens the handler's parameter back to the union it was picked by.
  (handlers[mutation.type] as (data: StateData, m: Parsed) => void)(store.data, mutation);
  store.commit();
}

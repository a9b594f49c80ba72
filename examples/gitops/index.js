// @ts-check
// An OU's access model as data: access/<stack>.json lists the apps (with menus and permissions), each user's roles
// and groups by name, and which devices are switched on. A pull request edits that file; the workflow in
// workflows/enos-review.yml posts `pulumi-enos review` of the change and holds the merge for permission changes.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");
const enos = require("pulumi-enos");

/**
 * @typedef {{ name: string, parent?: string, sortId?: number, url?: string }} MenuSpec
 * @typedef {{ name: string, keyword: string, description?: string }} PermissionSpec
 * @typedef {{ name: string, keyword: string, category: number, type?: "web" | "mobile", url?: string,
 *   description?: string, orgId?: string, menus?: Record<string, MenuSpec>,
 *   permissions?: Record<string, PermissionSpec> }} AppSpec
 * @typedef {{ roles?: string[], exhaustive?: boolean, protectedRoles?: string[], maxRemovals?: number,
 *   groups?: string[], exhaustiveGroups?: boolean }} UserSpec
 * @typedef {{ orgId?: string, apps?: Record<string, AppSpec>, users?: Record<string, UserSpec>,
 *   devices?: Record<string, { enabled: boolean }> }} Access
 */

/** @returns {Access} */
function readAccess() {
  const file = path.join(__dirname, "access", `${pulumi.getStack()}.json`);
  if (!fs.existsSync(file)) throw new Error(`no access file for stack '${pulumi.getStack()}': create ${file}`);
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Resolves names to ids with one lookup, failing with the known names when one is misspelt. */
function byName(/** @type {string} */ what, /** @type {{ id: string, name: string }[]} */ entries) {
  return (/** @type {string} */ name) => {
    const found = entries.find((entry) => entry.name === name);
    if (!found) throw new Error(`no ${what} named '${name}'; known: ${entries.map((e) => e.name).join(", ")}`);
    return found.id;
  };
}

/**
 * The object without its undefined values: an input left out of the access file is left out of the resource's args
 * (rather than set to undefined, which strict TypeScript settings refuse).
 * @template {Record<string, unknown>} T
 * @param {T} value
 * @returns {{ [K in keyof T]: Exclude<T[K], undefined> }}
 */
function defined(value) {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return /** @type {{ [K in keyof T]: Exclude<T[K], undefined> }} */ (
    /** @type {unknown} */ (Object.fromEntries(entries))
  );
}

/** An app, its menus (parents by key) and its permissions. */
function declareApp(/** @type {string} */ key, /** @type {AppSpec} */ spec) {
  const { menus = {}, permissions = {}, ...fields } = spec;
  const app = new enos.EnosApp(key, defined({ ...fields, type: fields.type ?? "web" }));
  /** @type {Record<string, enos.AppMenu>} */
  const declared = {};
  /** @type {(menuKey: string) => enos.AppMenu} */
  const declareMenu = (menuKey) => {
    const menu = menus[menuKey];
    if (!menu) throw new Error(`app '${key}': no menu '${menuKey}' (named as a parent)`);
    if (declared[menuKey]) return declared[menuKey];
    const { parent, ...menuFields } = menu;
    const parentId = parent === undefined ? undefined : declareMenu(parent).id;
    const args = defined({ ...menuFields, orgId: spec.orgId, appId: app.id, keyword: menuKey, parentId });
    return (declared[menuKey] = new enos.AppMenu(`${key}-${menuKey}`, args));
  };
  Object.keys(menus).forEach(declareMenu);
  for (const [permissionKey, permission] of Object.entries(permissions)) {
    new enos.AppPermission(`${key}-${permissionKey}`, defined({ ...permission, orgId: spec.orgId, appId: app.id }));
  }
}

module.exports = async () => {
  const access = readAccess();
  const orgId = access.orgId;
  const users = Object.entries(access.users ?? {});
  const roleId = byName("role", await enos.getOrganizationRoles(defined({ orgId })));
  const needsGroups = users.some(([, user]) => (user.groups ?? []).length > 0);
  const groupId = needsGroups ? byName("user group", await enos.getUserGroups(defined({ orgId }))) : String;

  for (const [key, app] of Object.entries(access.apps ?? {})) declareApp(key, defined({ orgId, ...app }));
  for (const [userId, user] of users) {
    if (user.roles) {
      new enos.RoleAssignment(
        `${userId}-roles`,
        defined({
          orgId,
          userId,
          roleIds: user.roles.map(roleId),
          exhaustive: user.exhaustive,
          protectedRoleIds: user.protectedRoles?.map(roleId),
          maxRemovals: user.maxRemovals,
        }),
      );
    }
    if (user.groups) {
      const userGroupIds = user.groups.map(groupId);
      new enos.UserGroupMembership(
        `${userId}-groups`,
        defined({ orgId, userId, userGroupIds, exhaustive: user.exhaustiveGroups }),
      );
    }
  }
  for (const [assetId, device] of Object.entries(access.devices ?? {})) {
    new enos.DeviceEnablement(assetId, defined({ orgId, assetId, enabled: device.enabled }));
  }
};

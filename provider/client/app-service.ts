/**
 * Typed calls of the Application Registration service (enos-app-service v2.5; EnOS docs: Application Registration API).
 * Creates are the only non-idempotent calls: a create whose outcome is unknown must be looked up by keyword, not
 * blindly repeated.
 */
import { z } from "zod";
import { acknowledged } from "./acknowledged";
import {
  appSchema,
  menuSchema,
  permissionSchema,
  type App,
  type AppWrite,
  type Menu,
  type MenuWrite,
  type Permission,
  type PermissionWrite,
} from "./app-service-schemas";
import type { Caller } from "./pipeline";
import { listOf } from "./schema-helpers";

const BASE = "/enos-app-service/v2.5";

export interface AppServiceApi {
  createApp(orgId: string, app: AppWrite): Promise<App>;
  updateApp(orgId: string, app: AppWrite & { id: string }): Promise<App>;
  deleteApp(orgId: string, id: string): Promise<void>;
  listApps(orgId: string): Promise<App[]>;
  retrievePurchasedApps(orgId: string, filter?: { key?: string; appId?: string }): Promise<App[]>;
  createMenu(orgId: string, menu: MenuWrite): Promise<Menu>;
  updateMenu(orgId: string, menu: MenuWrite & { id: string }): Promise<Menu>;
  deleteMenu(orgId: string, id: string): Promise<void>;
  listMenus(orgId: string, appId: string): Promise<Menu[]>;
  createPermission(orgId: string, p: PermissionWrite): Promise<Permission>;
  updatePermission(orgId: string, p: PermissionWrite & { id: string }): Promise<Permission>;
  deletePermission(orgId: string, id: string): Promise<void>;
  listPermissions(orgId: string, appId: string): Promise<Permission[]>;
}

/** Only the documented fields go on the wire, whatever else the caller's object holds. */
function appBody(app: AppWrite & { id?: string }) {
  const { id, name, category, type, keyword, icon, description, url } = app;
  return { ...(id === undefined ? {} : { id }), name, category, type, keyword, icon, description, url };
}

function menuBody(menu: MenuWrite & { id?: string }) {
  const { id, appId, keyword, name, description, parentId, sortId, url } = menu;
  return { ...(id === undefined ? {} : { id }), appId, keyword, name, description, parentId, sortId, url };
}

function permissionBody(p: PermissionWrite & { id?: string }) {
  const { id, appId, keyword, name, description } = p;
  return { ...(id === undefined ? {} : { id }), appId, keyword, name, description };
}

type Resource = "apps" | "menus" | "permissions";

/** The create/update/delete trio shared by apps, menus and permissions. */
function writes<W, T>(call: Caller, resource: Resource, schema: z.ZodType<T, unknown>, body: (w: W) => unknown) {
  const path = `${BASE}/${resource}`;
  const family = "app-service" as const;
  return {
    create: (orgId: string, w: W) =>
      call({ family, method: "POST", path, query: { orgId }, body: body(w), idempotent: false, schema, write: true }),
    update: (orgId: string, w: W) =>
      call({ family, method: "PUT", path, query: { orgId }, body: body(w), idempotent: true, schema, write: true }),
    remove: async (orgId: string, id: string) => {
      await call({
        family,
        method: "DELETE",
        path,
        query: { orgId, id },
        idempotent: true,
        schema: acknowledged,
        write: true,
      });
    },
  };
}

function list<T>(call: Caller, path: string, query: Record<string, string | undefined>, item: z.ZodType<T, unknown>) {
  return call({ family: "app-service", method: "GET", path, query, idempotent: true, schema: listOf(item) });
}

/** The Application Registration API over `call`. */
export function createAppServiceApi(call: Caller): AppServiceApi {
  const apps = writes(call, "apps", appSchema, appBody);
  const menus = writes(call, "menus", menuSchema, menuBody);
  const permissions = writes(call, "permissions", permissionSchema, permissionBody);
  return {
    createApp: apps.create,
    updateApp: apps.update,
    deleteApp: apps.remove,
    listApps: (orgId) => list(call, `${BASE}/apps/list`, { orgId }, appSchema),
    retrievePurchasedApps: (orgId, filter = {}) =>
      list(call, `${BASE}/apps/purchase/retrieve`, { orgId, key: filter.key, appId: filter.appId }, appSchema),
    createMenu: menus.create,
    updateMenu: menus.update,
    deleteMenu: menus.remove,
    listMenus: (orgId, appId) => list(call, `${BASE}/menus`, { orgId, appId }, menuSchema),
    createPermission: permissions.create,
    updatePermission: permissions.update,
    deletePermission: permissions.remove,
    listPermissions: (orgId, appId) => list(call, `${BASE}/permissions`, { orgId, appId }, permissionSchema),
  };
}

/**
 * The EnOS write routes the program's operations send, per phase of a profile's cycle (emulator README "EnOS API
 * coverage"). `create`: the first `up` (variant a); `update`: the second `up` (variant b: every resource updated,
 * the device switch replaced); `delete`: `destroy`.
 */
import type { FaultSpec } from "../../emulator";

export type Route = FaultSpec["route"];
export type Phase = "create" | "update" | "delete";

const APP_SERVICE = "/enos-app-service/v2.5";
const PORTAL = "/app-portal-service/v2.2";
const DEVICES = "/connect-service/v2.1/devices";

const keyword = (method: string): Route[] =>
  ["apps", "menus", "permissions"].map((what) => ({ method, path: `${APP_SERVICE}/${what}` }));

export const APPEND_ROLES: Route = { method: "POST", path: `${PORTAL}/role/appendRoles` };
export const REMOVE_ROLES: Route = { method: "POST", path: `${PORTAL}/role/removeRoles` };
export const APPEND_GROUPS: Route = { method: "POST", path: `${PORTAL}/userGroup/appendUserGroups` };
export const REMOVE_GROUPS: Route = { method: "POST", path: `${PORTAL}/userGroup/removeUserGroups` };
const ENABLE: Route = { path: DEVICES, action: "enable" };
const DISABLE: Route = { path: DEVICES, action: "disable" };

export interface PhaseRoutes {
  /** Creates, updates or deletes of apps, menus and permissions. */
  keyword: Route[];
  /** Role and user-group grant writes. */
  grants: Route[];
  /** Device enable/disable. */
  devices: Route[];
}

export const PHASE_ROUTES: Readonly<Record<Phase, PhaseRoutes>> = {
  create: { keyword: keyword("POST"), grants: [APPEND_ROLES, APPEND_GROUPS], devices: [DISABLE] },
  update: {
    keyword: keyword("PUT"),
    grants: [APPEND_ROLES, REMOVE_ROLES, APPEND_GROUPS, REMOVE_GROUPS],
    // The replaced device switch: the old device restored, then the new one disabled.
    devices: [ENABLE, DISABLE],
  },
  delete: { keyword: keyword("DELETE"), grants: [REMOVE_ROLES, REMOVE_GROUPS], devices: [ENABLE] },
};

/** "POST /enos-app-service/v2.5/apps", "* /connect-service/v2.1/devices?action=enable": for figures and messages. */
export function routeKey(route: { method?: string | undefined; path: string; action?: string | undefined }): string {
  const action = route.action === undefined ? "" : `?action=${route.action}`;
  return `${route.method ?? "*"} ${route.path}${action}`;
}

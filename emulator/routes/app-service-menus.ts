import { invalid, notFound } from "../service-error";
import type { MenuRecord } from "../state-schema";
import { optionalString, readInteger, requireBody, type Fields } from "../validation";
import { findItem, itemTarget, listTarget, readItemFields, renderItem } from "./app-service-items";
import { APP_SERVICE, REGISTRATION_ADMIN, orgFromQuery } from "./app-service-shared";
import type { Route, RouteContext } from "./route";

const PATH = `${APP_SERVICE}/menus`;

type MenuFields = Omit<MenuRecord, "id" | "status">;

/** Create/Update Menu body: name*, description, appId*, keyword*, parentId, sortId* (>= 1), url (Create Menu). */
function readMenu(context: RouteContext, body: Fields, orgId: string, self?: MenuRecord): MenuFields {
  const menus = context.store.data.menus;
  const common = readItemFields(context, body, orgId, menus, self?.id);
  if (self && self.appId !== common.appId) throw invalid("appId", "a menu cannot move to another app");
  const sortId = readInteger(body, "sortId", { required: true, min: 1 }) ?? 1;
  // inf: "" means root, like null.
  const parentId = optionalString(body, "parentId") || null;
  if (parentId !== null) {
    const parent = menus.find((menu) => menu.id === parentId && menu.appId === common.appId);
    if (!parent) throw notFound("menu", parentId);
    if (self && isSelfOrDescendant(menus, parentId, self.id))
      throw invalid("parentId", "a menu cannot be its own ancestor");
  }
  return { ...common, parentId, sortId, url: optionalString(body, "url") ?? "" };
}

function isSelfOrDescendant(menus: readonly MenuRecord[], candidateId: string, ancestorId: string): boolean {
  for (let id: string | null = candidateId; id !== null;) {
    if (id === ancestorId) return true;
    id = menus.find((menu) => menu.id === id)?.parentId ?? null;
  }
  return false;
}

function descendantsOf(menus: readonly MenuRecord[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const menu of menus)
      if (menu.parentId !== null && ids.has(menu.parentId) && !ids.has(menu.id)) grew = Boolean(ids.add(menu.id));
  }
  return ids;
}

function createMenu(context: RouteContext): unknown {
  const orgId = orgFromQuery(context);
  const fields = readMenu(context, requireBody(context.body), orgId);
  const menu: MenuRecord = { id: context.store.nextId("menu"), ...fields, status: null };
  context.store.data.menus.push(menu);
  context.store.commit();
  return renderItem(context, menu);
}

function updateMenu(context: RouteContext): unknown {
  const { orgId, id } = itemTarget(context, "body");
  const menu = findItem(context, orgId, context.store.data.menus, "menu", id);
  Object.assign(menu, readMenu(context, requireBody(context.body), orgId, menu));
  context.store.commit();
  return renderItem(context, menu);
}

/** inf: deleting a menu also deletes its sub-menus (the docs do not say; an orphan could not be shown). */
function deleteMenu(context: RouteContext): unknown {
  const { orgId, id } = itemTarget(context, "query");
  findItem(context, orgId, context.store.data.menus, "menu", id);
  const doomed = descendantsOf(context.store.data.menus, id);
  context.store.data.menus = context.store.data.menus.filter((menu) => !doomed.has(menu.id));
  context.store.commit();
  return true;
}

/** inf: ordered by sortId (smaller = higher, per the docs), then creation order. */
function listMenus(context: RouteContext): unknown {
  const appId = listTarget(context);
  return context.store.data.menus
    .filter((menu) => menu.appId === appId)
    .sort((a, b) => a.sortId - b.sortId)
    .map((menu) => renderItem(context, menu));
}

export const menuRoutes: readonly Route[] = [
  { methods: ["POST"], path: PATH, service: "app-service", policy: REGISTRATION_ADMIN, handle: createMenu },
  { methods: ["PUT"], path: PATH, service: "app-service", policy: REGISTRATION_ADMIN, handle: updateMenu },
  { methods: ["DELETE"], path: PATH, service: "app-service", policy: REGISTRATION_ADMIN, handle: deleteMenu },
  { methods: ["GET"], path: PATH, service: "app-service", policy: REGISTRATION_ADMIN, handle: listMenus },
];

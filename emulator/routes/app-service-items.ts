import { alreadyExists, notFound } from "../service-error";
import type { I18nMap } from "../state-schema";
import { readI18n, requireBody, requireString, type Fields } from "../validation";
import { findApp, localized, orgFromQuery } from "./app-service-shared";
import type { RouteContext } from "./route";

/** What menus and permissions share: an app, an i18n name/description and a keyword unique within the app. */
export interface ItemFields {
  appId: string;
  name: I18nMap;
  description: I18nMap;
  keyword: string;
}

interface Item {
  id: string;
  appId: string;
  keyword: string;
}

/** Reads the common body fields; `siblings` are the existing menus (or permissions) for the keyword check (31408). */
export function readItemFields(
  context: RouteContext,
  body: Fields,
  orgId: string,
  siblings: readonly Item[],
  selfId?: string,
): ItemFields {
  const appId = requireString(body, "appId");
  const name = readI18n(body, "name", true) ?? {};
  const keyword = requireString(body, "keyword");
  const description = readI18n(body, "description", false) ?? {};
  findApp(context, orgId, appId);
  if (siblings.some((item) => item.appId === appId && item.keyword === keyword && item.id !== selfId))
    throw alreadyExists("keyword", keyword, "app");
  return { appId, name, description, keyword };
}

/** inf: a menu/permission whose app belongs to another OU is not found (31404), like an unknown id. */
export function findItem<T extends Item>(
  context: RouteContext,
  orgId: string,
  items: readonly T[],
  entity: string,
  id: string,
): T {
  const item = items.find((candidate) => candidate.id === id);
  const owner = item && context.store.data.apps.find((app) => app.id === item.appId);
  if (!item || owner?.orgId !== orgId) throw notFound(entity, id);
  return item;
}

/** A menu or permission as the response shows it: a copy, its name and description in the selected language. */
export function renderItem<T extends { name: I18nMap; description: I18nMap }>(context: RouteContext, item: T): T {
  return { ...item, name: localized(context, item.name), description: localized(context, item.description) };
}

/** Target of PUT/DELETE: orgId from the query, the id from the body (PUT) or the query (DELETE). */
export function itemTarget(context: RouteContext, source: "body" | "query"): { orgId: string; id: string } {
  const orgId = orgFromQuery(context);
  // A PUT without a JSON object body is 31400 parameter.invalid.body, as for PUT /apps.
  const fields: Fields = source === "query" ? context.query : requireBody(context.body);
  return { orgId, id: requireString(fields, "id") };
}

/** Lists take orgId + appId (both required); an unknown app is 31404. */
export function listTarget(context: RouteContext): string {
  const orgId = orgFromQuery(context);
  return findApp(context, orgId, requireString(context.query, "appId")).id;
}

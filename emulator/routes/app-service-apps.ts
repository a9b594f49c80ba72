import { randomBytes } from "node:crypto";
import { alreadyExists, notFound } from "../service-error";
import type { AppRecord } from "../state-schema";
import {
  optionalString,
  readBase64,
  readI18n,
  readInteger,
  requireBody,
  requireString,
  type Fields,
} from "../validation";
import {
  APP_SERVICE,
  REGISTRATION_ADMIN,
  findApp,
  formatTimestamp,
  orgFromQuery,
  renderApp,
} from "./app-service-shared";
import type { Route, RouteContext } from "./route";

type AppFields = Pick<AppRecord, "name" | "description" | "categoryId" | "keyword" | "type" | "icon" | "url">;

/**
 * Create/Update App body (Create App, Update App): name*, category*, type* (0 web, 1 mobile), keyword, icon,
 * description, url.
 */
function readAppFields(context: RouteContext, body: Fields, orgId: string, selfId?: string): AppFields {
  const name = readI18n(body, "name", true) ?? {};
  const categoryId = readInteger(body, "category", { required: true }) ?? 0;
  const type = readInteger(body, "type", { required: true, allowed: [0, 1] }) === 1 ? 1 : 0;
  // inf: an empty keyword counts as "no keyword" (it is optional and only non-empty keywords must be unique).
  const keyword = optionalString(body, "keyword") || null;
  const fields = {
    name,
    description: readI18n(body, "description", false) ?? {},
    categoryId,
    keyword,
    type,
    icon: readBase64(body, "icon") ?? "",
    url: optionalString(body, "url") ?? "",
  } as const;
  const { data } = context.store;
  if (!data.categories.some((category) => category.id === categoryId)) throw notFound("category", String(categoryId));
  const clash = data.apps.some((app) => app.orgId === orgId && app.keyword === keyword && app.id !== selfId);
  if (keyword !== null && clash) throw alreadyExists("keyword", keyword, "OU");
  return fields;
}

function createApp(context: RouteContext): unknown {
  const orgId = orgFromQuery(context);
  const fields = readAppFields(context, requireBody(context.body), orgId);
  const id = context.store.nextId("app");
  const app: AppRecord = {
    id,
    orgId,
    accessKey: `ak-${id}-${randomBytes(4).toString("hex")}`,
    secretKey: `sk-${randomBytes(16).toString("hex")}`,
    ...fields,
    createdByUserId: context.caller?.principalId ?? null,
    createdByUserName: context.caller?.principalName ?? null,
    createdAt: formatTimestamp(context.clock()),
    approvedAt: null,
  };
  context.store.data.apps.push(app);
  context.store.commit();
  return renderApp(context, app, true);
}

/** inf: PUT replaces every editable field (omitted optional fields are reset), like the Create body it mirrors. */
function updateApp(context: RouteContext): unknown {
  const orgId = orgFromQuery(context);
  const body = requireBody(context.body);
  const app = findApp(context, orgId, requireString(body, "id"));
  Object.assign(app, readAppFields(context, body, orgId, app.id));
  context.store.commit();
  return renderApp(context, app, true);
}

/** Deleting an app deletes its menus and permissions; its accessKey stops authenticating. */
function deleteApp(context: RouteContext): unknown {
  const orgId = orgFromQuery(context);
  const app = findApp(context, orgId, requireString(context.query, "id"));
  const { data } = context.store;
  data.apps = data.apps.filter((candidate) => candidate !== app);
  data.menus = data.menus.filter((menu) => menu.appId !== app.id);
  data.permissions = data.permissions.filter((permission) => permission.appId !== app.id);
  context.store.commit();
  return true;
}

/**
 * Retrieve Purchased Apps: the OU's apps filtered by `key` (keyword or accessKey) and/or `appId` (both must match when
 * both are given, inf). secretKey is null: an obtained app's secret is not viewable (Managing Apps).
 * inf: no match is an empty list, not 31404.
 */
function retrievePurchased(context: RouteContext): unknown {
  const orgId = orgFromQuery(context);
  const key = context.query["key"];
  const appId = context.query["appId"];
  return context.store.data.apps
    .filter((app) => app.orgId === orgId)
    .filter((app) => !key || app.keyword === key || app.accessKey === key)
    .filter((app) => !appId || app.id === appId)
    .map((app) => renderApp(context, app, false));
}

export const appRoutes: readonly Route[] = [
  {
    methods: ["POST"],
    path: `${APP_SERVICE}/apps`,
    service: "app-service",
    policy: REGISTRATION_ADMIN,
    handle: createApp,
  },
  {
    methods: ["PUT"],
    path: `${APP_SERVICE}/apps`,
    service: "app-service",
    policy: REGISTRATION_ADMIN,
    handle: updateApp,
  },
  {
    methods: ["DELETE"],
    path: `${APP_SERVICE}/apps`,
    service: "app-service",
    policy: REGISTRATION_ADMIN,
    handle: deleteApp,
  },
  {
    methods: ["GET"],
    path: `${APP_SERVICE}/apps/list`,
    service: "app-service",
    policy: REGISTRATION_ADMIN,
    // inf: the docs describe one App; the data is an array of every app of the OU, in creation order.
    handle: (context) => {
      const orgId = orgFromQuery(context);
      return context.store.data.apps.filter((app) => app.orgId === orgId).map((app) => renderApp(context, app, true));
    },
  },
  {
    methods: ["GET"],
    path: `${APP_SERVICE}/apps/purchase/retrieve`,
    service: "app-service",
    policy: REGISTRATION_ADMIN,
    handle: retrievePurchased,
  },
];

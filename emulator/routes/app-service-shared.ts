import { needs } from "../policies";
import { notFound } from "../service-error";
import type { AppRecord, I18nMap } from "../state-schema";
import { requireString } from "../validation";
import { localizeI18n, selectedLanguage } from "./app-service-language";
import { authorizeOrg, type RouteContext } from "./route";

export const APP_SERVICE = "/enos-app-service/v2.5";

/** Every enos-app-service operation needs the OU's Application Registration Administrator policy (its docs). */
export const REGISTRATION_ADMIN = needs("Application Registration Administrator");

/** Every enos-app-service call carries orgId in the query (Application Registration API). */
export function orgFromQuery(context: RouteContext): string {
  const orgId = requireString(context.query, "orgId");
  authorizeOrg(context, orgId);
  return orgId;
}

/** inf: an app of another OU is reported as not found (31404), the same as an unknown id. */
export function findApp(context: RouteContext, orgId: string, appId: string): AppRecord {
  const app = context.store.data.apps.find((candidate) => candidate.id === appId && candidate.orgId === orgId);
  if (!app) throw notFound("app", appId);
  return app;
}

/** createdAt like "2024-01-19 08:40:45" (Create App sample); inf: UTC. */
export function formatTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace("T", " ");
}

/** An i18n field of a response, in the language `accept-language` selected (all languages without it). */
export function localized(context: RouteContext, map: I18nMap): I18nMap {
  return localizeI18n(map, selectedLanguage(context.headers));
}

/**
 * The App object of the Create App response (its doc sample), every documented field present. categoryId/type/status
 * are numbers (3.0.0 docs). inf: createByUserName is null as in the sample, createdByUserName names the creator.
 */
export function renderApp(context: RouteContext, app: AppRecord, secretVisible: boolean): Record<string, unknown> {
  const { data } = context.store;
  const categoryName = data.categories.find((category) => category.id === app.categoryId)?.name ?? {};
  return {
    id: app.id,
    accessKey: app.accessKey,
    secretKey: secretVisible ? app.secretKey : null,
    name: localized(context, app.name),
    description: localized(context, app.description),
    categoryId: app.categoryId,
    categoryName: localized(context, categoryName),
    keyword: app.keyword,
    type: app.type,
    icon: app.icon,
    url: app.url,
    organizationId: app.orgId,
    organizationName: data.organizations.find((org) => org.id === app.orgId)?.name ?? null,
    createdByUserId: app.createdByUserId,
    createdAt: app.createdAt,
    status: 2,
    createByUserName: null,
    createdByUserName: app.createdByUserName,
    approvedAt: app.approvedAt,
  };
}

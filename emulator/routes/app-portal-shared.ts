import { catalog, isMember, type GrantKind } from "../grants";
import { invalid, notFound } from "../service-error";
import type { I18nMap } from "../state-schema";
import { requireBody, requireString, type Fields } from "../validation";
import { authorizeOrg, type RouteContext } from "./route";

export const PORTAL = "/app-portal-service";

/** Documented `locale` values (Application Portal API); en_US is the default. inf: anything else is 31400. */
const LOCALES = ["en_US", "zh_CN", "es_ES", "ja_JP", "de_DE", "pl_PL"];

export function readLocale(context: RouteContext): string {
  const locale = context.query["locale"];
  if (locale === undefined || locale === "") return "en_US";
  if (!LOCALES.includes(locale)) throw invalid("locale", `locale must be one of ${LOCALES.join(", ")}`);
  return locale;
}

/** inf: a name missing in the requested locale falls back to en_US, then to any translation. */
export function localName(names: I18nMap, locale: string): string {
  return names[locale] ?? names["en_US"] ?? Object.values(names)[0] ?? "";
}

/** GET endpoints: orgId in the query. */
export function orgFromQuery(context: RouteContext): string {
  const orgId = requireString(context.query, "orgId");
  authorizeOrg(context, orgId);
  return orgId;
}

/** POST endpoints: organizationId in the body. */
export function orgFromBody(context: RouteContext): { body: Fields; orgId: string } {
  const body = requireBody(context.body);
  const orgId = requireString(body, "organizationId");
  authorizeOrg(context, orgId);
  return { body, orgId };
}

/** 31404 "organization.user.not.exist" for a user who is not in the OU (the overview's own example key). */
export function requireMembers(context: RouteContext, orgId: string, userIds: readonly string[]): void {
  const missing = userIds.find((userId) => !isMember(context.store.data, orgId, userId));
  if (missing !== undefined) throw notFound("organization.user", missing);
}

/** Every id must be a role (group) of this OU: 31404 "role.not.exist" / "userGroup.not.exist". */
export function requireCatalogIds(context: RouteContext, kind: GrantKind, orgId: string, ids: readonly string[]): void {
  const known = new Set(
    catalog(context.store.data, kind)
      .filter((entry) => entry.orgId === orgId)
      .map((entry) => entry.id),
  );
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw notFound(kind === "role" ? "role" : "userGroup", unknown);
}

/** {id, name} pairs of the OU's roles/groups, optionally restricted to `only`. */
export function catalogEntries(
  context: RouteContext,
  kind: GrantKind,
  orgId: string,
  locale: string,
  only?: ReadonlySet<string>,
) {
  return catalog(context.store.data, kind)
    .filter((entry) => entry.orgId === orgId && (only === undefined || only.has(entry.id)))
    .map((entry) => ({ id: entry.id, name: localName(entry.name, locale) }));
}

import { grantedIds, setGrantedIds, type GrantKind } from "../grants";
import { needs, type PolicyRule } from "../policies";
import { ServiceError } from "../service-error";
import { readIdList, requireString } from "../validation";
import {
  catalogEntries,
  orgFromBody,
  orgFromQuery,
  PORTAL,
  readLocale,
  requireCatalogIds,
  requireMembers,
} from "./app-portal-shared";
import type { GrantWriteMode, Route, RouteContext } from "./route";

/** Batch reads accept at most 1,000 userIds (Get Users Role List). */
const MAX_USERS = 1000;
/** inf: no limit is documented for roleIds/userGroupIds in one append/remove call. */
const MAX_GRANT_IDS = Number.MAX_SAFE_INTEGER;

const idsField = (kind: GrantKind) => (kind === "role" ? "roleIds" : "userGroupIds");

type Change = "append" | "remove";

/** Whose grants of which kind a call changes. */
interface Grant {
  kind: GrantKind;
  userId: string;
}

/** The held-id entity of the strict refusals: "organization.user.role" / "organization.user.userGroup". */
const heldEntity = (kind: GrantKind) => (kind === "role" ? "organization.user.role" : "organization.user.userGroup");

/**
 * The user's set after `change`, under the endpoint's mode (route.ts GrantWriteMode). additive-strict refuses the
 * whole call, changing nothing: 31408 `<held entity>.already.existed` for an append listing a held id, 31404
 * `<held entity>.not.exist` for a remove listing an id the user does not hold.
 */
function nextGrants(mode: GrantWriteMode, grant: Grant, change: Change, current: string[], ids: string[]): string[] {
  const held = new Set(current);
  if (mode === "additive-strict") {
    const offending = ids.find((id) => (change === "append" ? held.has(id) : !held.has(id)));
    if (offending !== undefined) throw strictRefusal(grant, change, offending);
  }
  if (change === "remove") return current.filter((id) => !ids.includes(id));
  return mode === "overwrite" ? ids : [...current, ...ids];
}

function strictRefusal({ kind, userId }: Grant, change: Change, id: string): ServiceError {
  const noun = kind === "role" ? "role" : "user group";
  return change === "append"
    ? new ServiceError("exists", heldEntity(kind), `user '${userId}' already holds ${noun} '${id}'`)
    : new ServiceError("not-found", heldEntity(kind), `user '${userId}' does not hold ${noun} '${id}'`);
}

/**
 * appendRoles / removeRoles / appendUserGroups / removeUserGroups: body {organizationId*, userId*, <ids>*[]} -> true.
 * Every id must exist in the OU (31404) and the user must belong to it (31404), checked before the mode's own rule.
 * inf: an empty id list is 31400 (the field is required).
 */
function changeGrants(context: RouteContext, kind: GrantKind, change: Change): boolean {
  const { body, orgId } = orgFromBody(context);
  const userId = requireString(body, "userId");
  const ids = readIdList(body, idsField(kind), MAX_GRANT_IDS);
  requireMembers(context, orgId, [userId]);
  requireCatalogIds(context, kind, orgId, ids);
  const { data } = context.store;
  const current = grantedIds(data, kind, orgId, userId);
  const next = nextGrants(context.grantModes[kind], { kind, userId }, change, current, ids);
  setGrantedIds(data, kind, orgId, userId, next);
  context.store.commit();
  return true;
}

/** userRoles/roleList and userGroup/getUsersUserGroupList: per-user ids plus the {id, name} of every id seen. */
function batchRead(context: RouteContext, kind: GrantKind) {
  const { body, orgId } = orgFromBody(context);
  const userIds = readIdList(body, "userIds", MAX_USERS);
  requireMembers(context, orgId, userIds);
  const perUser = userIds.map((userId) => ({
    userId,
    ids: grantedIds(context.store.data, kind, orgId, userId),
  }));
  const seen = new Set(perUser.flatMap((entry) => entry.ids));
  return { perUser, entries: catalogEntries(context, kind, orgId, "en_US", seen) };
}

function assignedRoles(context: RouteContext): unknown {
  const orgId = orgFromQuery(context);
  const userId = requireString(context.query, "userId");
  const locale = readLocale(context);
  requireMembers(context, orgId, [userId]);
  const granted = new Set(grantedIds(context.store.data, "role", orgId, userId));
  return { roles: catalogEntries(context, "role", orgId, locale, granted) };
}

/**
 * The Application-Portal permission each call needs (the Application Portal API names the three). Documented:
 * appendRoles needs "Authorize users in this OU" (31403 without it). inf: the other grant writes need it too ("same
 * codes"), the per-user reads need "Obtain all user permissions in the OU", the OU's role and group lists need "Obtain
 * the ID and name of all roles in the OU".
 */
const AUTHORIZE = needs("Authorize users in this OU");
const READ_USERS = needs("Obtain all user permissions in the OU");
const READ_CATALOG = needs("Obtain the ID and name of all roles in the OU");

type Handler = (context: RouteContext) => unknown;

const post = (path: string, policy: PolicyRule, handle: Handler): Route => ({
  methods: ["POST"],
  path: `${PORTAL}${path}`,
  service: "app-portal",
  policy,
  handle,
});

const get = (path: string, policy: PolicyRule, handle: Handler): Route => ({
  ...post(path, policy, handle),
  methods: ["GET"],
});

export const portalRoutes: readonly Route[] = [
  get("/v2.2/organization/role/list", READ_CATALOG, (context) => {
    const orgId = orgFromQuery(context);
    return { roles: catalogEntries(context, "role", orgId, readLocale(context)) };
  }),
  get("/v2.2/user/role/assignedList", READ_USERS, assignedRoles),
  post("/v2.2/userRoles/roleList", READ_USERS, (context) => {
    const { perUser, entries } = batchRead(context, "role");
    return { usersUserRoles: perUser.map(({ userId, ids }) => ({ userId, roleIds: ids })), userRoles: entries };
  }),
  // Newest docs: appendRoles OVERWRITES the user's roles; older docs read as additive; strict is a third reading
  // (emulator switch --append-roles, default overwrite).
  post("/v2.2/role/appendRoles", AUTHORIZE, (context) => changeGrants(context, "role", "append")),
  post("/v2.2/role/removeRoles", AUTHORIZE, (context) => changeGrants(context, "role", "remove")),
  // inf: the docs say only "assign" for appendUserGroups (overwrite is documented for appendRoles alone, and only in
  // the newest docs), so additive is the default reading (switch --append-user-groups).
  post("/v2.2/userGroup/appendUserGroups", AUTHORIZE, (context) => changeGrants(context, "group", "append")),
  post("/v2.2/userGroup/removeUserGroups", AUTHORIZE, (context) => changeGrants(context, "group", "remove")),
  post("/v2.2/userGroup/getUsersUserGroupList", READ_USERS, (context) => {
    const { perUser, entries } = batchRead(context, "group");
    return {
      usersUserGroups: perUser.map(({ userId, ids }) => ({ userId, userGroupIds: ids })),
      userGroups: entries,
    };
  }),
  get("/v2.3/organization/userGroup/list", READ_CATALOG, (context) => {
    const orgId = orgFromQuery(context);
    return { userGroups: catalogEntries(context, "group", orgId, readLocale(context)) };
  }),
];

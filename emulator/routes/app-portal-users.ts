import { needs } from "../policies";
import { invalid } from "../service-error";
import type { Fields } from "../validation";
import { readInteger, requireBody, requireString } from "../validation";
import { PORTAL } from "./app-portal-shared";
import { authorizeOrg, type Route, type RouteContext } from "./route";

/**
 * Get Organization User List (app-portal "user/organization/roster", 2.4.0 and preview docs): the users of one OU,
 * for an application granted "Obtain the ID, username, email, and phone number of all users in the OU" (doc).
 * Body `{orgId*, pagination*{pageNo, pageSize, sorters}, userIds?}` (doc; `userIds` in the preview docs only) ->
 * `{users:[{userId, email, phone, phoneArea, name}], pagination:{pageNo, pageSize, totalElements}}`.
 * 31400 without orgId or pagination, 31403 without the policy, 31404 for an unknown OU (doc).
 */

/** inf: every sample pages by 1000 and "the default pagination size is 1000"; larger pages are refused. */
const MAX_PAGE_SIZE = 1000;

function readPagination(body: Fields): { pageNo: number; pageSize: number } {
  const raw = body["pagination"];
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw invalid("pagination", "Organization ID and pagination value are required");
  }
  const pagination = raw as Fields;
  // inf: pageNo counts from 0 (the docs' samples and Get Users by User Group say so).
  const pageNo = readInteger(pagination, "pageNo", { required: false, min: 0 }) ?? 0;
  const pageSize = readInteger(pagination, "pageSize", { required: false, min: 1 }) ?? MAX_PAGE_SIZE;
  if (pageSize > MAX_PAGE_SIZE) throw invalid("pagination.pageSize", `pageSize must be at most ${MAX_PAGE_SIZE}`);
  return { pageNo, pageSize };
}

/** inf: `userIds` narrows the roster; ids that are not users of the OU are simply absent from the answer. */
function readUserIds(body: Fields): ReadonlySet<string> | undefined {
  const raw = body["userIds"];
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === "string")) {
    throw invalid("userIds", "userIds must be an array of user ids");
  }
  return new Set(raw);
}

function roster(context: RouteContext): unknown {
  const body = requireBody(context.body);
  const orgId = requireString(body, "orgId");
  authorizeOrg(context, orgId);
  const { pageNo, pageSize } = readPagination(body);
  const only = readUserIds(body);
  // inf: the OU's users in the order they were added (the seed's order).
  const members = context.store.data.users.filter(
    (user) => user.orgIds.includes(orgId) && (only === undefined || only.has(user.id)),
  );
  const page = members.slice(pageNo * pageSize, (pageNo + 1) * pageSize);
  return {
    users: page.map((user) => ({ userId: user.id, email: user.email, phone: "", phoneArea: "", name: user.name })),
    pagination: { pageNo, pageSize, totalElements: members.length },
  };
}

export const portalUserRoutes: readonly Route[] = [
  {
    methods: ["POST"],
    path: `${PORTAL}/v2.2/user/organization/roster`,
    service: "app-portal",
    policy: needs("Obtain the ID, username, email, and phone number of all users in the OU"),
    handle: roster,
  },
];

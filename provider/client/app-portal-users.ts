/**
 * The OU's user roster: app-portal "Get Organization User List" (`POST /app-portal-service/v2.2/user/organization/
 * roster`, app-portal-api docs en/2.4.0 and en/preview, `user_and_ou/get_ou_user_list`). The application needs the
 * "Obtain the ID, username, email, and phone number of all users in the OU" permission. A read, so retried freely.
 */
import { z } from "zod";
import type { Caller } from "./pipeline";
import { id, listOf, optionalText } from "./schema-helpers";

/** A user of an OU as the roster lists it (phone numbers are never kept). */
export interface OrganizationUser {
  userId: string;
  name: string;
  email: string;
}

export interface AppPortalUsersApi {
  /**
   * Every user of the OU, page by page (1,000 a page, the documented default). `userIds` narrows the answer on
   * EnOS versions that document it (preview docs); older ones ignore it, so the result is filtered here too.
   */
  listOrganizationUsers(orgId: string, options?: { userIds?: readonly string[] }): Promise<OrganizationUser[]>;
  /**
   * Every user of the OU when it has at most `maxUsers` (judged from the first page's `totalElements`, else from
   * the pages read), undefined when it has more: then no further page is read.
   */
  listOrganizationUsersUpTo(orgId: string, maxUsers: number): Promise<OrganizationUser[] | undefined>;
}

const PATH = "/app-portal-service/v2.2/user/organization/roster";
export const ROSTER_PAGE_SIZE = 1000;

const rosterSchema = z
  .looseObject({
    users: listOf(z.looseObject({ userId: id, name: optionalText, email: optionalText })),
    pagination: z.looseObject({ totalElements: z.coerce.number() }).nullish(),
  })
  .transform((page) => ({
    users: page.users.map(({ userId, name, email }) => ({ userId, name, email })),
    total: page.pagination?.totalElements,
  }));

/** The pages of the roster, read until the last one or until `stop(users so far, total)` says so. */
async function readPages(
  call: Caller,
  orgId: string,
  wanted: ReadonlySet<string> | undefined,
  stop: (users: number, total: number | undefined) => boolean,
): Promise<{ users: OrganizationUser[]; complete: boolean }> {
  const users: OrganizationUser[] = [];
  for (let pageNo = 0; ; pageNo += 1) {
    const body = {
      orgId,
      pagination: { pageNo, pageSize: ROSTER_PAGE_SIZE, sorters: [] },
      ...(wanted === undefined ? {} : { userIds: [...wanted] }),
    };
    const page = await call({
      family: "app-portal",
      method: "POST",
      path: PATH,
      body,
      idempotent: true,
      schema: rosterSchema,
    });
    users.push(...page.users);
    const seen = (pageNo + 1) * ROSTER_PAGE_SIZE;
    if (page.users.length < ROSTER_PAGE_SIZE || (page.total !== undefined && seen >= page.total)) {
      return { users, complete: true };
    }
    if (stop(users.length, page.total)) return { users, complete: false };
  }
}

/** The roster API over `call`. */
export function createAppPortalUsersApi(call: Caller): AppPortalUsersApi {
  return {
    async listOrganizationUsers(orgId, options = {}) {
      const wanted = options.userIds === undefined ? undefined : new Set(options.userIds);
      const { users } = await readPages(call, orgId, wanted, () => false);
      return wanted === undefined ? users : users.filter((user) => wanted.has(user.userId));
    },
    async listOrganizationUsersUpTo(orgId, maxUsers) {
      const tooMany = (users: number, total: number | undefined) => (total ?? users) > maxUsers;
      const { users, complete } = await readPages(call, orgId, undefined, tooMany);
      return complete && users.length <= maxUsers ? users : undefined;
    },
  };
}

/**
 * The coalesced read path of RoleAssignment and UserGroupMembership: every read of a user's roles (groups) goes
 * through one loader per client, so the reads the engine makes at once during a refresh merge into one
 * userRoles/roleList (getUsersUserGroupList) call per OU and 1,000 users.
 */
import { createBatchLoader, isNotFound, type BatchLoader, type EnosClient } from "../../client";
import { perClient } from "../kit/per-client";

/** One user in one OU. */
export interface UserKey {
  orgId: string;
  userId: string;
}

/** userId -> ids, for some users of one OU (a batch endpoint of app-portal). */
type BatchRead = (orgId: string, userIds: string[]) => Promise<Map<string, string[]>>;

/** The two grant loaders of a client. `load` yields undefined for a user who is not in the OU. */
export interface GrantLoaders {
  roles: BatchLoader<UserKey, string[]>;
  userGroups: BatchLoader<UserKey, string[]>;
}

/** The loaders of `client`, built on first use. */
export const grantLoadersFor = perClient((client: EnosClient): GrantLoaders => ({
  roles: loaderOver((orgId, userIds) => client.appPortal.getUsersRoles(orgId, userIds)),
  userGroups: loaderOver((orgId, userIds) => client.appPortal.getUsersUserGroups(orgId, userIds)),
}));

function loaderOver(read: BatchRead): BatchLoader<UserKey, string[]> {
  return createBatchLoader<UserKey, string[]>(
    async (keys) => {
      const byOrg = new Map<string, UserKey[]>();
      for (const key of keys) byOrg.set(key.orgId, [...(byOrg.get(key.orgId) ?? []), key]);
      const result = new Map<UserKey, string[]>();
      const reads = [...byOrg].map(async ([orgId, orgKeys]) => {
        const found = await readMembers(
          read,
          orgId,
          orgKeys.map((key) => key.userId),
        );
        for (const key of orgKeys) {
          const ids = found.get(key.userId);
          if (ids !== undefined) result.set(key, ids);
        }
      });
      await Promise.all(reads);
      return result;
    },
    { keyOf: (key) => `${key.orgId}/${key.userId}` },
  );
}

/**
 * One batch read; users the service omits are absent from the result. The API answers 31404 for the WHOLE batch
 * when one user is not in the OU, so a failing batch is split in halves until the missing users are isolated
 * (each answering 31404 alone): about 2·log2(n) extra calls per missing user, instead of one call per user.
 */
export async function readMembers(read: BatchRead, orgId: string, userIds: string[]): Promise<Map<string, string[]>> {
  try {
    return await read(orgId, userIds);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    if (userIds.length <= 1) return new Map();
    const middle = Math.ceil(userIds.length / 2);
    const halves = await Promise.all([
      readMembers(read, orgId, userIds.slice(0, middle)),
      readMembers(read, orgId, userIds.slice(middle)),
    ]);
    return new Map(halves.flatMap((half) => [...half]));
  }
}

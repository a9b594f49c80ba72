/**
 * The read path of RoleAssignment and UserGroupMembership: a read is answered from the OU snapshot when a burst of
 * reads of that OU made one (ou-snapshot.ts), else it goes through one coalescing loader per client, so the reads
 * in flight at once merge into one userRoles/roleList (getUsersUserGroupList) call per OU and 1,000 users.
 */
import { createBatchLoader, type BatchLoader, type EnosClient } from "../../client";
import { perClient } from "../kit/per-client";
import { createOuSnapshots, type GrantReadKind, type OuSnapshots } from "./ou-snapshot";
import { readMembers, type BatchRead, type UserKey } from "./read-members";

export { readMembers, type UserKey } from "./read-members";

/** The two grant loaders of a client. `load` yields undefined for a user who is not in the OU. */
export interface GrantLoaders {
  roles: BatchLoader<UserKey, string[]>;
  userGroups: BatchLoader<UserKey, string[]>;
}

/** The loaders of `client`, built on first use. */
export const grantLoadersFor = perClient((client: EnosClient): GrantLoaders => {
  const reads: Record<GrantReadKind, BatchRead> = {
    roles: (orgId, userIds) => client.appPortal.getUsersRoles(orgId, userIds),
    userGroups: (orgId, userIds) => client.appPortal.getUsersUserGroups(orgId, userIds),
  };
  const snapshots = createOuSnapshots(client, reads);
  return {
    roles: snapshotFirst(snapshots, "roles", reads.roles),
    userGroups: snapshotFirst(snapshots, "userGroups", reads.userGroups),
  };
});

/** The snapshot's answer when it has one, else the coalesced live read. */
function snapshotFirst(snapshots: OuSnapshots, kind: GrantReadKind, read: BatchRead): BatchLoader<UserKey, string[]> {
  const live = loaderOver((orgId, userIds) => {
    snapshots.noteLiveBatch(orgId);
    return read(orgId, userIds);
  });
  return {
    async load(key) {
      const answer = await snapshots.answer(kind, key);
      return answer.hit ? answer.ids : live.load(key);
    },
  };
}

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

/**
 * The OU snapshot of the grant read path. The engine reads a stack's resources through a pool of `--parallel`
 * workers (default 4 x GOMAXPROCS; pulumi/pulumi pkg/engine/deployment_executor.go, refresh), each issuing its next
 * read when one completes, so coalescing what is in flight cannot beat about N/parallel calls. When reads of one OU
 * keep arriving after a live batch was sent (more than BURST_USERS distinct reads of the OU: the engine's
 * reads trickle in a few per coalescing window, so waiting for more only adds live calls), the whole OU is read instead: its roster (app-portal Get Organization
 * User List, 1,000 users a page) and one batch read (userRoles/roleList or getUsersUserGroupList) per 1,000 users;
 * every later read of that OU and kind is answered from it. Reads arriving all at once still make one live batch.
 *
 * Freshness: a provider process serves one engine operation (the engine starts the dynamic provider plugin for each
 * preview, update, refresh or destroy), and the snapshot lives in that process, so it is never older than the
 * current operation. It never hides a change this process wrote: the client announces every write before sending
 * it (`EnosClient.onWrite`), and a user written once is never answered from the snapshot again in this process,
 * whatever the write's outcome; such reads go to the live, coalesced path. A snapshot also answers each user at
 * most once (the engine reads a resource once per operation), so reading a user again always sees EnOS as it is.
 *
 * Cost bound: an OU of more than MAX_SNAPSHOT_USERS users is never snapshotted (its first roster page says so),
 * since reading it whole could cost more calls than the stack's own reads.
 */
import type { EnosClient, WriteNotice } from "../../client";
import { epochMap } from "../kit/read-epoch";
import { readMembers, type BatchRead, type UserKey } from "./read-members";

/** Which batch read a snapshot holds. */
export type GrantReadKind = "roles" | "userGroups";

/** Distinct (kind, user) reads of one OU, with a live batch already sent, before the OU is read whole. */
export const BURST_USERS = 4;
/** The largest OU read whole: 5 roster pages and 5 batch reads per kind. */
export const MAX_SNAPSHOT_USERS = 5_000;

/** What a snapshot answers: the user's ids, or `miss` (ask the live path). */
export type SnapshotAnswer = { hit: true; ids: string[] } | { hit: false };

const MISS: SnapshotAnswer = { hit: false };

export interface OuSnapshots {
  /** The snapshot's answer for `key`, counting the read towards a burst. */
  answer(kind: GrantReadKind, key: UserKey): Promise<SnapshotAnswer>;
  /** A live batch read of `orgId` is being sent (reads arriving after it did not all arrive at once). */
  noteLiveBatch(orgId: string): void;
}

interface OuState {
  /** `<kind>/<userId>` read so far (towards the burst). */
  seen: Set<string>;
  /** Live batch reads sent so far. */
  liveBatches: number;
  /** Reads kept arriving after a live batch: the OU is read whole, one kind at a time as its reads come. */
  burst: boolean;
  /** The roster's user ids, undefined when the OU is too large or the roster could not be read. */
  roster?: Promise<readonly string[] | undefined>;
  members: Partial<Record<GrantReadKind, Promise<Map<string, string[]> | undefined>>>;
  /** Users already answered from the snapshot of each kind. */
  served: Record<GrantReadKind, Set<string>>;
}

const userKeyOf = (orgId: string, userId: string): string => `${orgId}/${userId}`;

/** The user a grant write (appendRoles, removeUserGroups, ...) is about, from its body. */
function writtenUser(write: WriteNotice): string | undefined {
  const body = write.body as { organizationId?: unknown; userId?: unknown } | undefined;
  if (typeof body?.organizationId !== "string" || typeof body.userId !== "string") return undefined;
  return userKeyOf(body.organizationId, body.userId);
}

/** The snapshots of `client`'s OUs (build one per client), read with the grant loaders' own batch `reads`. */
export function createOuSnapshots(client: EnosClient, reads: Record<GrantReadKind, BatchRead>): OuSnapshots {
  const ous = epochMap<string, OuState>();
  /** Users this process wrote (or tried to): never answered from a snapshot again. */
  const written = new Set<string>();
  /** Any app-portal write without a user in its body: stop answering from snapshots altogether. */
  let unknownWrite = false;
  client.onWrite((write) => {
    if (write.family !== "app-portal") return;
    const user = writtenUser(write);
    if (user === undefined) unknownWrite = true;
    else written.add(user);
  });
  const servable = (key: UserKey) => !unknownWrite && !written.has(userKeyOf(key.orgId, key.userId));

  function stateOf(orgId: string): OuState {
    let state = ous.current().get(orgId);
    if (state === undefined) {
      state = {
        seen: new Set(),
        liveBatches: 0,
        burst: false,
        members: {},
        served: { roles: new Set(), userGroups: new Set() },
      };
      ous.current().set(orgId, state);
    }
    return state;
  }

  async function readRoster(orgId: string): Promise<readonly string[] | undefined> {
    try {
      const users = await client.appPortalUsers.listOrganizationUsersUpTo(orgId, MAX_SNAPSHOT_USERS);
      return users?.map((user) => user.userId);
    } catch {
      // No roster permission, throttled, ...: the live path reads on its own and reports real errors.
      return undefined;
    }
  }

  async function readKind(kind: GrantReadKind, orgId: string, state: OuState) {
    const userIds = await state.roster;
    if (userIds === undefined || userIds.length === 0) return undefined;
    try {
      return await readMembers(reads[kind], orgId, [...userIds]);
    } catch {
      return undefined;
    }
  }

  return {
    async answer(kind, key) {
      if (!servable(key)) return MISS;
      const state = stateOf(key.orgId);
      state.seen.add(`${kind}/${key.userId}`);
      state.burst ||= state.liveBatches > 0 && state.seen.size > BURST_USERS;
      if (state.members[kind] === undefined && state.burst) {
        state.roster ??= readRoster(key.orgId);
        state.members[kind] = readKind(kind, key.orgId, state);
      }
      const members = await state.members[kind];
      // Checked again: a write of this process may have started while the snapshot was read.
      const ids = servable(key) && !state.served[kind].has(key.userId) ? members?.get(key.userId) : undefined;
      if (ids === undefined) return MISS;
      state.served[kind].add(key.userId);
      return { hit: true, ids: [...ids] };
    },
    noteLiveBatch(orgId) {
      stateOf(orgId).liveBatches += 1;
    },
  };
}

/**
 * The operations of a grant resource (RoleAssignment, UserGroupMembership), written once over a {@link GrantKind}.
 * Every write goes through `reconcileGrants` under a per-user lock; reads go through the coalescing loaders.
 * Semantics (README "Grants"): exhaustive = the listed ids plus live protected ids are the whole set; additive =
 * only listed ids are added, and ids dropped from the list are removed. Protected ids are never removed.
 */
import type { EnosClient } from "../../client";
import { currentSettings } from "../../config";
import { clientFor } from "../../context";
import { messageOf, partialCreateError } from "../../failures";
import { claimIds, unclaimedIds } from "../kit/claims";
import type { ResourceName } from "../kit/define-provider";
import { warn } from "../kit/warn";
import {
  grantId,
  grantOf,
  grantOutputs,
  liveListView,
  managedIds,
  storedManagedIds,
  type Grant,
  type GrantFields,
  type GrantNames,
  type GrantOutputs,
} from "./grant-fields";
import { behaviourFor, type GrantEndpoint } from "./behaviour-cache";
import type { UserKey } from "./loaders";
import { withGrantLock } from "./lock";
import {
  assertWithinMaxRemovals,
  planGrants,
  reconcileGrants,
  targetSet,
  type GrantIo,
  type GrantProgress,
  type GrantRules,
  type GrantWording,
} from "./reconcile";

/** What differs between the two grant resources. */
export interface GrantKind<L extends string, P extends string, A extends string, M extends string> {
  name: Extract<ResourceName, "RoleAssignment" | "UserGroupMembership">;
  /** "role" or "user group", for messages. */
  noun: string;
  names: GrantNames<L, P, A, M>;
  /** Which endpoints it writes through: what is learned of their behaviour is kept per OU and endpoint. */
  endpoint: GrantEndpoint;
  /** Reads (coalesced) and writes of one user's ids. */
  io(client: EnosClient, user: UserKey): GrantIo;
}

/** A kind's stored state: its fields, with the live set and the managed ids if the state has them. */
type GrantState<L extends string, P extends string, A extends string, M extends string> = GrantFields<L, P> & {
  [K in A | M]?: string[] | undefined;
};

/** The reconcile rules of `grant`; `released` = ids managed before and no longer listed (additive mode). */
function rulesOf(grant: Grant, previouslyManaged: readonly string[] = []): GrantRules {
  const wanted = new Set(grant.wanted);
  return {
    wanted: grant.wanted,
    exhaustive: grant.exhaustive,
    protectedIds: grant.protectedIds ?? [],
    released: previouslyManaged.filter((id) => !wanted.has(id)),
  };
}

/** The typed operations of `kind`, for `defineProvider`. */
export function grantOperations<L extends string, P extends string, A extends string, M extends string>(
  kind: GrantKind<L, P, A, M>,
) {
  type State = GrantState<L, P, A, M>;
  const { name, noun, names } = kind;
  const wordingOf = (grant: Grant): GrantWording => ({
    subject: `${name} '${grantId(grant.orgId, grant.userId)}'`,
    noun,
    listKey: names.list,
    protectedKey: names.protected,
  });
  const userMissing = (grant: Grant) =>
    new Error(
      `user '${grant.userId}' is not a member of OU '${grant.orgId}', so its ${noun}s cannot be managed: ` +
        `check userId and orgId`,
    );

  /**
   * Reconciles `grant`'s user towards `rules` under the user's lock, with what this process knows of the OU's
   * endpoints (learned from earlier writes, or pinned by `enos:grantWriteMode`).
   */
  async function apply(grant: Grant, rules: GrantRules, progress?: GrantProgress) {
    const settings = currentSettings();
    const client = clientFor(settings);
    const io = kind.io(client, grant);
    const behaviour = behaviourFor(client, grant.orgId, kind.endpoint, settings.grantWriteMode);
    const targetOf = (live: readonly string[]) => targetSet(live, rules);
    const lockKey = `${name}/${grantId(grant.orgId, grant.userId)}`;
    const options = {
      maxRemovals: grant.maxRemovals,
      behaviour,
      onContradiction: warn,
      ...(progress !== undefined && { progress }),
    };
    return withGrantLock(lockKey, () => reconcileGrants(io, targetOf, wordingOf(grant), options));
  }

  return {
    /**
     * Fails the preview when the next update would remove more than `maxRemovals`, judged against the live set
     * stored by the last create/update/refresh. Skipped when that is not knowable: unknown inputs, or a replace
     * (another user).
     */
    diff(_id: string, change: { olds: State; known: GrantFields<L, P> | undefined; replaces: readonly string[] }) {
      const assigned = change.olds[names.assigned];
      if (change.replaces.length > 0 || change.known === undefined || assigned === undefined) return;
      const grant = grantOf(names, change.known);
      if (grant.maxRemovals === undefined) return;
      const plan = planGrants(assigned, targetSet(assigned, rulesOf(grant, storedManagedIds(names, change.olds))));
      assertWithinMaxRemovals(wordingOf(grant), plan.toRemove, grant.maxRemovals);
    },

    async create(inputs: GrantFields<L, P>): Promise<{ id: string; outputs: GrantOutputs<L, P, A, M> }> {
      const grant = grantOf(names, inputs);
      const id = grantId(grant.orgId, grant.userId);
      const progress: GrantProgress = { wrote: false, live: undefined };
      try {
        const outcome = await apply(grant, rulesOf(grant), progress);
        if (outcome.userMissing) throw userMissing(grant);
        claimIds(name, id, managedIds(grant));
        return { id, outputs: grantOutputs(names, grant, outcome.live, managedIds(grant)) };
      } catch (error) {
        // Written but not verified: record the resource so it is neither orphaned nor created twice.
        if (!progress.wrote) throw error;
        claimIds(name, id, managedIds(grant));
        const outputs = grantOutputs(names, grant, progress.live ?? [], managedIds(grant));
        throw partialCreateError(id, outputs, messageOf(error), error);
      }
    },

    async read(id: string, state: State): Promise<GrantOutputs<L, P, A, M> | undefined> {
      const grant = grantOf(names, state);
      const live = await kind.io(clientFor(), grant).read();
      if (live === undefined) {
        warn(
          `${name} '${id}': user '${grant.userId}' is no longer in OU '${grant.orgId}' (removed outside ` +
            "Pulumi); the resource is removed from the stack, and the next `pulumi up` fails until the user is in " +
            "the OU again or the resource is removed from the program",
        );
        return undefined;
      }
      // managed* keeps what the program last listed: a refresh must not widen what delete removes.
      const view = { ...grant, wanted: liveListView(grant, live) };
      return grantOutputs(names, view, live, storedManagedIds(names, state));
    },

    async update(id: string, olds: State, news: GrantFields<L, P>): Promise<GrantOutputs<L, P, A, M>> {
      const grant = grantOf(names, news);
      const outcome = await apply(grant, rulesOf(grant, storedManagedIds(names, olds)));
      if (outcome.userMissing) throw userMissing(grant);
      claimIds(name, id, managedIds(grant));
      return grantOutputs(names, grant, outcome.live, managedIds(grant));
    },

    /**
     * Removes the ids this resource manages (never protected ones, never unlisted ones, never ids another resource
     * of this deployment has just granted: claims.ts); a missing user is success.
     */
    async delete(id: string, state: State): Promise<void> {
      const grant = grantOf(names, state);
      const stored = storedManagedIds(names, state);
      const managed = unclaimedIds(name, id, stored);
      if (managed.length < stored.length) {
        const kept = stored.filter((one) => !managed.includes(one));
        warn(
          `${name} '${id}': leaving ${noun}s [${kept.join(", ")}] in place, another resource of this stack manages ` +
            "them since this deployment (a rename without `aliases`, a replacement, or an overlap)",
        );
      }
      if (managed.length === 0) return;
      const rules: GrantRules = {
        wanted: [],
        exhaustive: false,
        protectedIds: grant.protectedIds ?? [],
        released: managed,
      };
      await apply({ ...grant, maxRemovals: undefined }, rules);
    },
  };
}

/**
 * The operations of a grant resource (RoleAssignment, UserGroupMembership), written once over a {@link GrantKind}.
 * Every write goes through `reconcileGrants` under a per-user lock; reads go through the coalescing loaders.
 * Semantics (README "Grants"): exhaustive = the listed ids plus live protected ids are the whole set; additive =
 * only listed ids are added, and ids dropped from the list are removed. Protected ids are never removed.
 */
import type { EnosClient } from "../../client";
import { currentSettings } from "../../config";
import { isNotFound } from "../../client";
import { clientFor } from "../../context";
import { messageOf, partialCreateError } from "../../failures";
import { claimIds, unclaimedIds } from "../kit/claims";
import type { CheckFailure } from "../../inputs";
import type { DiffFinding, ResourceName } from "../kit/define-provider";
import { warn } from "../kit/warn";
import {
  grantId,
  grantOf,
  grantOutputs,
  idsToRestore,
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
  maxRemovalsMessage,
  planGrants,
  reconcileGrants,
  targetSet,
  type GrantIo,
  type GrantProgress,
  type GrantRules,
  type GrantWording,
} from "./reconcile";
import { findInCauses } from "../../cause-chain";

/** What differs between the two grant resources. */
export interface GrantKind<L extends string, P extends string, A extends string, M extends string, R extends string> {
  name: Extract<ResourceName, "RoleAssignment" | "UserGroupMembership">;
  /** "role" or "user group", for messages. */
  noun: string;
  names: GrantNames<L, P, A, M, R>;
  /** Which endpoints it writes through: what is learned of their behaviour is kept per OU and endpoint. */
  endpoint: GrantEndpoint;
  /** Reads (coalesced) and writes of one user's ids. */
  io(client: EnosClient, user: UserKey): GrantIo;
}

/** A kind's stored state: its fields, with the live set and the managed ids if the state has them. */
type GrantState<L extends string, P extends string, A extends string, M extends string, R extends string> = GrantFields<
  L,
  P
> & {
  [K in A | M | R]?: string[] | undefined;
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

/** A not-found, also when the reconcile wrapped it in its own message (the cause chain keeps the API error). */
function notFoundWithin(error: unknown): boolean {
  return findInCauses(error, isNotFound) !== undefined;
}

/** Whether two grants have the same inputs (a program that did not change them). */
function sameGrantInputs(a: Grant, b: Grant): boolean {
  const key = (g: Grant) =>
    JSON.stringify([g.orgId, g.userId, g.wanted, g.exhaustive, g.protectedIds ?? [], g.maxRemovals, g.restoreOnDelete]);
  return key(a) === key(b);
}

/** The typed operations of `kind`, for `defineProvider`. */
export function grantOperations<
  L extends string,
  P extends string,
  A extends string,
  M extends string,
  R extends string,
>(kind: GrantKind<L, P, A, M, R>) {
  type State = GrantState<L, P, A, M, R>;
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
   * endpoints (learned from earlier writes, or pinned by `enos:grantWriteMode`); `firstLive` gets the set read before
   * writing.
   */
  async function apply(grant: Grant, rules: GrantRules, progress?: GrantProgress, firstLive?: string[][]) {
    const settings = currentSettings();
    const client = clientFor(settings);
    const io = kind.io(client, grant);
    const behaviour = behaviourFor(client, grant.orgId, kind.endpoint, settings.grantWriteMode);
    const targetOf = (live: readonly string[]) => {
      if (firstLive?.length === 0) firstLive.push([...live]);
      return targetSet(live, rules);
    };
    const lockKey = `${name}/${grantId(grant.orgId, grant.userId)}`;
    const options = {
      maxRemovals: grant.maxRemovals,
      behaviour,
      onContradiction: warn,
      ...(progress !== undefined && { progress }),
    };
    return withGrantLock(lockKey, () => reconcileGrants(io, targetOf, wordingOf(grant), options));
  }

  /**
   * What a write of `grant` would do to the user now (one coalesced read, like a refresh), for the preview; undefined
   * when the user is not in the OU (the write fails and says so).
   */
  async function livePlan(grant: Grant, rules: GrantRules) {
    const live = await kind.io(clientFor(), grant).read();
    return live === undefined ? undefined : planGrants(live, targetSet(live, rules));
  }

  /** Tells the preview which ids the write removes that the program never listed (they would go unseen). */
  function warnUnlisted(grant: Grant, toRemove: readonly string[], listedBefore: readonly string[], after: string) {
    const listed = new Set(listedBefore);
    const unlisted = toRemove.filter((id) => !listed.has(id));
    if (unlisted.length === 0) return;
    warn(
      `${wordingOf(grant).subject}: exhaustive, so this ${after} removes ${noun}s [${unlisted.join(", ")}] the user ` +
        `holds now but ${names.list} does not list` +
        (after === "create" && grant.restoreOnDelete ? " (delete gives them back)" : ""),
    );
  }

  /** Gives `one` id back to the user, or warns that it cannot (the OU no longer has it). */
  async function giveBack(grant: Grant, one: string) {
    try {
      await apply(grant, { wanted: [one], exhaustive: false, protectedIds: [], released: [] });
    } catch (error) {
      if (!notFoundWithin(error)) throw error;
      warn(`${wordingOf(grant).subject}: could not give back ${noun} '${one}' (${messageOf(error)})`);
    }
  }

  /** Ids an exhaustive write took from the user, that delete gives back: held before, not after. */
  const takenAway = (before: readonly string[] | undefined, after: readonly string[]) =>
    before === undefined ? [] : before.filter((id) => !after.includes(id));

  return {
    /**
     * An exhaustive create previews its real effect: the ids it will remove from the user (warned), held to
     * `maxRemovals` (a failure of the preview, naming it).
     */
    async checkCreate(inputs: GrantFields<L, P>): Promise<CheckFailure[]> {
      const grant = grantOf(names, inputs);
      if (!grant.exhaustive) return [];
      const plan = await livePlan(grant, rulesOf(grant));
      if (plan === undefined || plan.toRemove.length === 0) return [];
      if (grant.maxRemovals !== undefined && plan.toRemove.length > grant.maxRemovals) {
        return [
          { property: "maxRemovals", reason: maxRemovalsMessage(wordingOf(grant), plan.toRemove, grant.maxRemovals) },
        ];
      }
      warnUnlisted(grant, plan.toRemove, [], "create");
      return [];
    },

    /**
     * Fails the preview when the update would remove more than `maxRemovals`. Exhaustive grants are judged against
     * the live set (one coalesced read), so ids granted in the console show in a plain preview and the update that
     * removes them is planned; others against the live set stored by the last create/update/refresh. Skipped when
     * not knowable: unknown inputs, or a replace (another user).
     */
    async diff(
      _id: string,
      change: { olds: State; known: GrantFields<L, P> | undefined; replaces: readonly string[] },
    ): Promise<DiffFinding | undefined> {
      const stored = change.olds[names.assigned];
      if (change.replaces.length > 0 || change.known === undefined) return undefined;
      const grant = grantOf(names, change.known);
      const rules = rulesOf(grant, storedManagedIds(names, change.olds));
      if (grant.exhaustive) {
        const plan = await livePlan(grant, rules);
        if (plan === undefined) return undefined;
        assertWithinMaxRemovals(wordingOf(grant), plan.toRemove, grant.maxRemovals);
        warnUnlisted(grant, plan.toRemove, change.olds[names.list] ?? [], "update");
        // A changed input makes the engine plan the update anyway, with its per-property diff.
        const inputsSame = sameGrantInputs(grantOf(names, change.olds), grant);
        return { liveChange: inputsSame && plan.toAdd.length + plan.toRemove.length > 0 };
      }
      if (grant.maxRemovals === undefined || stored === undefined) return undefined;
      const plan = planGrants(stored, targetSet(stored, rules));
      assertWithinMaxRemovals(wordingOf(grant), plan.toRemove, grant.maxRemovals);
      return undefined;
    },

    async create(inputs: GrantFields<L, P>): Promise<{ id: string; outputs: GrantOutputs<L, P, A, M, R> }> {
      const grant = grantOf(names, inputs);
      const id = grantId(grant.orgId, grant.userId);
      const progress: GrantProgress = { wrote: false, live: undefined };
      const firstLive: string[][] = [];
      try {
        const outcome = await apply(grant, rulesOf(grant), progress, firstLive);
        if (outcome.userMissing) throw userMissing(grant);
        claimIds(name, id, managedIds(grant));
        const record = {
          live: outcome.live,
          managed: managedIds(grant),
          removed: takenAway(firstLive[0], outcome.live),
        };
        return { id, outputs: grantOutputs(names, grant, record) };
      } catch (error) {
        // Written but not verified: record the resource so it is neither orphaned nor created twice.
        if (!progress.wrote) throw error;
        claimIds(name, id, managedIds(grant));
        const live = progress.live ?? [];
        const record = { live, managed: managedIds(grant), removed: takenAway(firstLive[0], live) };
        throw partialCreateError(id, grantOutputs(names, grant, record), messageOf(error), error);
      }
    },

    async read(id: string, state: State): Promise<GrantOutputs<L, P, A, M, R> | undefined> {
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
      const record = { live, managed: storedManagedIds(names, state), removed: state[names.removed] };
      return grantOutputs(names, view, record);
    },

    async update(id: string, olds: State, news: GrantFields<L, P>): Promise<GrantOutputs<L, P, A, M, R>> {
      const grant = grantOf(names, news);
      const outcome = await apply(grant, rulesOf(grant, storedManagedIds(names, olds)));
      if (outcome.userMissing) throw userMissing(grant);
      claimIds(name, id, managedIds(grant));
      // Only a create records what it takes; ids removed later (console drift, a list edit) are not given back.
      const removed = idsToRestore(olds[names.removed], grant);
      return grantOutputs(names, grant, { live: outcome.live, managed: managedIds(grant), removed });
    },

    /**
     * Removes the ids this resource manages (never protected ones, never unlisted ones, never ids another resource
     * of this deployment has just granted: claims.ts) and gives back what its exhaustive create removed, unless
     * `restoreOnDelete` is false; a missing user is success.
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
      const restore = grant.restoreOnDelete ? idsToRestore(state[names.removed], grant) : [];
      if (managed.length === 0 && restore.length === 0) return;
      const rulesWith = (given: string[]): GrantRules => ({
        wanted: given,
        exhaustive: false,
        protectedIds: grant.protectedIds ?? [],
        released: managed,
      });
      const unlimited = { ...grant, maxRemovals: undefined };
      try {
        await apply(unlimited, rulesWith(restore));
      } catch (error) {
        // An id to give back that the OU no longer has: remove what this resource manages, then give back one by one.
        if (restore.length === 0 || !notFoundWithin(error)) throw error;
        if (managed.length > 0) await apply(unlimited, rulesWith([]));
        for (const one of restore) await giveBack(unlimited, one);
      }
    },
  };
}

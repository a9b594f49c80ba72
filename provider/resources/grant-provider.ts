/**
 * The provider of a grant resource (RoleAssignment, UserGroupMembership), written once over a {@link GrantKind}.
 * Every write goes through `reconcileGrants` under a per-user lock; reads go through the coalescing loaders.
 * Semantics (resources.md): exhaustive = the listed ids plus live protected ids are the whole set; additive = only
 * listed ids are added, and ids dropped from the list are removed. Protected ids are never removed.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { clientFor } from "../context";
import { partialCreateError } from "../failures";
import { containsUnknown } from "../inputs";
import { checkWith, defineProvider, diffResult, warn } from "./provider-kit";
import { claimIds, unclaimedIds } from "./deployment-claims";
import { withGrantLock } from "./grant-lock";
import {
  assertWithinMaxRemovals,
  planGrants,
  reconcileGrants,
  targetSet,
  type GrantProgress,
  type GrantRules,
} from "./grant-reconcile";
import {
  grantId,
  inputsOf,
  liveListView,
  managedIds,
  outputsOf,
  readGrantState,
  rulesOf,
  storedAssignedIds,
  storedManagedIds,
  wordingOf,
  type GrantKind,
  type GrantState,
} from "./grant-state";

type Props = Record<string, unknown>;

function userMissing(kind: GrantKind, state: GrantState): Error {
  return new Error(
    `user '${state.userId}' is not a member of OU '${state.orgId}', so its ${kind.noun}s cannot be managed: ` +
      `check userId and orgId`,
  );
}

/** Reconciles `state`'s user towards `rules` under the user's lock. */
async function apply(kind: GrantKind, state: GrantState, rules: GrantRules, progress?: GrantProgress) {
  const io = kind.io(clientFor(), state);
  const lockKey = `${kind.resource}/${grantId(state.orgId, state.userId)}`;
  const targetOf = (live: readonly string[]) => targetSet(live, rules);
  const wording = wordingOf(kind, state);
  return withGrantLock(lockKey, () => reconcileGrants(io, targetOf, wording, state.maxRemovals, progress));
}

async function create(kind: GrantKind, inputs: Props): Promise<dynamic.CreateResult> {
  const state = readGrantState(kind, inputs);
  const id = grantId(state.orgId, state.userId);
  const progress: GrantProgress = { wrote: false, live: undefined };
  try {
    const outcome = await apply(kind, state, rulesOf(state), progress);
    if (outcome.userMissing) throw userMissing(kind, state);
    claimIds(kind.resource, id, managedIds(state));
    return { id, outs: outputsOf(kind, state, outcome.live, managedIds(state)) };
  } catch (error) {
    // Written but not verified: record the resource so it is neither orphaned nor created twice.
    if (!progress.wrote) throw error;
    claimIds(kind.resource, id, managedIds(state));
    const outs = outputsOf(kind, state, progress.live ?? [], managedIds(state));
    const reason = error instanceof Error ? error.message : String(error);
    throw partialCreateError(id, { ...inputs, ...outs }, reason, error);
  }
}

async function update(kind: GrantKind, id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
  const state = readGrantState(kind, news);
  const previouslyManaged = storedManagedIds(kind, olds, readGrantState(kind, olds, id));
  const outcome = await apply(kind, state, rulesOf(state, previouslyManaged));
  if (outcome.userMissing) throw userMissing(kind, state);
  claimIds(kind.resource, id, managedIds(state));
  return { outs: outputsOf(kind, state, outcome.live, managedIds(state)) };
}

async function read(kind: GrantKind, id: string, props: Props): Promise<dynamic.ReadResult> {
  const state = readGrantState(kind, props, id);
  const live = await kind.io(clientFor(), state).read();
  if (live === undefined) {
    warn(
      `${kind.resource} '${id}': user '${state.userId}' is no longer in OU '${state.orgId}' (removed outside ` +
        "Pulumi); the resource is removed from the stack, and the next `pulumi up` fails until the user is in the " +
        "OU again or the resource is removed from the program",
    );
    return {};
  }
  const view: GrantState = { ...state, wanted: liveListView(state, live) };
  // managed* keeps what the program last listed: a refresh must not widen what delete removes.
  const managed = storedManagedIds(kind, props, state);
  return { id, props: outputsOf(kind, view, live, managed), inputs: inputsOf(kind, view) };
}

/**
 * Removes the ids this resource manages (never protected ones, never unlisted ones, never ids another resource of
 * this deployment has just granted: deployment-claims.ts); a missing user is success.
 */
async function remove(kind: GrantKind, id: string, props: Props): Promise<void> {
  const state = readGrantState(kind, props, id);
  const stored = storedManagedIds(kind, props, state);
  const managed = unclaimedIds(kind.resource, id, stored);
  if (managed.length < stored.length) {
    const kept = stored.filter((one) => !managed.includes(one));
    warn(
      `${kind.resource} '${id}': leaving ${kind.noun}s [${kept.join(", ")}] in place, another resource of this ` +
        "stack manages them since this deployment (a rename without `aliases`, a replacement, or an overlap)",
    );
  }
  if (managed.length === 0) return;
  const rules: GrantRules = {
    wanted: [],
    exhaustive: false,
    protectedIds: state.protectedIds ?? [],
    released: managed,
  };
  await apply(kind, { ...state, maxRemovals: undefined }, rules);
}

/**
 * Fails the preview when the next update would remove more than `maxRemovals`, judged against the live set stored
 * by the last create/update/refresh. Skipped when that is not knowable: unknown inputs, or a replace (another user).
 */
function guardRemovals(kind: GrantKind, id: string, olds: Props, news: Props): void {
  const relevant = [news[kind.listKey], news["exhaustive"], news[kind.protectedKey], news["maxRemovals"]];
  if (relevant.some(containsUnknown)) return;
  const state = readGrantState(kind, news, id);
  const assigned = storedAssignedIds(kind, olds);
  if (state.maxRemovals === undefined || assigned === undefined) return;
  const rules = rulesOf(state, storedManagedIds(kind, olds, readGrantState(kind, olds, id)));
  const plan = planGrants(assigned, targetSet(assigned, rules));
  assertWithinMaxRemovals(wordingOf(kind, state), plan.toRemove, state.maxRemovals);
}

/** The dynamic provider of `kind`. */
export function createGrantProvider(kind: GrantKind): Required<dynamic.ResourceProvider> {
  return defineProvider(kind.resource, {
    check: checkWith((olds, news, defaults) => kind.check(olds, news, defaults)),
    diff(id, olds, news) {
      const result = diffResult(olds, news, kind.replaceOn);
      if (result.replaces === undefined) guardRemovals(kind, id, olds, news);
      return result;
    },
    create: (inputs) => create(kind, inputs),
    read: (id, props) => read(kind, id, props),
    update: (id, olds, news) => update(kind, id, olds, news),
    delete: (id, props) => remove(kind, id, props),
  });
}

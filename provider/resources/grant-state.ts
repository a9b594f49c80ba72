/**
 * The kind-neutral view of a grant resource's inputs and state, and the adapter each kind supplies. RoleAssignment
 * and UserGroupMembership differ only in names (`roleIds` vs `userGroupIds`, ...) and in the API calls, so the
 * provider code is written once over {@link GrantKind} and {@link GrantState}.
 */
import type { EnosClient } from "../client";
import type { CheckDefaults, CheckOutcome } from "../inputs";
import { sortUnique } from "../inputs";
import { definedOnly } from "./provider-kit";
import type { GrantIo, GrantRules, GrantWording } from "./grant-reconcile";
import type { UserKey } from "./grant-loaders";

type Props = Record<string, unknown>;

/** What differs between the two grant resources. */
export interface GrantKind {
  resource: "RoleAssignment" | "UserGroupMembership";
  /** "role" or "user group", for messages. */
  noun: string;
  /** Input names: the listed ids and the protected ids. */
  listKey: string;
  protectedKey: string;
  /** Output names: the user's full live set, and the ids this resource manages (what delete removes). */
  assignedKey: string;
  managedKey: string;
  replaceOn: readonly string[];
  check(olds: Props, news: Props, defaults: CheckDefaults): CheckOutcome<unknown>;
  /** Reads (coalesced) and writes of one user's ids. */
  io(client: EnosClient, user: UserKey): GrantIo;
}

/** Inputs (or stored state) of a grant resource, kind-neutral. */
export interface GrantState {
  orgId: string;
  userId: string;
  wanted: string[];
  exhaustive: boolean;
  /** undefined when the program did not set it (kept absent in outputs). */
  protectedIds: string[] | undefined;
  maxRemovals: number | undefined;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return undefined;
  return sortUnique(value);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** `${orgId}/${userId}`; an OU id has no "/" so the first one splits it. */
export function grantId(orgId: string, userId: string): string {
  return `${orgId}/${userId}`;
}

/** Reads checked inputs or stored outputs; a missing orgId/userId is taken from the resource id. */
export function readGrantState(kind: GrantKind, props: Props, id = ""): GrantState {
  const slash = id.indexOf("/");
  const orgId = text(props["orgId"]) ?? (slash > 0 ? id.slice(0, slash) : undefined);
  const userId = text(props["userId"]) ?? (slash > 0 ? id.slice(slash + 1) : undefined);
  if (orgId === undefined || userId === undefined) {
    throw new Error(`${kind.resource} state has no orgId/userId (id '${id}'); remove it from the stack`);
  }
  const maxRemovals = props["maxRemovals"];
  return {
    orgId,
    userId,
    wanted: stringList(props[kind.listKey]) ?? [],
    exhaustive: props["exhaustive"] === true,
    protectedIds: stringList(props[kind.protectedKey]),
    maxRemovals: typeof maxRemovals === "number" ? maxRemovals : undefined,
  };
}

/** The ids a resource manages: its listed ids minus the protected ones (those are never removed). */
export function managedIds(state: GrantState): string[] {
  const isProtected = new Set(state.protectedIds ?? []);
  return state.wanted.filter((id) => !isProtected.has(id));
}

/** The user's live set as last stored (`assigned*`), if the state has one. */
export function storedAssignedIds(kind: GrantKind, props: Props): string[] | undefined {
  return stringList(props[kind.assignedKey]);
}

/** Stored managed ids; state written before `managed*` existed falls back to the listed ids. */
export function storedManagedIds(kind: GrantKind, props: Props, state: GrantState): string[] {
  return stringList(props[kind.managedKey]) ?? managedIds(state);
}

/** The reconcile rules of `state`; `released` = ids managed before and no longer listed (additive mode). */
export function rulesOf(state: GrantState, previouslyManaged: readonly string[] = []): GrantRules {
  const wanted = new Set(state.wanted);
  return {
    wanted: state.wanted,
    exhaustive: state.exhaustive,
    protectedIds: state.protectedIds ?? [],
    released: previouslyManaged.filter((id) => !wanted.has(id)),
  };
}

/** The input-shaped object of `state` (what `check` produced, minus engine keys). */
export function inputsOf(kind: GrantKind, state: GrantState): Props {
  return definedOnly({
    orgId: state.orgId,
    userId: state.userId,
    [kind.listKey]: state.wanted,
    exhaustive: state.exhaustive,
    [kind.protectedKey]: state.protectedIds,
    maxRemovals: state.maxRemovals,
  });
}

/** The full state: inputs + the live set + the managed ids. */
export function outputsOf(kind: GrantKind, state: GrantState, live: readonly string[], managed: string[]): Props {
  return { ...inputsOf(kind, state), [kind.assignedKey]: sortUnique(live), [kind.managedKey]: managed };
}

/**
 * The listed ids as refresh reports them, so the next preview shows drift per id. Exhaustive: the live set minus
 * protected ids the program does not list (those are kept on purpose, never drift). Additive: the listed ids the
 * user still has (ids granted elsewhere are not this resource's business).
 */
export function liveListView(state: GrantState, live: readonly string[]): string[] {
  if (state.exhaustive) {
    const wanted = new Set(state.wanted);
    const keptOnPurpose = new Set((state.protectedIds ?? []).filter((id) => !wanted.has(id)));
    return sortUnique(live.filter((id) => !keptOnPurpose.has(id)));
  }
  const liveSet = new Set(live);
  return state.wanted.filter((id) => liveSet.has(id));
}

/** Words for messages about one resource. */
export function wordingOf(kind: GrantKind, state: GrantState): GrantWording {
  const subject = `${kind.resource} '${grantId(state.orgId, state.userId)}'`;
  return { subject, noun: kind.noun, listKey: kind.listKey, protectedKey: kind.protectedKey };
}

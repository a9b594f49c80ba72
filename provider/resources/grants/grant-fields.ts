/**
 * The kind-neutral view of a grant resource. RoleAssignment and UserGroupMembership differ only in their field names
 * (`roleIds` vs `userGroupIds`, ...) and their API calls, so the grant code is written once over {@link Grant} and
 * reads and writes each kind's fields through its {@link GrantNames}.
 */
import { sortUnique } from "../../inputs";

/**
 * A kind's names for the listed ids, the protected ids, the user's live set, the ids it manages and the ids its
 * exhaustive create removed (given back on delete).
 */
export interface GrantNames<L extends string, P extends string, A extends string, M extends string, R extends string> {
  list: L;
  protected: P;
  assigned: A;
  managed: M;
  removed: R;
}

/** A grant resource's checked inputs or stored state, in its kind's names. */
export type GrantFields<L extends string, P extends string> = {
  orgId: string;
  userId: string;
  exhaustive?: boolean | undefined;
  maxRemovals?: number | undefined;
  restoreOnDelete?: boolean | undefined;
} & { [K in L | P]?: string[] | undefined };

/** What a grant resource records: its inputs, the user's live set, the ids it manages and those it removed. */
export type GrantOutputs<L extends string, P extends string, A extends string, M extends string, R extends string> = {
  orgId: string;
  userId: string;
  exhaustive: boolean;
  maxRemovals?: number | undefined;
  restoreOnDelete: boolean;
} & { [K in L | A | M]: string[] } & { [K in P | R]?: string[] | undefined };

/** Inputs (or stored state) of a grant resource, kind-neutral. */
export interface Grant {
  orgId: string;
  userId: string;
  wanted: string[];
  exhaustive: boolean;
  /** undefined when the program did not set it (kept absent in outputs). */
  protectedIds: string[] | undefined;
  maxRemovals: number | undefined;
  /** Delete gives back what an exhaustive create removed (default true). */
  restoreOnDelete: boolean;
}

/** `${orgId}/${userId}`; an OU id has no "/" so the first one splits it. */
export function grantId(orgId: string, userId: string): string {
  return `${orgId}/${userId}`;
}

/** The orgId and userId a grant id stands for (state of older releases may lack them). */
export function userOfGrantId(id: string): { orgId?: string; userId?: string } {
  const slash = id.indexOf("/");
  return slash > 0 ? { orgId: id.slice(0, slash), userId: id.slice(slash + 1) } : {};
}

/** The neutral view of a kind's inputs or stored state. */
export function grantOf<L extends string, P extends string>(
  names: { list: L; protected: P },
  fields: GrantFields<L, P>,
): Grant {
  const protectedIds = fields[names.protected];
  return {
    orgId: fields.orgId,
    userId: fields.userId,
    wanted: sortUnique(fields[names.list] ?? []),
    exhaustive: fields.exhaustive === true,
    protectedIds: protectedIds === undefined ? undefined : sortUnique(protectedIds),
    maxRemovals: fields.maxRemovals,
    restoreOnDelete: fields.restoreOnDelete !== false,
  };
}

/** The ids a resource manages: its listed ids minus the protected ones (those are never removed). */
export function managedIds(grant: Grant): string[] {
  const isProtected = new Set(grant.protectedIds ?? []);
  return grant.wanted.filter((id) => !isProtected.has(id));
}

/** The ids to give back on delete, minus what the resource now lists (a listed id is managed: delete removes it). */
export function idsToRestore(stored: readonly string[] | undefined, grant: Grant): string[] {
  const listed = new Set(grant.wanted);
  return sortUnique((stored ?? []).filter((id) => !listed.has(id)));
}

/** Stored managed ids; state written before `managed*` existed falls back to the listed ids. */
export function storedManagedIds<L extends string, P extends string, M extends string>(
  names: { list: L; protected: P; managed: M },
  state: GrantFields<L, P> & { [K in M]?: string[] | undefined },
): string[] {
  const stored = state[names.managed];
  return stored === undefined ? managedIds(grantOf(names, state)) : sortUnique(stored);
}

/** What the state records besides the inputs: the live set, the managed ids and the ids to give back on delete. */
export interface GrantRecord {
  live: readonly string[];
  managed: string[];
  /** Ids the exhaustive create removed and the user does not hold again; absent when none. */
  removed?: readonly string[] | undefined;
}

/** The full state: inputs + the live set + the managed ids (+ the removed ids). */
export function grantOutputs<L extends string, P extends string, A extends string, M extends string, R extends string>(
  names: GrantNames<L, P, A, M, R>,
  grant: Grant,
  { live, managed, removed }: GrantRecord,
): GrantOutputs<L, P, A, M, R> {
  const outputs = {
    orgId: grant.orgId,
    userId: grant.userId,
    [names.list]: grant.wanted,
    exhaustive: grant.exhaustive,
    ...(grant.protectedIds !== undefined && { [names.protected]: grant.protectedIds }),
    ...(grant.maxRemovals !== undefined && { maxRemovals: grant.maxRemovals }),
    restoreOnDelete: grant.restoreOnDelete,
    [names.assigned]: sortUnique(live),
    [names.managed]: managed,
    ...(removed !== undefined && removed.length > 0 && { [names.removed]: sortUnique(removed) }),
  };
  // Computed keys widen to a string index in TypeScript; the object has exactly the fields of GrantOutputs.
  return outputs as GrantOutputs<L, P, A, M, R>;
}

/**
 * The listed ids as refresh reports them, so the next preview shows drift per id. Exhaustive: the live set minus
 * protected ids the program does not list (those are kept on purpose, never drift). Additive: the listed ids the
 * user still has (ids granted elsewhere are not this resource's business).
 */
export function liveListView(grant: Grant, live: readonly string[]): string[] {
  if (grant.exhaustive) {
    const wanted = new Set(grant.wanted);
    const keptOnPurpose = new Set((grant.protectedIds ?? []).filter((id) => !wanted.has(id)));
    return sortUnique(live.filter((id) => !keptOnPurpose.has(id)));
  }
  const liveSet = new Set(live);
  return grant.wanted.filter((id) => liveSet.has(id));
}

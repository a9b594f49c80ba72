/**
 * The one reconcile of a user's grant set (roles or user groups), shared by RoleAssignment and UserGroupMembership
 * through a small adapter per kind. appendRoles OVERWRITES the user's roles in the newest EnOS docs and appends in
 * older ones, so the algorithm never relies on either: read the live set, compute the target, append the FULL
 * target (right under both readings), re-read, remove only what is still extra, and verify by reading back.
 * The pure part (target and plan) is exported on its own for unit tests and for the preview-time guard in `diff`.
 */
import { isNotFound, mayHaveTakenEffect } from "../../client";
import { messageOf } from "../../failures";
import { sortUnique } from "../../inputs";

/** What a grant resource wants, in kind-neutral terms. */
export interface GrantRules {
  /** The ids listed by the resource. */
  wanted: readonly string[];
  /** true: `wanted` (plus live protected ids) is the whole set; false: other live ids are left alone. */
  exhaustive: boolean;
  /** Ids never removed, whatever the mode. */
  protectedIds: readonly string[];
  /** Additive mode: ids this resource managed before and no longer wants, so it removes them (if not protected). */
  released: readonly string[];
}

/** The writes that take `live` to `target`. */
export interface GrantPlan {
  target: string[];
  toAdd: string[];
  toRemove: string[];
}

/** The set a user should hold, given the live set and the rules (sorted, unique). */
export function targetSet(live: readonly string[], rules: GrantRules): string[] {
  const isProtected = new Set(rules.protectedIds);
  if (rules.exhaustive) return sortUnique([...rules.wanted, ...live.filter((id) => isProtected.has(id))]);
  const wanted = new Set(rules.wanted);
  const released = new Set(rules.released.filter((id) => !isProtected.has(id) && !wanted.has(id)));
  return sortUnique([...live, ...rules.wanted].filter((id) => !released.has(id)));
}

/** What must be added to and removed from `live` to reach `target`. */
export function planGrants(live: readonly string[], target: readonly string[]): GrantPlan {
  const liveSet = new Set(live);
  const targetSetOf = new Set(target);
  return {
    target: sortUnique(target),
    toAdd: sortUnique(target.filter((id) => !liveSet.has(id))),
    toRemove: sortUnique(live.filter((id) => !targetSetOf.has(id))),
  };
}

/** Words for messages: which resource, what kind of id, and the input names a user can change. */
export interface GrantWording {
  /** e.g. "RoleAssignment 'o-demo/u-alice'" */
  subject: string;
  /** "role" or "user group" */
  noun: string;
  listKey: string;
  protectedKey: string;
}

/** The message of a run stopped by `maxRemovals`: names every id it would remove and the limit. */
export function maxRemovalsMessage(
  wording: GrantWording,
  toRemove: readonly string[],
  maxRemovals: number,
  done = "nothing was changed",
): string {
  const { subject, noun, listKey, protectedKey } = wording;
  return (
    `${subject} would remove ${toRemove.length} ${noun}(s) [${toRemove.join(", ")}], more than maxRemovals ` +
    `(${maxRemovals}); ${done}. List the ${noun}s to keep in ${listKey} or ${protectedKey}, or raise maxRemovals`
  );
}

/** Throws {@link maxRemovalsMessage} when `toRemove` exceeds the limit (undefined = unlimited). */
export function assertWithinMaxRemovals(
  wording: GrantWording,
  toRemove: readonly string[],
  maxRemovals: number | undefined,
  done?: string,
): void {
  if (maxRemovals !== undefined && toRemove.length > maxRemovals) {
    throw new Error(maxRemovalsMessage(wording, toRemove, maxRemovals, done));
  }
}

/** The reads and writes of one user's grants; `read` yields undefined when the user is not in the OU. */
export interface GrantIo {
  read(): Promise<readonly string[] | undefined>;
  append(ids: string[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

/** Filled in while reconciling, so a caller can record a partial create after a failure. */
export interface GrantProgress {
  /** A write was attempted and may have been applied. */
  wrote: boolean;
  /** The last live set read. */
  live: string[] | undefined;
}

/** The outcome: the user is not in the OU (nothing done), or the verified live set. */
export type GrantOutcome = { userMissing: true } | { userMissing: false; live: string[] };

/** One write; a 31404 is reworded (app-portal only says "role.not.exist", without the id). */
async function write(
  progress: GrantProgress,
  wording: GrantWording,
  verb: "grant" | "remove",
  ids: string[],
  call: () => Promise<void>,
): Promise<void> {
  try {
    await call();
  } catch (error) {
    progress.wrote ||= mayHaveTakenEffect(error);
    if (!isNotFound(error)) throw error;
    const { subject, noun, listKey } = wording;
    const problem = `EnOS refused to ${verb} ${noun}s [${ids.join(", ")}]`;
    const hint = `check that every id in ${listKey} is a ${noun} of the OU and that the user is still in it`;
    throw new Error(`${subject}: ${problem} (${messageOf(error)}): ${hint}`, { cause: error });
  }
  progress.wrote = true;
}

async function readLive(io: GrantIo, progress: GrantProgress): Promise<string[] | undefined> {
  const live = await io.read();
  progress.live = live === undefined ? undefined : sortUnique(live);
  return progress.live;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && planGrants(a, b).toAdd.length === 0;
}

/**
 * Reconciles one user's grants to `targetOf(live)`, refusing (before any write) to remove more than `maxRemovals`.
 * Calls: 1 read when nothing changes; else read, [append, re-read], [remove, re-read]: append only when an id is
 * missing, remove only when an id is still extra after it. The last read is the verification.
 */
export async function reconcileGrants(
  io: GrantIo,
  targetOf: (live: readonly string[]) => string[],
  wording: GrantWording,
  maxRemovals: number | undefined,
  progress: GrantProgress = { wrote: false, live: undefined },
): Promise<GrantOutcome> {
  let live = await readLive(io, progress);
  if (live === undefined) return { userMissing: true };
  const first = planGrants(live, targetOf(live));
  assertWithinMaxRemovals(wording, first.toRemove, maxRemovals);
  if (first.toAdd.length > 0) {
    await write(progress, wording, "grant", first.toAdd, () => io.append(first.target));
    live = await readLive(io, progress);
    if (live === undefined) throw new Error(`${wording.subject}: the user left the OU while its grants were written`);
  }
  const second = planGrants(live, targetOf(live));
  if (second.toRemove.length > 0) {
    const all = sortUnique([...first.toRemove, ...second.toRemove]);
    assertWithinMaxRemovals(wording, all, maxRemovals, "the missing ids were added, nothing was removed");
    await write(progress, wording, "remove", second.toRemove, () => io.remove(second.toRemove));
    live = await readLive(io, progress);
    if (live === undefined) throw new Error(`${wording.subject}: the user left the OU while its grants were written`);
  }
  const expected = targetOf(live);
  if (!sameSet(live, expected)) {
    throw new Error(
      `${wording.subject}: after writing, the user's ${wording.noun}s are [${live.join(", ")}] instead of ` +
        `[${expected.join(", ")}]; another change may have raced this one, run \`pulumi up\` again`,
    );
  }
  return { userMissing: false, live };
}

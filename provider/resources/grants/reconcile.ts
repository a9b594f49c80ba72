/**
 * The one reconcile of a user's grant set (roles or user groups), shared by RoleAssignment and UserGroupMembership
 * through a small adapter per kind. The EnOS docs leave open whether an append overwrites, adds, or adds and refuses
 * held ids (write-behaviour.ts), so the reconcile reads the live set, computes the target, and writes one step at a
 * time with a write that is right under every reading still possible, learning the reading from the answers: the
 * full target while overwrite is possible, only the missing ids once it is not, removals last. A write is read back
 * only while its outcome depends on what is not yet known. "Already exists" on an append and "not found" on a remove
 * (a strict gateway's answer, also to the client's own retry of a write whose first answer was lost) re-read and
 * re-plan. The pure part (target and plan) is exported on its own for unit tests and for the preview-time guard in
 * `diff`.
 */
import { isAlreadyExists, isNotFound, mayHaveTakenEffect } from "../../client";
import { messageOf } from "../../failures";
import { sortUnique } from "../../inputs";
import {
  initialBehaviour,
  learnFromAlreadyExists,
  learnFromReadBack,
  learnFromSuccess,
  nextWrite,
  predictedOutcome,
  type GrantWrite,
  type Narrowed,
  type WriteBehaviour,
} from "./write-behaviour";

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
  /** The last live set read (or known from a write whose outcome is certain). */
  live: string[] | undefined;
}

/** The outcome: the user is not in the OU (nothing done), or the live set reached. */
export type GrantOutcome = { userMissing: true } | { userMissing: false; live: string[] };

/** How one reconcile runs. */
export interface ReconcileOptions {
  /** Refuse (before that write) to remove more ids than this in one run; undefined = unlimited. */
  maxRemovals?: number | undefined;
  progress?: GrantProgress;
  /** What is known of the endpoints (behaviour-cache.ts); narrowed in place. Default: nothing known. */
  behaviour?: WriteBehaviour;
  /** Told when an answer contradicts a pinned `enos:grantWriteMode`. */
  onContradiction?: (message: string) => void;
}

/**
 * Writes one reconcile may send. The longest legitimate run is four: a full-target append refused by a strict
 * gateway, the missing ids, the removals, and one repeat of each of the last two answered "already exists" / "not
 * found" after a lost first answer, re-planned (never repeated) after a read.
 */
const MAX_WRITES = 6;

/** A write the service refused in a way a fresh read may explain (strict gateway, or a retry after a commit). */
interface Refusal {
  write: GrantWrite;
  error: unknown;
}

/** One write's result: done, or refused with a re-plannable answer. Other failures are thrown. */
async function send(
  io: GrantIo,
  write: GrantWrite,
  progress: GrantProgress,
  wording: GrantWording,
): Promise<Refusal | undefined> {
  try {
    await (write.op === "append" ? io.append(write.ids) : io.remove(write.ids));
    progress.wrote = true;
    return undefined;
  } catch (error) {
    const replannable = write.op === "append" ? isAlreadyExists(error) : isNotFound(error);
    // The answer may be to the client's retry of an attempt that committed (its own answer lost).
    progress.wrote ||= replannable || mayHaveTakenEffect(error);
    if (replannable) return { write, error };
    if (write.op === "append" && isNotFound(error)) throw unknownIds(wording, write, error);
    throw error;
  }
}

/** An append answered "not found": an id is not a role/group of the OU, or the user left it. */
function unknownIds(wording: GrantWording, write: GrantWrite, error: unknown): Error {
  const { subject, noun, listKey } = wording;
  return new Error(
    `${subject}: EnOS answered "not found" when granting ${noun}s [${write.ids.join(", ")}] (${messageOf(error)}): ` +
      `check that every id in ${listKey} is a ${noun} of the OU and that the user is still in it`,
    { cause: error },
  );
}

/** A refused write that a fresh read does not explain: sending it again would be refused again. */
function unexplained(wording: GrantWording, refusal: Refusal, live: readonly string[]): Error {
  const { subject, noun } = wording;
  const verb = refusal.write.op === "append" ? "granting" : "removing";
  return new Error(
    `${subject}: EnOS refused ${verb} ${noun}s [${refusal.write.ids.join(", ")}] (${messageOf(refusal.error)}), ` +
      `and the user's ${noun}s read just after are [${live.join(", ")}], which does not explain it; check the ` +
      `${noun} ids and that the user is still in the OU, then run \`pulumi up\` again`,
    { cause: refusal.error },
  );
}

function sameWrite(a: GrantWrite, b: GrantWrite): boolean {
  return a.op === b.op && a.ids.length === b.ids.length && a.ids.every((id, i) => b.ids[i] === id);
}

/** The state one reconcile carries from step to step. */
interface Run {
  io: GrantIo;
  targetOf: (live: readonly string[]) => string[];
  wording: GrantWording;
  maxRemovals: number | undefined;
  progress: GrantProgress;
  behaviour: WriteBehaviour;
  onContradiction: (message: string) => void;
  /** Every id a plan of this run removed or would remove, against maxRemovals. */
  removals: Set<string>;
  /** How many ids the first plan removes: beyond them, a later plan's removals are checked again. */
  firstRemovals: number;
}

async function readLive(run: Run): Promise<string[] | undefined> {
  const live = await run.io.read();
  run.progress.live = live === undefined ? undefined : sortUnique(live);
  return run.progress.live;
}

async function readAfterWrite(run: Run): Promise<string[]> {
  const live = await readLive(run);
  if (live === undefined) throw new Error(`${run.wording.subject}: the user left the OU while its grants were written`);
  return live;
}

/** Checks a later plan's removals against maxRemovals, counting the ones this run already removed or planned. */
function checkLaterRemovals(run: Run, live: readonly string[], target: readonly string[]): void {
  for (const id of planGrants(live, target).toRemove) run.removals.add(id);
  if (run.removals.size > run.firstRemovals) {
    const done = "the writes before this one were applied, nothing more was removed";
    assertWithinMaxRemovals(run.wording, [...run.removals].sort(), run.maxRemovals, done);
  }
}

function note(run: Run, narrowed: Narrowed | "raced", what: string): void {
  const { pinned } = run.behaviour;
  if (narrowed !== "contradicted" || pinned === undefined) return;
  run.onContradiction(
    `${run.wording.subject}: enos:grantWriteMode is "${pinned}", but EnOS ${what}, which only ` +
      `"${run.behaviour.candidates.join('" or "')}" does; following what EnOS does for the rest of this run. Set ` +
      "enos:grantWriteMode to auto (or to the mode EnOS shows) to stop this warning",
  );
}

/** The live set after `write` succeeded: predicted when certain, else read back (and learned from). */
async function afterSuccess(run: Run, write: GrantWrite, before: string[]): Promise<string[]> {
  note(run, learnFromSuccess(run.behaviour, write, before), `accepted ${write.op} [${write.ids.join(", ")}]`);
  const predicted = predictedOutcome(run.behaviour, write, before);
  if (predicted !== undefined) {
    run.progress.live = predicted;
    return predicted;
  }
  const after = await readAfterWrite(run);
  learnFromReadBack(run.behaviour, write, before, after);
  return after;
}

/**
 * Reconciles one user's grants to `targetOf(live)`, refusing (before any write) to remove more than `maxRemovals`.
 * Calls: 1 read when nothing changes; else the read and one write per step (append, then remove, each only when
 * needed), with a read-back only after a write whose outcome is not yet certain (the first append of an OU and kind
 * in this process, or while overwrite and additive both remain possible and the target drops ids).
 */
export async function reconcileGrants(
  io: GrantIo,
  targetOf: (live: readonly string[]) => string[],
  wording: GrantWording,
  options: ReconcileOptions = {},
): Promise<GrantOutcome> {
  const progress = options.progress ?? { wrote: false, live: undefined };
  const behaviour = options.behaviour ?? initialBehaviour(undefined);
  const onContradiction = options.onContradiction ?? (() => undefined);
  const run: Run = {
    io,
    targetOf,
    wording,
    maxRemovals: options.maxRemovals,
    progress,
    behaviour,
    onContradiction,
    removals: new Set(),
    firstRemovals: 0,
  };
  let live = await readLive(run);
  if (live === undefined) return { userMissing: true };
  const first = planGrants(live, targetOf(live));
  assertWithinMaxRemovals(wording, first.toRemove, run.maxRemovals);
  first.toRemove.forEach((id) => run.removals.add(id));
  run.firstRemovals = run.removals.size;
  let refused: Refusal | undefined;
  for (let writes = 0; ; writes += 1) {
    const target = targetOf(live);
    checkLaterRemovals(run, live, target);
    const write = nextWrite(live, target, behaviour.candidates);
    if (write === undefined) return { userMissing: false, live };
    if (refused !== undefined && sameWrite(write, refused.write)) throw unexplained(wording, refused, live);
    if (writes >= MAX_WRITES) throw notConverged(wording, live, target);
    refused = await send(io, write, progress, wording);
    if (refused === undefined) {
      live = await afterSuccess(run, write, live);
      continue;
    }
    if (write.op === "append") note(run, learnFromAlreadyExists(behaviour), 'answered "already exists" to an append');
    live = await readAfterWrite(run);
  }
}

function notConverged(wording: GrantWording, live: readonly string[], target: readonly string[]): Error {
  return new Error(
    `${wording.subject}: after ${MAX_WRITES} writes the user's ${wording.noun}s are [${live.join(", ")}] instead ` +
      `of [${target.join(", ")}]; another change may be racing this one, run \`pulumi up\` again`,
  );
}

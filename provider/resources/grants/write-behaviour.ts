/**
 * What a grant write does to ids the user already holds. The EnOS docs leave it open per endpoint (enos-api.md §8,
 * README "Grants"): appendRoles OVERWRITES the user's roles in the newest docs and "assigns" in older ones, and a
 * gateway may be additive and strict (31408 `<entity>.already.existed`, app-portal's documented "already exists"
 * code, when a listed id is held; 31404 from the matching remove for an id not held). So the provider keeps, per
 * process, OU and grant kind, the set of behaviours still consistent with every answer it has seen, narrows it with
 * each write, and plans writes that are right under every behaviour left. Pure functions, plus the small mutable
 * record they narrow.
 */
import type { GrantWriteModeSetting } from "../../client/settings";
import { sortUnique } from "../../inputs";

/** One reading of an append endpoint (and of its remove endpoint's strictness). */
export type WriteMode = Exclude<GrantWriteModeSetting, "auto">;

export const WRITE_MODES: readonly WriteMode[] = ["overwrite", "additive", "additive-strict"];

/** One write of a reconcile. */
export interface GrantWrite {
  op: "append" | "remove";
  ids: string[];
}

/** What one provider process knows of one OU's endpoints of one grant kind. */
export interface WriteBehaviour {
  /** The readings consistent with every answer seen so far (never empty). */
  candidates: WriteMode[];
  /**
   * An append's outcome was read back and matched a reading, or the user pinned the mode: from then on a write whose
   * outcome is the same under every candidate is not read back.
   */
  verified: boolean;
  /** The mode of `enos:grantWriteMode`, when not auto. */
  pinned: WriteMode | undefined;
}

/** The starting knowledge: a pinned mode is trusted; auto starts from all three readings, unverified. */
export function initialBehaviour(setting: GrantWriteModeSetting | undefined): WriteBehaviour {
  if (setting === undefined || setting === "auto")
    return { candidates: [...WRITE_MODES], verified: false, pinned: undefined };
  return { candidates: [setting], verified: true, pinned: setting };
}

/** The user's set after `write` from `live` under `mode`, or "refused" (an additive-strict refusal changes nothing). */
export function outcomeOf(mode: WriteMode, write: GrantWrite, live: readonly string[]): string[] | "refused" {
  const held = new Set(live);
  if (write.op === "remove") {
    if (mode === "additive-strict" && write.ids.some((id) => !held.has(id))) return "refused";
    const removed = new Set(write.ids);
    return sortUnique(live.filter((id) => !removed.has(id)));
  }
  if (mode === "overwrite") return sortUnique(write.ids);
  if (mode === "additive-strict" && write.ids.some((id) => held.has(id))) return "refused";
  return sortUnique([...live, ...write.ids]);
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * The next write from `live` towards `target`, right under every candidate: when overwrite is possible, an append
 * lists the FULL target (appending only the missing ids would drop the others for good); when it is not, it lists
 * only the missing ids (a strict gateway refuses held ones). Additions come before removals, so a user never lacks an
 * id it should keep, not even between two calls. undefined when `live` is the target.
 */
export function nextWrite(
  live: readonly string[],
  target: readonly string[],
  candidates: readonly WriteMode[],
): GrantWrite | undefined {
  const held = new Set(live);
  const wanted = new Set(target);
  const toAdd = sortUnique(target.filter((id) => !held.has(id)));
  const toRemove = sortUnique(live.filter((id) => !wanted.has(id)));
  if (toAdd.length > 0) return { op: "append", ids: candidates.includes("overwrite") ? sortUnique(target) : toAdd };
  if (toRemove.length > 0) return { op: "remove", ids: toRemove };
  return undefined;
}

/**
 * The user's set after a write that succeeded, when it is the same under every candidate that would not have refused
 * it; undefined when it depends on the reading (read it back). A remove means the same under every reading; an
 * append's outcome is trusted only once an append was verified for this OU and kind (the first one is always read
 * back, the check that the gateway behaves as one of the readings at all).
 */
export function predictedOutcome(
  behaviour: WriteBehaviour,
  write: GrantWrite,
  live: readonly string[],
): string[] | undefined {
  if (write.op === "append" && !behaviour.verified) return undefined;
  const outcomes = behaviour.candidates.map((mode) => outcomeOf(mode, write, live)).filter((o) => o !== "refused");
  const [first] = outcomes;
  return first !== undefined && outcomes.every((other) => sameSet(other, first)) ? first : undefined;
}

/** What a narrowing did: kept what was consistent, or found no candidate consistent (a pin contradicted). */
export type Narrowed = "narrowed" | "contradicted";

/** Keeps the candidates in `consistent`; when none is, takes `consistent` itself (the gateway has spoken). */
function narrowTo(behaviour: WriteBehaviour, consistent: readonly WriteMode[]): Narrowed {
  const kept = behaviour.candidates.filter((mode) => consistent.includes(mode));
  if (kept.length > 0) {
    behaviour.candidates = kept;
    return "narrowed";
  }
  behaviour.candidates = [...consistent];
  return "contradicted";
}

/** The write succeeded: no reading that would have refused it is the gateway's. */
export function learnFromSuccess(behaviour: WriteBehaviour, write: GrantWrite, live: readonly string[]): Narrowed {
  return narrowTo(
    behaviour,
    WRITE_MODES.filter((mode) => outcomeOf(mode, write, live) !== "refused"),
  );
}

/** An append was refused with "already exists": only the strict additive reading answers so (for any reason). */
export function learnFromAlreadyExists(behaviour: WriteBehaviour): Narrowed {
  return narrowTo(behaviour, ["additive-strict"]);
}

/**
 * A write from `before` was read back as `after`: keep the readings that predict it. When no reading does, another
 * change raced the write and nothing is learned.
 */
export function learnFromReadBack(
  behaviour: WriteBehaviour,
  write: GrantWrite,
  before: readonly string[],
  after: readonly string[],
): Narrowed | "raced" {
  const consistent = WRITE_MODES.filter((mode) => {
    const outcome = outcomeOf(mode, write, before);
    return outcome !== "refused" && sameSet(outcome, after);
  });
  if (consistent.length === 0) return "raced";
  if (write.op === "append") behaviour.verified = true;
  return narrowTo(behaviour, consistent);
}

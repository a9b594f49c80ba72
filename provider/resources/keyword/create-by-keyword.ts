/**
 * Create-or-adopt for the objects EnOS keys by keyword (apps per OU, menus and permissions per app). The keyword is
 * the idempotency key: a create whose answer was lost may have been applied, so it is looked up by keyword instead of
 * being repeated blindly, and `adopt: true` takes over an existing object instead of failing on the duplicate
 * (dynamic resources cannot be `pulumi import`ed; README "Adoption instead of import").
 */
import { isAlreadyExists, mayHaveTakenEffect } from "../../client";
import { messageOf, partialCreateError } from "../../failures";
import { warn } from "../kit/warn";
import { unconfirmedId } from "./unconfirmed";

/** An app, menu or permission as the service returns it: what it is found again by. */
export interface KeywordObject {
  id: string;
  keyword: string | null;
}

/** One create of a keyword-keyed object, described for {@link createByKeyword}. */
export interface KeywordCreate<T extends KeywordObject> {
  /** Resource name for messages, e.g. "EnosApp". */
  resource: string;
  /** What the object is called in messages, e.g. "app". */
  noun: string;
  /** Where the keyword is unique, e.g. "OU o-demo" or "app app-1 of OU o-demo". */
  scope: string;
  keyword: string;
  adopt: boolean;
  /** How many times the POST may be sent in all: the first send and the re-sends after lost answers (>= 1). */
  attempts: number;
  /** Waits before re-send number `resend` (1 = the second send), so a burst of faults can pass. */
  pause(resend: number): Promise<void>;
  /** An earlier create of these inputs could not be confirmed: an object listed with them is the one it made. */
  resumes?: boolean | undefined;
  /** The POST with the inputs. */
  create(): Promise<T>;
  /** A fresh (uncoalesced) list of the scope. */
  list(): Promise<T[]>;
  /** The PUT of the inputs onto the object `id`. */
  update(id: string): Promise<T>;
  /** Whether the live object already has the inputs' settings (then adoption writes nothing). */
  matches(live: T): boolean;
  /** What to record if a step after the object exists fails (the engine's keys are added by defineProvider). */
  recordOf(object: T): object;
  /** What to record for a create confirmed neither way (no object known): the inputs. */
  unconfirmedRecord(): object;
}

/**
 * The POST, and when it fails: a duplicate keyword is adopted (with `adopt`) or reported with the existing id; a
 * create that may have reached EnOS is looked up by keyword and sent again only if it is not there, in a loop of
 * `attempts` sends in which every lost or refused re-send is followed by another lookup. EnOS refuses a second
 * object with the keyword, so a re-send can never duplicate one: it is created once, found, or refused. So a create
 * ends created (and recorded), refused with nothing left behind, or, when not even a lookup gets through, recorded
 * as unconfirmed (unconfirmed.ts) for the next `up` to find by keyword.
 */
export async function createByKeyword<T extends KeywordObject>(spec: KeywordCreate<T>): Promise<T> {
  if (spec.resumes) {
    const earlier = await findEarlier(spec);
    if (earlier !== undefined) return earlier;
  }
  // The first send whose answer was lost: once set, an object listed with the keyword may be ours. After an
  // unconfirmed create that no lookup found yet (findEarlier), that is already so before the first send.
  let lost: unknown = spec.resumes ? new Error("an earlier create's outcome is unknown") : undefined;
  for (let send = 1; ; send++) {
    if (send > 1) await spec.pause(send - 1);
    let failure: unknown;
    try {
      return await spec.create();
    } catch (error) {
      failure = error;
    }
    if (lost === undefined && isAlreadyExists(failure)) return takeOverDuplicate(spec);
    if (lost === undefined && !mayHaveTakenEffect(failure)) throw failure; // refused: nothing was applied
    lost ??= failure;
    const what = lostSentence(spec, lost, send);
    const lookup = await tryFind(spec);
    if (lookup.ok && lookup.found !== undefined) return claimLost(spec, lookup.found, what);
    if (lookup.ok && !mayHaveTakenEffect(failure)) throw refusedAfterLoss(spec, failure, what);
    if (send >= spec.attempts) throw givenUp(spec, what, failure, lookup.ok ? undefined : lookup.error);
  }
}

async function findByKeyword<T extends KeywordObject>(spec: KeywordCreate<T>): Promise<T | undefined> {
  return (await spec.list()).find((candidate) => candidate.keyword === spec.keyword);
}

async function takeOverDuplicate<T extends KeywordObject>(spec: KeywordCreate<T>): Promise<T> {
  let existing: T | undefined;
  try {
    existing = await findByKeyword(spec);
  } catch (error) {
    // Without the id the duplicate can still be reported; adoption needs it, so it fails the same way.
    throw new Error(`${duplicateSentence(spec)} (its id could not be looked up: ${messageOf(error)}); ${remedy(spec)}`);
  }
  if (existing === undefined) {
    throw new Error(
      `EnOS reported keyword '${spec.keyword}' as taken in ${spec.scope}, but no ${spec.noun} with it is listed ` +
        `there (deleted meanwhile?); run \`pulumi up\` again`,
    );
  }
  if (!spec.adopt) throw new Error(`${duplicateSentence(spec, existing.id)}; ${remedy(spec)}`);
  return adoptExisting(spec, existing);
}

type Lookup<T> = { ok: true; found: T | undefined } | { ok: false; error: unknown };

async function tryFind<T extends KeywordObject>(spec: KeywordCreate<T>): Promise<Lookup<T>> {
  try {
    return { ok: true, found: await findByKeyword(spec) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The object an earlier unconfirmed create made, if it is listed with these settings (else: create as usual). */
async function findEarlier<T extends KeywordObject>(spec: KeywordCreate<T>): Promise<T | undefined> {
  const lookup = await tryFind(spec);
  if (!lookup.ok || lookup.found === undefined || !spec.matches(lookup.found)) return undefined;
  warn(
    `${spec.resource}: found ${spec.noun} '${lookup.found.id}' by its keyword '${spec.keyword}' in ${spec.scope}, ` +
      "made by an earlier create whose outcome was unknown; it is recorded in the stack now",
  );
  return lookup.found;
}

function lostSentence(spec: Wording, lost: unknown, sends: number): string {
  const times = sends === 1 ? "" : ` (${sends} sends)`;
  return `the create of ${spec.noun} '${spec.keyword}' in ${spec.scope} got no answer${times} (${messageOf(lost)})`;
}

/** A re-send refused outright (not a duplicate), with nothing listed: nothing was created. */
function refusedAfterLoss(spec: Wording, refusal: unknown, what: string): Error {
  if (isAlreadyExists(refusal)) {
    return new Error(
      `${what}; EnOS then reported keyword '${spec.keyword}' as taken in ${spec.scope}, but no ${spec.noun} with ` +
        "it is listed there (deleted meanwhile?); run `pulumi up` again",
      { cause: refusal },
    );
  }
  return new Error(`${what}; the next send was refused (${messageOf(refusal)}) and nothing was created`, {
    cause: refusal,
  });
}

/**
 * The budget is spent. Listed as absent: nothing was created and the error says so. Not even listed: the object may
 * exist, so the resource is recorded as unconfirmed and the next `up` (or `refresh`) looks it up by keyword.
 */
function givenUp<T extends KeywordObject>(
  spec: KeywordCreate<T>,
  what: string,
  last: unknown,
  lookupError: unknown,
): Error {
  if (lookupError === undefined) {
    return new Error(
      `${what}; it is not listed there, so nothing was created: run \`pulumi up\` again once EnOS answers`,
      { cause: last },
    );
  }
  const reason =
    `${what}, and looking it up by keyword failed (${messageOf(lookupError)}): it may exist now. It is recorded ` +
    `in the stack as unconfirmed; the next \`pulumi up\` (or \`pulumi refresh\`) finds it by keyword and takes ` +
    "it over, or creates it if it is not there";
  return partialCreateError(unconfirmedId(spec.keyword), spec.unconfirmedRecord(), reason, last);
}

/** The object found by keyword after a lost create: ours if it has our settings, else a duplicate (or adopted). */
async function claimLost<T extends KeywordObject>(spec: KeywordCreate<T>, existing: T, what: string): Promise<T> {
  if (spec.matches(existing)) {
    warn(
      `${spec.resource}: ${what}; found ${spec.noun} '${existing.id}' by its keyword and took it as the one created`,
    );
    return existing;
  }
  // Different settings: most likely someone else's object, which our POST would have been refused for.
  if (!spec.adopt) {
    throw new Error(`${what}, and ${duplicateSentence(spec, existing.id)} with different settings; ${remedy(spec)}`);
  }
  return adoptExisting(spec, existing);
}

/** Adoption: one PUT only when the live object differs; a failed PUT records the object rather than orphan it. */
async function adoptExisting<T extends KeywordObject>(spec: KeywordCreate<T>, existing: T): Promise<T> {
  const needsUpdate = !spec.matches(existing);
  const action = needsUpdate ? "updating it to match the inputs" : "it already matches the inputs";
  warn(
    `${spec.resource}: adopting the existing ${spec.noun} '${existing.id}' with keyword '${spec.keyword}' in ` +
      `${spec.scope} (adopt: true); ${action}. It is now managed by this stack: \`pulumi destroy\` deletes it`,
  );
  if (!needsUpdate) return existing;
  try {
    return await spec.update(existing.id);
  } catch (error) {
    const reason =
      `adopted the existing ${spec.noun} '${existing.id}' (keyword '${spec.keyword}') but could not update it to ` +
      `match the inputs: ${messageOf(error)}; it is recorded in the stack and the next \`pulumi up\` updates it`;
    throw partialCreateError(existing.id, spec.recordOf(existing), reason, error);
  }
}

type Wording = Pick<KeywordCreate<KeywordObject>, "noun" | "scope" | "keyword">;

function duplicateSentence(spec: Wording, existingId?: string): string {
  const owner = existingId === undefined ? `another ${spec.noun}` : `${spec.noun} '${existingId}'`;
  return `keyword '${spec.keyword}' is already used by ${owner} in ${spec.scope}`;
}

function remedy(spec: Wording): string {
  return (
    `set \`adopt: true\` to take that ${spec.noun} over (it is updated to match this resource), ` +
    `or choose another keyword`
  );
}

/**
 * Create-or-adopt for the objects EnOS keys by keyword (apps per OU, menus and permissions per app). The keyword is
 * the idempotency key: a create whose answer was lost may have been applied, so it is looked up by keyword instead of
 * being repeated blindly, and `adopt: true` takes over an existing object instead of failing on the duplicate
 * (dynamic resources cannot be `pulumi import`ed; README "Adoption instead of import").
 */
import { isAlreadyExists, mayHaveTakenEffect } from "../../client";
import { messageOf, partialCreateError } from "../../failures";
import { warn } from "../kit/warn";

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
}

/**
 * The POST, and when it fails: a duplicate keyword is adopted (with `adopt`) or reported with the existing id; a
 * create that may have reached EnOS is looked up by keyword and created once more only if it is not there.
 */
export async function createByKeyword<T extends KeywordObject>(spec: KeywordCreate<T>): Promise<T> {
  try {
    return await spec.create();
  } catch (error) {
    if (isAlreadyExists(error)) return takeOverDuplicate(spec);
    if (mayHaveTakenEffect(error)) return recoverLostCreate(spec, error);
    throw error;
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

async function recoverLostCreate<T extends KeywordObject>(spec: KeywordCreate<T>, lost: unknown): Promise<T> {
  const what = `the create of ${spec.noun} '${spec.keyword}' in ${spec.scope} got no response (${messageOf(lost)})`;
  const existing = await lookUpAfterLoss(spec, what, lost);
  if (existing !== undefined) return claimLost(spec, existing, what);
  // Not listed: the request did not take effect, so one more create cannot duplicate it...
  try {
    return await spec.create();
  } catch (error) {
    // ...unless it committed late, between the list and this create: EnOS then refuses the keyword as taken.
    if (!isAlreadyExists(error)) throw error;
    const late = await lookUpAfterLoss(spec, what, lost);
    if (late === undefined) throw error;
    return claimLost(spec, late, what);
  }
}

async function lookUpAfterLoss<T extends KeywordObject>(
  spec: KeywordCreate<T>,
  what: string,
  lost: unknown,
): Promise<T | undefined> {
  try {
    return await findByKeyword(spec);
  } catch (error) {
    throw new Error(
      `${what}, and looking it up by keyword failed (${messageOf(error)}): it may exist now; run \`pulumi up\` ` +
        `again (a duplicate keyword is then reported with the ${spec.noun}'s id)`,
      { cause: lost },
    );
  }
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

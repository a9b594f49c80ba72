/**
 * The lifecycle EnosApp, AppMenu and AppPermission share, written once: EnOS keys each of them by a keyword unique
 * in its place (an OU's apps, an app's menus or permissions).
 * - create: POST, with lost-answer lookup and adoption (create-by-keyword.ts);
 * - read: the object from the place's coalesced list; one deleted out of band leaves the stack with a warning
 *   instead of failing every refresh;
 * - update: a PUT only when the write body changes (`adopt` alone matters to create only); a not-found answer says
 *   how to recover;
 * - delete: "already gone" is done.
 * Each resource file supplies only what differs: its place, calls, write body and the mapping of live objects.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { isNotFound, type EnosClient } from "../../client";
import { currentSettings } from "../../config";
import { clientFor, resolveOrgId } from "../../context";
import { isObjectClaimed } from "../kit/claims";
import { ReadUnderId, type ResourceName } from "../kit/define-provider";
import { warn } from "../kit/warn";
import { createByKeyword, type KeywordObject } from "./create-by-keyword";
import { sameSettings } from "./live-fields";
import { isUnconfirmedId, keywordOfUnconfirmed, noteResume, takeResume } from "./unconfirmed";

/** The client's default retry budget (client/options.ts): a create may be sent once more per retry. */
const DEFAULT_MAX_RETRIES = 3;

/**
 * The wait before re-send `n`: exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff
 * And Jitter"), like the client's own retries, so a short burst of 5xx answers or resets passes.
 */
function resendPause(n: number): Promise<void> {
  const ceiling = Math.min(4_000, 250 * 2 ** (n - 1));
  return sleep(Math.floor(Math.random() * ceiling));
}

/** The inputs every keyword object has. */
export interface KeywordInputs {
  orgId: string;
  keyword: string;
  adopt: boolean;
}

/** What every keyword object's stored state may hold. */
export interface KeywordState {
  orgId?: string | undefined;
  keyword?: string | undefined;
}

/** Where an object lives: its OU, and the app for menus and permissions. */
export interface Place {
  orgId: string;
}

/** The calls on one place. */
export interface KeywordApi<T, W> {
  create(write: W): Promise<T>;
  update(id: string, write: W): Promise<T>;
  remove(id: string): Promise<void>;
  /** A fresh list: create must see an object made a moment ago. */
  list(): Promise<T[]>;
  /** The list through the coalescing loader: read shares it with every read of the place. */
  load(): Promise<T[]>;
}

/** Why read finds an object gone, for its warning. */
export interface GoneWording<P> {
  /** The list succeeded without the id, e.g. "no menu with this id in app app-1 of OU o-demo". */
  missing(place: P): string;
  /** The list itself answered not-found (the parent app is gone); unset: such errors propagate. */
  parentGone?(place: P): string;
  /** What happens to the resource, when it is not "removed from the stack; the next `pulumi up` recreates it". */
  outcome?: string;
  /** How to recover from an update of an object deleted out of band, when not "refresh drops it, up recreates it". */
  recovery?: string;
}

/**
 * What one keyword resource supplies. `I` its checked inputs, `St` its stored state (checked inputs are a state
 * too), `C` its computed outputs, `L` the input view of a live object, `P` its place, `T` the object as the client
 * returns it, `W` its write body.
 */
export interface KeywordSpec<St extends KeywordState, I extends KeywordInputs & St, C, L, P extends Place, T, W> {
  name: ResourceName;
  /** What the object is called in messages: "app", "menu", "permission". */
  noun: string;
  /** Where the object of these inputs or this state lives, `orgId` resolved. */
  place(source: St, orgId: string): P;
  /** Where its keyword is unique, for messages: "OU o-demo", "app app-1 of OU o-demo". */
  scope(place: P): string;
  api(client: EnosClient, place: P): KeywordApi<T, W>;
  /** The Create/Update body for checked inputs. */
  write(inputs: I): W;
  /** The write body a live object corresponds to, for "does adoption need a PUT?". */
  liveWrite(live: T): object;
  /** The input-shaped view of a live object; `stored` supplies what the API does not return (orgId, adopt, url ""). */
  liveInputs(live: T, stored: St): L;
  /** The computed outputs; `stored` supplies what the service withholds (an app's secretKey). */
  computed(live: T, stored: St): C;
  gone: GoneWording<P>;
}

/** The typed operations of a keyword resource, for `defineProvider`. */
export function keywordOperations<
  St extends KeywordState,
  I extends KeywordInputs & St,
  C extends object,
  L extends object,
  P extends Place,
  T extends KeywordObject,
  W extends object,
>(spec: KeywordSpec<St, I, C, L, P, T, W>) {
  const placeOfState = (state: St): P => spec.place(state, resolveOrgId(state.orgId));
  return {
    async create(inputs: I): Promise<{ id: string; outputs: I & C }> {
      const place = spec.place(inputs, inputs.orgId);
      const api = spec.api(clientFor(), place);
      const write = spec.write(inputs);
      const scope = spec.scope(place);
      const object = await createByKeyword<T>({
        resource: spec.name,
        noun: spec.noun,
        scope,
        keyword: inputs.keyword,
        adopt: inputs.adopt,
        attempts: 1 + (currentSettings().maxRetries ?? DEFAULT_MAX_RETRIES),
        pause: resendPause,
        resumes: takeResume(spec.name, scope, inputs.keyword),
        unconfirmedRecord: () => inputs,
        create: () => api.create(write),
        list: () => api.list(),
        update: (id) => api.update(id, write),
        matches: (live) => sameSettings(spec.liveWrite(live), write),
        // The live object's own settings, since the PUT that would have applied the inputs failed.
        recordOf: (live) => ({ ...inputs, ...spec.liveInputs(live, inputs), ...spec.computed(live, inputs) }),
      });
      return { id: object.id, outputs: { ...inputs, ...spec.computed(object, inputs) } };
    },

    async read(
      id: string,
      state: St,
      recorded: () => I | undefined,
    ): Promise<(L & C) | ReadUnderId<L & C> | undefined> {
      const place = placeOfState(state);
      const view = (live: T) => ({
        ...spec.liveInputs(live, { ...state, orgId: place.orgId }),
        ...spec.computed(live, state),
      });
      if (isUnconfirmedId(id)) {
        const live = await findUnconfirmed(spec, spec.api(clientFor(), place), id, recorded(), place);
        return live === undefined ? undefined : new ReadUnderId(live.id, view(live));
      }
      const live = await findLive(() => spec.api(clientFor(), place).load(), id, state.keyword, spec, place);
      return live === undefined ? undefined : view(live);
    },

    unconfirmed(id: string, state: St): boolean {
      if (!isUnconfirmedId(id)) return false;
      noteResume(spec.name, spec.scope(placeOfState(state)), keywordOfUnconfirmed(id));
      return true;
    },

    async update(id: string, olds: St, news: I, previous: { inputs: I | undefined; computed: C }): Promise<I & C> {
      const write = spec.write(news);
      if (previous.inputs !== undefined && sameSettings(spec.write(previous.inputs), write)) {
        return { ...news, ...previous.computed };
      }
      try {
        const object = await spec.api(clientFor(), spec.place(news, news.orgId)).update(id, write);
        return { ...news, ...spec.computed(object, olds) };
      } catch (error) {
        throw withRecoveryHint(error, `${spec.noun} '${id}'`, spec.gone.recovery);
      }
    },

    async delete(id: string, state: St, recorded: () => I | undefined): Promise<void> {
      const place = placeOfState(state);
      const api = spec.api(clientFor(), place);
      let target = id;
      if (isUnconfirmedId(id)) {
        const live = await findUnconfirmed(spec, api, id, recorded(), place);
        // Left alone: nothing listed, or the object a replacement of this deployment just took (claims.ts).
        if (live === undefined || isObjectClaimed(spec.name, live.id)) return;
        target = live.id;
      }
      try {
        await api.remove(target);
      } catch (error) {
        // Gone already: deleted in the console, or by an earlier attempt whose answer was lost (then retried).
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

/**
 * The object an unconfirmed create (stand-in `id`) made: listed with its keyword and the recorded settings. Anything
 * else (nothing listed, or another object holding the keyword) is not ours, so it is neither read nor deleted.
 */
async function findUnconfirmed<T extends KeywordObject, P extends Place, I, W extends object>(
  spec: {
    name: ResourceName;
    noun: string;
    scope(place: P): string;
    write(inputs: I): W;
    liveWrite(live: T): object;
  },
  api: KeywordApi<T, W>,
  id: string,
  recorded: I | undefined,
  place: P,
): Promise<T | undefined> {
  const keyword = keywordOfUnconfirmed(id);
  const live = (await api.list()).find((item) => item.keyword === keyword);
  if (live !== undefined && recorded !== undefined && sameSettings(spec.liveWrite(live), spec.write(recorded))) {
    return live;
  }
  const what =
    live === undefined ? "nothing is listed with it" : `${spec.noun} '${live.id}' holds it with other settings`;
  warn(
    `${spec.name} with keyword '${keyword}' in ${spec.scope(place)} was recorded after a create whose outcome was ` +
      `unknown, and ${what}: it is not this resource's`,
  );
  return undefined;
}

/** The live object `id` from `load()`, or undefined (after the warning) when it is gone. */
async function findLive<T extends KeywordObject, P>(
  load: () => Promise<T[]>,
  id: string,
  keyword: string | undefined,
  spec: { name: ResourceName; gone: GoneWording<P> },
  place: P,
): Promise<T | undefined> {
  let items: T[];
  try {
    items = await load();
  } catch (error) {
    if (spec.gone.parentGone === undefined || !isNotFound(error)) throw error;
    reportGone(spec.name, id, keyword, spec.gone.parentGone(place), spec.gone.outcome);
    return undefined;
  }
  const live = items.find((item) => item.id === id);
  if (live === undefined) reportGone(spec.name, id, keyword, spec.gone.missing(place), spec.gone.outcome);
  return live;
}

const DROPPED = "it is removed from the stack and the next `pulumi up` recreates it";

/**
 * The engine does not pass the resource's Pulumi name to `read` (the dynamic-provider host calls `read(id, props)`
 * only), so the warning names what the program does know it by: the kind, the id and the keyword.
 */
function reportGone(resource: ResourceName, id: string, keyword: string | undefined, why: string, outcome = DROPPED) {
  const named = keyword === undefined ? "" : ` (keyword '${keyword}')`;
  warn(`${resource} '${id}'${named} was deleted outside Pulumi (${why}); ${outcome}`);
}

/**
 * A not-found answer to an update may mean the object itself was deleted out of band (or a referenced one, such as
 * a parent menu, is missing: EnOS's message says which), so the error keeps EnOS's words and adds the way out.
 */
function withRecoveryHint(error: unknown, object: string, recovery?: string): unknown {
  if (!isNotFound(error) || !(error instanceof Error)) return error;
  const way = recovery ?? "run `pulumi refresh` to drop it from the stack; the next `pulumi up` then creates it again";
  const hint = `if ${object} was deleted outside Pulumi, ${way}`;
  return new Error(`${error.message}; ${hint}`, { cause: error });
}

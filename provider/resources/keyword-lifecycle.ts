/**
 * Read, update and delete rules shared by apps, menus and permissions (design §4, peers.md §2 items 7-8): an object
 * deleted out of band leaves the stack with a warning instead of failing every refresh, deleting what is already
 * gone succeeds, and an update of a vanished object says how to recover.
 */
import { isNotFound } from "../client";
import { inputFields, sameSettings } from "./app-field-mapping";
import { warn } from "./provider-kit";

/** How a vanished object is described in the read warning. */
export interface GoneWording {
  /** Resource name, e.g. "AppMenu". */
  resource: string;
  /** Why, when the list succeeded without the id, e.g. "no menu with this id in app app-1 of OU o-demo". */
  missing: string;
  /** Why, when the list itself answered not-found (the parent app is gone); unset: such errors propagate. */
  parentGone?: string;
}

/** The warning every resource gives when `read` finds its object gone; `read` then returns `{}`. */
export function reportGone(resource: string, id: string, why: string): void {
  warn(
    `${resource} '${id}' was deleted outside Pulumi (${why}); it is removed from the stack and the next ` +
      "`pulumi up` recreates it",
  );
}

/** The live object `id` from `load()` (a coalesced list), or undefined (after the warning) when it is gone. */
export async function findLive<T extends { id: string }>(
  load: () => Promise<T[]>,
  id: string,
  wording: GoneWording,
): Promise<T | undefined> {
  let items: T[];
  try {
    items = await load();
  } catch (error) {
    if (wording.parentGone === undefined || !isNotFound(error)) throw error;
    reportGone(wording.resource, id, wording.parentGone);
    return undefined;
  }
  const live = items.find((item) => item.id === id);
  if (live === undefined) reportGone(wording.resource, id, wording.missing);
  return live;
}

type Props = Record<string, unknown>;

/** One update of an app, menu or permission, described for {@link updateKeywordObject}. */
export interface KeywordUpdate<W, T> {
  /** What the object is called in messages, e.g. "menu". */
  noun: string;
  id: string;
  /** Stored outputs and checked new inputs, as the engine passes them. */
  olds: Props;
  news: Props;
  /** The Update body (without `id`) for a set of inputs. */
  writeOf(inputs: Props): W;
  /** The outputs EnOS computes (the rest of the state is inputs): kept from `olds` when no PUT is needed. */
  computed: readonly string[];
  /** The PUT of `write` onto the object. */
  put(write: W): Promise<T>;
  /** The full state after the PUT returned `object`. */
  stateOf(object: T): Props;
}

/**
 * The PUT of the new inputs, or none when the old and new write bodies say the same (only `adopt` differs, which
 * matters to create alone). A not-found answer may mean the object itself was deleted out of band (or a referenced
 * one, such as a parent menu, is missing: EnOS's message says which), so the error keeps EnOS's words and adds the
 * way out.
 */
export async function updateKeywordObject<W extends object, T>(update: KeywordUpdate<W, T>): Promise<Props> {
  const { noun, id, olds, news } = update;
  const write = update.writeOf(news);
  // Write bodies are plain JSON objects; compared as such.
  if (sameSettings(update.writeOf(olds) as Props, write as Props)) {
    const kept = update.computed
      .filter((key) => olds[key] !== undefined)
      .map((key): [string, unknown] => [key, olds[key]]);
    return { ...inputFields(news), ...Object.fromEntries(kept) };
  }
  try {
    return update.stateOf(await update.put(write));
  } catch (error) {
    if (!isNotFound(error) || !(error instanceof Error)) throw error;
    const hint =
      `if ${noun} '${id}' was deleted outside Pulumi, run \`pulumi refresh\` to drop it from the stack; ` +
      "the next `pulumi up` then creates it again";
    throw new Error(`${error.message}; ${hint}`, { cause: error });
  }
}

/** Runs a DELETE; an object already gone (31404) is a success (design §4). */
export async function deleteUnlessGone(remove: () => Promise<void>): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/**
 * Mapping between what enos-app-service returns and the input shape the engine diffs, shared by apps, menus and
 * permissions. The service answers "nothing" as `{}` (i18n) or `""` (text), while an input that was never set is
 * absent: read must turn one into the other, or every refresh would report a spurious drift.
 */
import type { I18n } from "../../client";
import { canonical, sortedEntries, type I18nText } from "../../inputs";

/** A live i18n map in the inputs' normal form: `default` first, then locales sorted (see inputs/i18n.ts). */
export function liveI18n(map: I18n): I18nText {
  const { default: text = "", ...locales } = map;
  return { default: text, ...Object.fromEntries(sortedEntries(locales)) };
}

/** An optional i18n input from the live map: `{}` means it is not set. */
export function liveOptionalI18n(map: I18n): I18nText | undefined {
  return Object.keys(map).length === 0 ? undefined : liveI18n(map);
}

/**
 * An optional text input from the live value: `""` means "not set", unless the stored input was `""` itself (an
 * app url may be given as "" for none), so neither spelling shows up as drift.
 */
export function liveOptionalText(live: string, stored: unknown): string | undefined {
  if (live !== "") return live;
  return stored === "" ? "" : undefined;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  return typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0;
}

function withoutEmpty(body: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => !isEmpty(value)));
}

/**
 * Whether two write bodies say the same thing: the live object's (rebuilt from a list) and the inputs'. Empty values
 * (absent, null, "", {}) are all "not set", as the service stores an omitted field as one of them.
 */
export function sameSettings(live: object, desired: object): boolean {
  return canonical(withoutEmpty(live)) === canonical(withoutEmpty(desired));
}

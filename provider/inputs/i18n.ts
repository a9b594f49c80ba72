/**
 * Localised text as enos-app-service stores it: a flat map `{ default, en_US, zh_CN, ... }` (EnOS docs: Application
 * Registration API samples; the device services use another shape, see the EnOS i18n reference). Users may write a
 * plain string, which becomes `{ default }`. Locale keys are normalised to the `ll_RR` form the API returns ("en-US",
 * "en_us" -> "en_US"), so spelling never causes a diff.
 */
import { z } from "zod";
import { sortedEntries } from "./order";
import { orUnknown } from "./unknown";

/** Normalised i18n text: `default` is always present and non-empty (except while unknown during preview). */
export interface I18nText {
  default: string;
  [locale: string]: string;
}

const LOCALE = /^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?$/;

/** "en-US" / "en_us" -> "en_US", "zh-hans-cn" -> "zh_Hans_CN", "default" stays; undefined when not a locale id. */
export function normaliseLocaleKey(key: string): string | undefined {
  if (key === "default") return key;
  const match = LOCALE.exec(key);
  if (!match) return undefined;
  const [, language = "", script, region] = match;
  const parts = [language.toLowerCase()];
  if (script) parts.push(script.charAt(0).toUpperCase() + script.slice(1).toLowerCase());
  if (region) parts.push(region.toUpperCase());
  return parts.join("_");
}

/** Reports a missing/empty `default`, keys that are not locale ids, and two spellings of one locale that disagree. */
function checkKeys(field: string, map: Record<string, string>, ctx: z.RefinementCtx): void {
  const text = map["default"];
  if (text === undefined) {
    const example = `${field}: { default: "...", zh_CN: "..." }`;
    const message = `is required: it is the text shown when no locale matches, e.g. ${example}`;
    ctx.addIssue({ code: "custom", message, path: ["default"], input: undefined });
  } else if (text === "") {
    ctx.addIssue({ code: "custom", message: `must be a non-empty string; got ""`, path: ["default"], input: text });
  }
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(map)) {
    const locale = normaliseLocaleKey(key);
    if (locale === undefined) {
      const hint = key.toLowerCase() === "default" ? `; did you mean 'default'?` : "";
      const message = `is not a locale id: use "default" or ids like en_US, zh_CN, ja_JP${hint}`;
      ctx.addIssue({ code: "custom", message, path: [key], input: value });
      continue;
    }
    const other = seen.get(locale);
    if (other !== undefined && map[other] !== value) {
      const message = `spells locale ${locale} a second time (also as '${other}') with a different text; keep one`;
      ctx.addIssue({ code: "custom", message, path: [key], input: value });
    }
    seen.set(locale, key);
  }
}

/** `{ default, then locales sorted }` with normalised keys; unknown values (preview) are kept as they are. */
function normaliseKeys(map: Record<string, string>): I18nText {
  const locales = Object.fromEntries(
    Object.entries(map)
      .map(([key, value]): [string, string] => [normaliseLocaleKey(key) ?? key, value])
      .filter(([key]) => key !== "default"),
  );
  return { default: map["default"] ?? "", ...Object.fromEntries(sortedEntries(locales)) };
}

/**
 * A string or a flat locale map, for the input called `field` (used in examples inside messages). The result is
 * always an {@link I18nText}.
 */
export function i18nSchema(field: string) {
  const rule = `a non-empty string or a map like { default: "Dashboard", zh_CN: "仪表板" } with a non-empty default`;
  const text = z
    .string({ error: rule })
    .min(1, { error: rule })
    .transform((value): I18nText => ({ default: value }));
  const valueRule = `a string (the ${field} text for that locale)`;
  const map = z
    .record(z.string(), orUnknown(z.string({ error: valueRule })), { error: rule })
    .superRefine((value, ctx) => checkKeys(field, value, ctx))
    .transform(normaliseKeys);
  return z.union([text, map]);
}

/** An i18n map as EnOS returns and the state stores it (outputs such as an app's `categoryName`). */
export const i18nMapSchema = z.record(z.string(), z.string());

import type { IncomingHttpHeaders } from "node:http";
import type { I18nMap } from "../state-schema";

/**
 * enos-app-service's optional `accept-language` header ("zh-CN", "en-US") selects the language of i18n fields; when
 * it is absent they carry every language (Create App, Update App). inf: only the first entry of a list counts
 * ("en-US,en;q=0.9" selects en-US); an empty value or "*" selects nothing, i.e. all languages.
 */
export function selectedLanguage(headers: IncomingHttpHeaders): string | undefined {
  // node joins repeated accept-language headers with ", ", so the value is always one string.
  const value = headers["accept-language"] ?? "";
  const first = value.split(",")[0]?.split(";")[0]?.trim() ?? "";
  return first === "" || first === "*" ? undefined : first;
}

/**
 * "zh-CN", "zh_CN" and "zh_cn" name one language: map keys are read case- and separator-insensitively (the docs'
 * samples mix them).
 */
const languageKey = (tag: string): string => tag.toLowerCase().replace(/-/g, "_");

/**
 * An i18n map reduced to the selected language. inf: the shape stays a StringI18n map (the field type the docs
 * give), keeping `default` (the fallback every name has) plus the key(s) of that language as stored; when the
 * language is missing only `default` remains, and a map without `default` (categoryName) may become {}.
 */
export function localizeI18n(map: I18nMap, language: string | undefined): I18nMap {
  if (language === undefined) return map;
  const wanted = languageKey(language);
  return Object.fromEntries(Object.entries(map).filter(([key]) => key === "default" || languageKey(key) === wanted));
}

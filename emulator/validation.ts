import { invalid } from "./service-error";
import type { I18nMap } from "./state-schema";

/** A decoded JSON object body or a query string (first value of each key). */
export type Fields = Readonly<Record<string, unknown>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The request body must be a JSON object (31400 parameter.invalid.body otherwise). */
export function requireBody(body: unknown): Fields {
  if (!isPlainObject(body)) throw invalid("body", "request body must be a JSON object");
  return body;
}

/** A required, non-blank string (query or body). */
export function requireString(fields: Fields, field: string): string {
  const value = fields[field];
  if (typeof value !== "string" || value.trim() === "") throw invalid(field, `${field} is required`);
  return value;
}

/** An optional string; null counts as absent (inf: Jackson maps both to null). */
export function optionalString(fields: Fields, field: string): string | undefined {
  const value = fields[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalid(field, `${field} must be a string`);
  return value;
}

interface IntegerRule {
  required: boolean;
  min?: number;
  allowed?: readonly number[];
}

/**
 * An integer field. inf: decimal strings such as "101" are accepted too, as Jackson coerces scalars by default and
 * the 2.4.4 docs type several of these fields as String.
 */
export function readInteger(fields: Fields, field: string, rule: IntegerRule): number | undefined {
  const raw = fields[field];
  if (raw === undefined || raw === null) {
    if (rule.required) throw invalid(field, `${field} is required`);
    return undefined;
  }
  const value = typeof raw === "string" && /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  if (typeof value !== "number" || !Number.isSafeInteger(value)) throw invalid(field, `${field} must be an integer`);
  if (rule.min !== undefined && value < rule.min) throw invalid(field, `${field} must be >= ${rule.min}`);
  if (rule.allowed !== undefined && !rule.allowed.includes(value))
    throw invalid(field, `${field} must be one of ${rule.allowed.join(", ")}`);
  return value;
}

/**
 * A flat i18n map {"default": "...", "en_US": "..."} (Application Registration API). inf: names need a non-empty
 * `default` (every documented sample has one; the docs do not say it is required), and values must be strings, so a
 * plain string or a nested object is refused, not coerced.
 */
export function readI18n(fields: Fields, field: string, needsDefault: boolean): I18nMap | undefined {
  const raw = fields[field];
  if (raw === undefined || raw === null) {
    if (needsDefault) throw invalid(field, `${field} is required`);
    return undefined;
  }
  if (!isPlainObject(raw)) throw invalid(field, `${field} must be an i18n object such as {"default": "..."}`);
  const map: Record<string, string> = {};
  for (const [locale, text] of Object.entries(raw)) {
    if (typeof text !== "string" || locale === "") throw invalid(field, `${field}.${locale} must be a string`);
    map[locale] = text;
  }
  const fallback = map["default"];
  if (needsDefault && (fallback === undefined || fallback.trim() === ""))
    throw invalid(field, `${field}.default is required and must not be empty`);
  return map;
}

/** inf: an optional `data:<mime>;base64,` prefix is tolerated; the rest must be canonical base64 (or empty). */
export function readBase64(fields: Fields, field: string): string | undefined {
  const value = optionalString(fields, field);
  if (value === undefined || value === "") return value;
  const payload = value.replace(/^data:[\w.+-]+\/[\w.+-]+;base64,/, "");
  if (payload.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(payload))
    throw invalid(field, `${field} must be a base64-encoded image`);
  return value;
}

/** A list of ids with 1..max entries, each a non-blank string; duplicates are folded (inf). */
export function readIdList(fields: Fields, field: string, max: number): string[] {
  const raw = fields[field];
  if (!Array.isArray(raw) || raw.length === 0) throw invalid(field, `${field} must be a non-empty array`);
  if (raw.length > max) throw invalid(field, `${field} must not contain more than ${max} entries`);
  const ids = raw.map((id: unknown) => {
    if (typeof id !== "string" || id.trim() === "") throw invalid(field, `${field} must contain only string ids`);
    return id;
  });
  return [...new Set(ids)];
}

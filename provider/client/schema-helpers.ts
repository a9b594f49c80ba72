/**
 * Lenient building blocks for response schemas: EnOS versions disagree on types (2.4.4 docs say String for
 * categoryId/type/status, 3.0.0 says Integer), so numbers may arrive as numeric strings, and optional display
 * fields may be missing or null. Identity fields stay strict.
 */
import { z } from "zod";

/** A flat i18n map, `{"default": "...", "zh_CN": "..."}`. */
export type I18n = Record<string, string>;

/** A number, or a string holding an integer. */
export const numeric = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** A string that may be missing or null; becomes "". */
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? "");

/** An id: a string, or a number turned into one. */
export const id = z.union([z.string().min(1), z.number().transform(String)]);

/** A flat i18n map; null/missing becomes {}, null entries are dropped, a bare string becomes {default: s}. */
export const i18n = z
  .union([z.string(), z.record(z.string(), z.string().nullable())])
  .nullish()
  .transform((v): I18n => {
    if (v === null || v === undefined) return {};
    if (typeof v === "string") return { default: v };
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => e[1] !== null));
  });

/** `{id, name}` as the app-portal returns roles and user groups. */
export const namedRef = z.looseObject({ id, name: optionalText }).transform((r) => ({ id: r.id, name: r.name }));

/** An array; a null `data` (some services answer null for "nothing") becomes []. */
export const listOf = <T>(item: z.ZodType<T, unknown>) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

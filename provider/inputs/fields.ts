/**
 * Field schemas shared by the resources. Every error message is a noun phrase ("an integer >= 1 ...") that
 * `issues.ts` turns into "<property> must be <rule>; got <value>", so each schema states its rule once.
 */
import { z } from "zod";
import { renderValue } from "./issues";
import { byCodeUnits } from "./order";
import { isUnknown, orUnknown } from "./unknown";

/** For refinements: zod reports them as custom issues, which read "<property> <message>". */
function mustBe(rule: string): { error: (issue: { input: unknown }) => string } {
  return { error: (issue) => `must be ${rule}; got ${renderValue(issue.input)}` };
}

/** A non-empty id of `what` (e.g. "role"), rejecting surrounding spaces: EnOS ids never have them, typos do. */
export function idSchema(what: string, example = "") {
  const rule = `a non-empty ${what} id without surrounding spaces${example}`;
  return z.string({ error: rule }).regex(/^\S(?:.*\S)?$/s, { error: rule });
}

/** Sorted, duplicate-free known ids; unknown elements (preview) are kept, at the end, because two may differ. */
export function sortUnique(ids: readonly string[]): string[] {
  const known = [...new Set(ids.filter((id) => !isUnknown(id)))].sort(byCodeUnits);
  return [...known, ...ids.filter(isUnknown)];
}

/** A list of ids, normalised to a sorted unique array so order and repeats never cause a diff. */
export function idListSchema(what: string) {
  const rule = `a list of ${what} ids, e.g. ["${what}-id-1", "${what}-id-2"]`;
  return z.array(orUnknown(idSchema(what)), { error: rule }).transform(sortUnique);
}

/** An integer >= `min`; `rule` explains the meaning, e.g. "an integer >= 1 (smaller sorts first)". */
export function integerSchema(rule: string, min: number) {
  return z.number({ error: rule }).int({ error: rule }).min(min, { error: rule });
}

/** A boolean; `rule` says what each value means. */
export function booleanSchema(rule: string) {
  return z.boolean({ error: rule });
}

/** The idempotency key of apps, menus and permissions (README "Adoption instead of import"). */
export const keywordSchema = z
  .string({ error: keywordRule() })
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: keywordRule() });

function keywordRule(): string {
  return `1 to 64 characters from A-Z a-z 0-9 _ . - (the object's unique key, e.g. "energy-mgmt")`;
}

/** The OU id every call is scoped to. */
export const orgIdSchema = idSchema("OU (organization)");

const ICON_MAX_BYTES = 1024 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Size of the bytes a valid (padded) base64 string decodes to, without decoding it. */
export function base64DecodedBytes(text: string): number {
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** An app icon: standard padded base64 of the image bytes (the API's format), at most 1 MiB decoded. */
export const iconSchema = z
  .string({ error: iconRule() })
  .regex(BASE64, { error: iconRule() })
  .refine((text) => base64DecodedBytes(text) <= ICON_MAX_BYTES, {
    error: (issue) =>
      `must decode to at most 1 MiB (${ICON_MAX_BYTES} bytes); it decodes to ` +
      `${typeof issue.input === "string" ? base64DecodedBytes(issue.input) : "?"} bytes: use a smaller image`,
  });

function iconRule(): string {
  return (
    "standard base64 (A-Z a-z 0-9 + / and = padding, no data: prefix or line breaks) of the image, " +
    `e.g. fs.readFileSync("icon.png").toString("base64")`
  );
}

/** True for "" or an absolute http/https URL with a host. */
export function isHttpUrlOrEmpty(text: string): boolean {
  if (text === "") return true;
  if (!/^https?:\/\/[^\s/?#]/i.test(text) || /\s/.test(text)) return false;
  return URL.canParse(text);
}

/** The app's entry URL. */
export const appUrlSchema = z
  .string({ error: `an http(s) URL such as "https://example.com/app", or "" for none` })
  .refine(isHttpUrlOrEmpty, mustBe(`an http(s) URL such as "https://example.com/app", or "" for none`));

/**
 * A menu's target. The docs give no format (the sample is ""), so this only rejects what is surely a typo: spaces,
 * or a scheme other than http/https. Paths ("/dashboard") and relative routes pass through.
 */
export const menuUrlSchema = z
  .string({ error: menuUrlRule() })
  .refine(
    (text) => !/\s/.test(text) && (!/^[a-z][a-z0-9+.-]*:/i.test(text) || isHttpUrlOrEmpty(text)),
    mustBe(menuUrlRule()),
  );

function menuUrlRule(): string {
  return `a path such as "/dashboard", an http(s) URL, or "" for none (no spaces)`;
}

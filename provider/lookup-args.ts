/**
 * Lookup arguments, validated before any EnOS call (zod at the boundary: programs may be untyped JavaScript), so a bad
 * one fails naming the argument and what it must be, e.g. `getRole failed: locale must be one of en_US, ...`.
 */
import { z } from "zod";
import { renderValue } from "./text";
import { LookupError, type LookupName } from "./lookup-error";

/** The languages of role and user-group names: the app-portal `locale` values the docs list (app-portal docs, e.g. "Get Organization Roles": https://support.enos-iot.com/docs/app-portal-api/en/dev/user_and_ou/get_organization_roles.html). */
export const LOCALES = ["en_US", "zh_CN", "es_ES", "ja_JP", "de_DE", "pl_PL"] as const;
export type Locale = (typeof LOCALES)[number];

const text = z.string({ error: "a non-empty string" }).regex(/\S/, { error: "a non-empty string" });

/** Arguments every lookup takes. */
export const scopeArgs = { orgId: text.optional() };
/** Arguments of the lookups that return names. */
export const localisedArgs = {
  ...scopeArgs,
  locale: z.enum(LOCALES, { error: `one of ${LOCALES.join(", ")}` }).optional(),
};
/** One of these identifies the object of a singular lookup. */
export const identityArg = text.optional();

type Issue = z.core.$ZodIssue;

function describe(issue: Issue, known: readonly string[]): { argument: string; problem: string } {
  if (issue.code === "unrecognized_keys") {
    const [key = ""] = issue.keys;
    return { argument: key, problem: `unknown argument '${key}' (arguments: ${known.join(", ")})` };
  }
  const argument = issue.path.map(String).join(".");
  if (argument === "") return { argument, problem: `the arguments must be an object like { ${known.join(", ")} }` };
  const got = issue.input === undefined ? "" : `; got ${renderValue(issue.input)}`;
  return { argument, problem: `${argument} must be ${issue.message}${got}` };
}

/** `args` parsed by `shape` (no other keys allowed), else a {@link LookupError} naming the first bad argument. */
export function parseArgs<S extends z.core.$ZodLooseShape>(
  lookup: LookupName,
  shape: S,
  args: unknown,
): z.output<z.ZodObject<S, z.core.$strict>> {
  const result = z.strictObject(shape).safeParse(args ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const [first] = result.error.issues;
  const { argument, problem } = first
    ? describe(first, Object.keys(shape))
    : { argument: "", problem: "bad arguments" };
  throw new LookupError(lookup, problem, { argument });
}

/** The one identity argument given among `keys`, else a {@link LookupError} saying which to give. */
export function onlyIdentity<K extends string>(
  lookup: LookupName,
  args: { [key in K]?: string | undefined },
  keys: readonly K[],
  example: string,
): { key: K; value: string } {
  const given = keys.filter((key) => args[key] !== undefined);
  const choice = keys.map((key) => `\`${key}\``).join(" or ");
  const [only] = given;
  if (only === undefined) {
    throw new LookupError(lookup, `say which one: give ${choice}, e.g. ${example}`, { argument: keys[0] ?? "" });
  }
  if (given.length > 1) {
    throw new LookupError(lookup, `${given.map((k) => `\`${k}\``).join(" and ")} are both given: give ${choice}`, {
      argument: only,
    });
  }
  return { key: only, value: args[only] as string };
}

/**
 * The preview-time "unknown value" sentinel. During `pulumi preview`, any input that depends on an output not known yet
 * (e.g. `appId: app.id` of an app still to be created) reaches `check`/`diff` as this exact string, at any depth (a
 * whole field, one array element, one i18n value): `unknownValue` in `@pulumi/pulumi` 3.248.0 `runtime/rpc.ts`.
 */
import { z } from "zod";

/** The sentinel string the Node SDK uses for unknown values (`rpc.unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The literal type of {@link UNKNOWN}. */
export type Unknown = typeof UNKNOWN;

/** True when `value` is the preview-time unknown sentinel. */
export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/** True when `value` is the sentinel or contains it at any depth (arrays and plain objects). */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

/** True when `value` holds no unknown sentinel at any depth: what create and update receive. */
export function isKnown<T>(value: T): value is T & Known<T> {
  return !containsUnknown(value);
}

const unknownLiteral = z.literal(UNKNOWN);

/**
 * Accepts the sentinel in place of any value `schema` accepts, and keeps it unchanged. The sentinel is tried first:
 * zod takes the first matching branch, and a string-accepting schema would otherwise transform it (an unknown i18n
 * field must stay unknown, not become `{ default: <sentinel> }`). Defaults still apply when the field is absent (put
 * `.default()` on the result). `issues.ts` hides the sentinel branch from messages.
 */
export function orUnknown<T extends z.ZodType>(schema: T): z.ZodUnion<[typeof unknownLiteral, T]> {
  return z.union([unknownLiteral, schema]);
}

/**
 * `T` with the sentinel removed at every depth: the shape create/update see, where every value is known. During
 * preview `check`/`diff` may still hold {@link UNKNOWN} in any field; for string fields the types are identical.
 */
export type Known<T> = T extends Unknown
  ? never
  : T extends readonly (infer E)[]
    ? Known<E>[]
    : T extends object
      ? { [K in keyof T]: Known<T[K]> }
      : T;

/** True for the issue zod reports when a value is not the sentinel literal (the branch {@link orUnknown} adds). */
export function isSentinelMismatch(issue: z.core.$ZodIssue): boolean {
  return issue.code === "invalid_value" && issue.path.length === 0 && issue.values.includes(UNKNOWN);
}

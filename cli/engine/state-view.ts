/**
 * Values as the engine hands them out, made safe to read: the serialized `__provider` (about three quarters of an
 * exported state, design §3) is dropped, and secrets and unknowns are recognised in both of their spellings.
 */
import type { StateView } from "./capture";

/** Preview JSON and engine events spell an unknown value as this fixed UUID (gitops.md §2). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The signature key of a serialized secret (`{ <sig>: "1b47061264138c4ac30d75fd1eb44270", ... }`). */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export function isSecret(value: unknown): boolean {
  if (value === "[secret]") return true;
  if (typeof value !== "object" || value === null) return false;
  return (value as Record<string, unknown>)[SECRET_SIGNATURE] === SECRET_SIG_VALUE;
}

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

function withoutProvider(props: unknown): Record<string, unknown> {
  if (typeof props !== "object" || props === null) return {};
  const { __provider: _provider, ...rest } = props as Record<string, unknown>;
  return rest;
}

interface RawState {
  id?: unknown;
  type?: unknown;
  inputs?: unknown;
  outputs?: unknown;
}

/** A state from an engine event or a preview JSON step, minus `__provider`. */
export function stateView(raw: RawState | undefined, fallbackType: string): StateView | undefined {
  if (raw === undefined || raw === null) return undefined;
  return {
    id: typeof raw.id === "string" ? raw.id : "",
    type: typeof raw.type === "string" ? raw.type : fallbackType,
    inputs: withoutProvider(raw.inputs),
    outputs: withoutProvider(raw.outputs),
  };
}

/** A list of string ids from a state value; undefined when absent, unknown or not a list. */
export function idList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.some((item) => typeof item !== "string" || isUnknown(item))) return undefined;
  return [...new Set(value as string[])].sort();
}

/** A text value ("" and non-strings count as absent). */
export function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" && !isUnknown(value) ? value : undefined;
}

/** The default text of an i18n value as the provider stores it ({ default, ... } or a plain string). */
export function defaultText(value: unknown): string | undefined {
  if (typeof value === "string") return textOf(value);
  if (typeof value !== "object" || value === null) return undefined;
  const map = value as Record<string, unknown>;
  return (
    textOf(map["default"]) ??
    Object.values(map)
      .map(textOf)
      .find((one) => one !== undefined)
  );
}

/**
 * Field-by-field comparison of two states, for apps, menus, permissions and devices. A field is secret if either
 * side is (its values are never kept), unknown if the new value is known only after `up`. A changed field is drift
 * when the program still asks for what the stack stored, and only EnOS moved away from it.
 */
import type { StateView } from "../engine/capture";
import { isSecret, isUnknown } from "../engine/state-view";
import type { FieldChange, FieldValue } from "../report/schema";

/** Fields whose values say nothing to a reviewer (an icon is a base64 image): only "changed" is shown. */
const OPAQUE = new Set(["icon"]);

function props(state: StateView | undefined): Readonly<Record<string, unknown>> {
  return state ? { ...state.outputs, ...state.inputs } : {};
}

function valueOf(value: unknown): FieldValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string",
    );
    const order = ([a]: [string, string], [b]: [string, string]) =>
      a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b);
    return Object.fromEntries(entries.sort(order));
  }
  return typeof value === "bigint" ? value.toString() : (JSON.stringify(value) ?? null);
}

const same = (a: unknown, b: unknown) => JSON.stringify(valueOf(a)) === JSON.stringify(valueOf(b));

export interface FieldDiff {
  changes: FieldChange[];
  /** The names of the changed fields that are drift (see the module comment). */
  drifted: string[];
}

/** The fields among `fields` (and any other input in `extra`) that differ between `before` and `after`. */
export function diffFields(
  fields: readonly string[],
  before: StateView | undefined,
  after: StateView | undefined,
  stored: StateView | undefined,
  extra: readonly string[] = [],
): FieldDiff {
  const old = props(before);
  const next = props(after);
  const kept = props(stored);
  const changes: FieldChange[] = [];
  const drifted: string[] = [];
  for (const field of [...new Set([...fields, ...extra])]) {
    const a = old[field];
    const b = next[field];
    if (same(a, b)) continue;
    const change: FieldChange = { field };
    if (isSecret(a) || isSecret(b)) change.secret = true;
    else if (OPAQUE.has(field)) change.after = "(changed)";
    else {
      change.before = valueOf(a);
      if (isUnknown(b)) change.unknown = true;
      else change.after = valueOf(b);
    }
    changes.push(change);
    if (stored && same(kept[field], b) && !isUnknown(b)) drifted.push(field);
  }
  return { changes, drifted };
}

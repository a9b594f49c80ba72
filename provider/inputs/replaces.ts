/**
 * Which replace-on inputs really changed, for `diff`'s `replaces`: list only the immutable keys that differ, because
 * with `changes` left undefined any listed key turns the whole update into a replace (the engine's `diffResource` in
 * pulumi/pulumi `pkg/resource/deploy/step_generator.go`).
 */
import { byCodeUnits } from "./order";
import { containsUnknown } from "./unknown";

/**
 * The `keys` whose values differ between `olds` (the stored state, already normalised by an earlier `check`) and
 * `news` (checked inputs). Values are compared structurally (key order ignored; absent, undefined and null are the
 * same "no value").
 *
 * A key whose new value is, or contains, the preview-unknown sentinel is included: it may differ, and a preview that
 * says "may be replaced" is honest, whereas hiding it would make `up` replace what preview called an update. It is
 * included even when the old value was absent, since a value appearing where there was none is a change too. (In
 * practice an unknown `orgId`/`appId` comes from a resource that is itself being created or replaced.)
 */
export function replacesFor(
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): string[] {
  return keys.filter((key) => containsUnknown(news[key]) || canonical(olds[key]) !== canonical(news[key]));
}

/** A JSON text independent of object key order; undefined and null both map to "null". */
export function canonical(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => byCodeUnits(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The one order of keys and ids the provider uses: UTF-16 code units, as `<` compares strings (unlike
 * `localeCompare`, it is the same on every machine), so normalised values and their diffs are stable.
 */

/** Comparator by code units, for `Array.prototype.sort`. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entries of `record` sorted by key. */
export function sortedEntries<V>(record: Readonly<Record<string, V>>): [string, V][] {
  return Object.entries(record).sort(([a], [b]) => byCodeUnits(a, b));
}

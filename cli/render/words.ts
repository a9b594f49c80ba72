/**
 * The small pieces of wording every renderer and the headline share: counted nouns, names with their ids, and the
 * display of field values.
 */
import type { FieldChange, FieldValue, Named, ResourceRef } from "../report/schema";

/** "1 user", "2 users"; `plural` for irregular nouns. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** "Alice Chen (u-alice)", or just the id when no name is known. */
export function label(ref: Named): string {
  return ref.name && ref.name !== ref.id ? `${ref.name} (${ref.id})` : ref.id;
}

/** 'RoleAssignment "u-alice-roles"' */
export function resourceLabel(ref: ResourceRef): string {
  return `${ref.type} "${ref.name}"`;
}

/** A field value in one line: i18n maps as "Dashboard (zh_CN: 仪表盘)", absent as "(none)". */
export function valueText(value: FieldValue | undefined): string {
  if (value === undefined || value === null || value === "") return "(none)";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  const { default: main, ...others } = value;
  const rest = Object.entries(others).map(([locale, text]) => `${locale}: ${text}`);
  const head = main === undefined ? "" : JSON.stringify(main);
  return rest.length === 0 ? head : `${head} (${rest.join(", ")})`.trim();
}

/** "name: "Dashboard" → "Overview"", with secrets and unknowns spelt out and never shown. */
export function fieldText(change: FieldChange): string {
  if (change.secret) return `${change.field}: changed (secret, not shown)`;
  if (change.unknown) return `${change.field}: ${valueText(change.before)} → (known after up)`;
  if (change.before === undefined) return `${change.field}: changed`;
  return `${change.field}: ${valueText(change.before)} → ${valueText(change.after)}`;
}

/** "Coverage: 2/3 users holding a role are managed by these stacks (67 %)" */
export function coverageText(unmanaged: { managedUsers: number; usersWithGrants: number }, many: boolean): string {
  const { managedUsers, usersWithGrants } = unmanaged;
  const share = usersWithGrants === 0 ? "" : ` (${Math.round((100 * managedUsers) / usersWithGrants)} %)`;
  return `Coverage: ${managedUsers}/${usersWithGrants} users holding a role are managed by ${many ? "these stacks" : "this stack"}${share}`;
}

/**
 * The "accept" half of a drift's fixes: the exact program input to change, so the fix is a paste, e.g.
 * `roleIds` of RoleAssignment "alice-roles" gains "r-auditor" /* Auditor *\/. Grant fixes carry role and group
 * names, so they are written after the names are resolved.
 */
import { GRANT_KEYS } from "../analysis/grant-rules";
import { resourceLabel } from "../render/words";
import type { FieldChange, GrantChange, ResourceRef, StackReport } from "../report/schema";

const REVERT = "run `pulumi up`";

/** "`name` of AppMenu "energy-dashboard" becomes {"default":"Console name"}" for each changed field. */
export function acceptFields(ref: ResourceRef, changes: readonly FieldChange[]): string {
  return changes
    .map((change) => {
      const value = change.secret ? "(the value set in the console)" : JSON.stringify(change.after ?? null);
      return `\`${change.field}\` of ${resourceLabel(ref)} becomes \`${value}\``;
    })
    .join("; ");
}

function comment(change: GrantChange): string {
  return change.item.name ? ` /* ${change.item.name.replace(/\*\//g, "* /").replace(/`/g, "'")} */` : "";
}

function grantAccept(change: GrantChange): string {
  const list = GRANT_KEYS[change.kind].list;
  const verb = change.action === "gain" ? "gains" : "drops";
  return `\`${list}\` of ${resourceLabel(change.resource)} ${verb} \`"${change.item.id}"${comment(change)}\``;
}

/** Fixes for every grant drift the next `pulumi up` would revert. */
export function addGrantFixes(report: StackReport): void {
  for (const section of report.users) {
    for (const change of section.changes) {
      if (change.cause === "drift" && change.effect === "applied" && !change.fixes) {
        change.fixes = { revert: REVERT, accept: grantAccept(change) };
      }
    }
  }
}

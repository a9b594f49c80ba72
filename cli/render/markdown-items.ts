/**
 * The items of the Markdown report's sections: one table row per user in a review, one bullet (with its fixes as
 * sub-bullets) per drift, per app with its menus and permissions, per device, finding and unmanaged grant.
 */
import type {
  Finding,
  GrantChange,
  Ignored,
  PolicyFinding,
  StackReport,
  UnmanagedGrant,
  UserSection,
} from "../report/schema";
import { appText, deviceText, fixLines, grantText, itemText, otherText, settingText, who } from "./fragments";
import { code, md, prose, table } from "./markdown-text";
import { markdownStyle as style } from "./style";

export const bullet = (lines: readonly string[]): string[] =>
  lines.map((line, index) => (index === 0 ? `- ${line}` : `  - ${line}`));

function cells(changes: readonly GrantChange[]): string {
  return changes.length === 0 ? "—" : changes.map((change) => grantText(style, change)).join("<br>");
}

export const USERS_HEADER = table(["User", "Gains", "Loses", "Grants"], []);

/** A review's row: who, gains, losses, and the user's grant resources with their notes. */
export function userRow(user: UserSection): string[] {
  const gains = user.changes.filter((c) => c.action === "gain");
  const losses = user.changes.filter((c) => c.action === "lose");
  const settings = user.grants.map((g) => settingText(style, g));
  const grants = [...settings, ...user.notes.map((n) => `⚠ ${prose(n)}`)].join("<br>");
  const row = [`${who(style, user.user)}<br>OU ${code(user.orgId)}`, cells(gains), cells(losses), grants];
  return table([""], [row]).slice(2);
}

/** A user who left the OU: one item for all the grants that went with them, and both ways out. */
function leftItem(user: UserSection): string[] | undefined {
  const left = user.changes.filter((c) => c.effect === "blocked");
  if (left.length === 0 && user.notes.length === 0) return undefined;
  const why = left[0]?.note ? `: ${prose(left[0].note)}` : "";
  const lines = [`${who(style, user.user)} ${prose(user.notes.join("; "))}${why}`];
  if (left.length > 0) {
    const held = left.map((c) => grantText(style, { ...c, cause: "program", effect: "applied", note: "" }));
    lines.push(`held through the stack: ${held.join(", ")}`);
  }
  const fixes = left.flatMap((c) => (c.fixes ? [c.fixes] : []));
  const first = fixes[0];
  if (first) {
    const accept = [...new Set(fixes.map((f) => f.accept))].join("; ");
    lines.push(...fixLines(style, { revert: first.revert, accept }));
  }
  return bullet(lines);
}

/** A drift report's items of one user: what was granted or revoked outside the stack, and a departure. */
export function driftUserItems(user: UserSection): string[][] {
  const items = user.changes
    .filter((change) => change.effect !== "blocked")
    .map((change) => {
      const verb = change.action === "gain" ? "was granted" : "lost";
      const what = grantText(style, { ...change, cause: "program", note: "" });
      const line = `${who(style, user.user)} ${verb} ${what} outside the stack: ${prose(change.note ?? "")}`;
      return bullet([line, ...fixLines(style, change.fixes)]);
    });
  const left = leftItem(user);
  return left ? [left, ...items] : items;
}

export function appItem(app: StackReport["apps"][number]): string[] {
  const lines = [`- ${appText(style, app)}`, ...fixLines(style, app.fixes).map((fix) => `  - ${fix}`)];
  for (const item of app.items) {
    lines.push(`  - ${itemText(style, item)}`, ...fixLines(style, item.fixes).map((fix) => `    - ${fix}`));
  }
  return lines;
}

export const deviceItem = (device: StackReport["devices"][number]) =>
  bullet([deviceText(style, device), ...fixLines(style, device.fixes)]);

export const otherItem = (change: StackReport["other"][number]) => bullet([otherText(style, change)]);

export function guardrailItem(finding: Finding): string[] {
  const where = finding.resource ? `${md(`${finding.resource.type} "${finding.resource.name}"`)}: ` : "";
  return bullet([`${where}${prose(finding.message)}`]);
}

export function policyItem(finding: PolicyFinding): string[] {
  const on = finding.resource ? ` on ${md(finding.resource.name)}` : "";
  return bullet([
    `${md(finding.policyPack)}/${md(finding.policy)} (${md(finding.enforcement)})${on}: ${md(finding.message)}`,
  ]);
}

export const unmanagedItem = (grant: UnmanagedGrant) =>
  bullet([
    `${who(style, grant.user)}: ${grant.kind} ${who(style, grant.item)}${grant.privileged ? " **(privileged)**" : ""}`,
  ]);

export const ignoredItem = (entry: Ignored, word: "until" | "expired") =>
  bullet([`${md(entry.what)} — ${md(entry.reason)} (${word} ${md(entry.until)})`]);

export const warningItem = (warning: string) => bullet([md(warning)]);

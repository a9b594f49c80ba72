/**
 * The Markdown report, ready for a pull-request comment or an issue: a hidden marker (so a workflow finds and
 * updates its one comment per stack), the headline, the risk flags, then the details per stack within a size budget.
 */
import type { GrantChange, Report, StackReport, UserSection } from "../report/schema";
import { fitToBudget, type Section } from "./budget";
import { appText, deviceText, fixLines, grantText, itemText, otherText, settingText, who } from "./fragments";
import { code, md, prose, table } from "./markdown-text";
import { markdownStyle as style } from "./style";
import { count, coverageText } from "./words";

const COLLAPSE_AFTER = 12;

/** `<!-- pulumi-enos:review enos-gitops/demo -->`: what a workflow searches for to update its comment. */
export function markerOf(report: Report): string {
  return `<!-- pulumi-enos:${report.command} ${report.stacks.map((s) => `${s.project}/${s.stack}`).join(" ")} -->`;
}

function title(report: Report): string {
  const project = report.stacks[0]?.project ?? "";
  const stacks = report.stacks.map((s) => code(s.stack)).join(", ");
  const what = report.command === "review" ? "EnOS review" : "EnOS drift";
  return `## ${what} · ${code(project)} · ${stacks}`;
}

function riskBlock(report: Report): string[] {
  if (report.risks.length === 0) return [];
  const alert = report.risks.some((r) => r.code !== "policy" && r.code !== "blocked") ? "CAUTION" : "WARNING";
  return [`> [!${alert}]`, ...report.risks.map((risk) => `> - **${md(risk.code)}**: ${prose(risk.message)}`), ""];
}

const bullet = (lines: string[]) => lines.map((line, index) => (index === 0 ? `- ${line}` : `  - ${line}`));

function moreLine(noun: string, plural: string) {
  return (n: number) => `_… and ${count(n, noun, plural)} more: run with \`--format json\` for all of them._`;
}

function section(heading: string, items: string[][], noun: string, plural: string, frame?: Section["frame"]): Section {
  return {
    head: [heading, ""],
    items,
    ...(frame ? { frame } : {}),
    more: moreLine(noun, plural),
    collapse: { after: COLLAPSE_AFTER, summary: `${count(items.length, noun, plural)}` },
  };
}

function cells(changes: readonly GrantChange[]): string {
  return changes.length === 0 ? "—" : changes.map((change) => grantText(style, change)).join("<br>");
}

function userRow(user: UserSection): string {
  const gains = user.changes.filter((c) => c.action === "gain");
  const losses = user.changes.filter((c) => c.action === "lose");
  const grants = [...user.grants.map((g) => settingText(style, g)), ...user.notes.map((n) => `⚠ ${prose(n)}`)].join(
    "<br>",
  );
  const [line] = table(
    [""],
    [[`${who(style, user.user)}<br>OU ${code(user.orgId)}`, cells(gains), cells(losses), grants]],
  ).slice(2);
  return line ?? "";
}

const USERS_HEADER = table(["User", "Gains", "Loses", "Grants"], []);

/** A user who left the OU: one item for all the grants that went with them, and both ways out. */
function leftItem(user: UserSection): string[] | undefined {
  const left = user.changes.filter((c) => c.effect === "blocked");
  if (left.length === 0 && user.notes.length === 0) return undefined;
  const lines = [
    `${who(style, user.user)} ${prose(user.notes.join("; "))}${left[0]?.note ? `: ${prose(left[0].note)}` : ""}`,
  ];
  if (left.length > 0) {
    const held = left.map((c) => grantText(style, { ...c, cause: "program", effect: "applied", note: "" }));
    lines.push(`held through the stack: ${held.join(", ")}`);
  }
  const fixes = left.flatMap((c) => (c.fixes ? [c.fixes] : []));
  const first = fixes[0];
  if (first)
    lines.push(
      ...fixLines(style, { revert: first.revert, accept: [...new Set(fixes.map((f) => f.accept))].join("; ") }),
    );
  return bullet(lines);
}

function driftUserItems(user: UserSection): string[][] {
  const items = user.changes
    .filter((change) => change.effect !== "blocked")
    .map((change) => {
      const verb = change.action === "gain" ? "was granted" : "lost";
      const what = grantText(style, { ...change, cause: "program", note: "" });
      return bullet([
        `${who(style, user.user)} ${verb} ${what} outside the stack: ${prose(change.note ?? "")}`,
        ...fixLines(style, change.fixes),
      ]);
    });
  const left = leftItem(user);
  return left ? [left, ...items] : items;
}

function appItem(app: StackReport["apps"][number]): string[] {
  const lines = [`- ${appText(style, app)}`, ...fixLines(style, app.fixes).map((fix) => `  - ${fix}`)];
  for (const item of app.items) {
    lines.push(`  - ${itemText(style, item)}`, ...fixLines(style, item.fixes).map((fix) => `    - ${fix}`));
  }
  return lines;
}

function stackSections(report: Report, stack: StackReport): Section[] {
  const many = report.stacks.length > 1;
  const level = many ? "####" : "###";
  const sections: Section[] = [];
  const push = (heading: string, items: string[][], noun: string, plural: string, frame?: Section["frame"]) => {
    if (items.length > 0) sections.push(section(`${level} ${heading}`, items, noun, plural, frame));
  };
  if (many) sections.push({ head: [`### ${code(stack.stack)}`, ""], items: [], more: () => "" });
  if (stack.status === "failed" && stack.guardrails.length === 0) {
    push("Failed", [[`**${prose(stack.error ?? "failed")}**`]], "error", "errors");
  }
  push(
    "Blocked by guardrails and errors",
    stack.guardrails.map((g) =>
      bullet([`${g.resource ? `${md(`${g.resource.type} "${g.resource.name}"`)}: ` : ""}${prose(g.message)}`]),
    ),
    "error",
    "errors",
  );
  push(
    "Policy violations",
    stack.policy.map((p) =>
      bullet([
        `${md(p.policyPack)}/${md(p.policy)} (${md(p.enforcement)})${p.resource ? ` on ${md(p.resource.name)}` : ""}: ${md(p.message)}`,
      ]),
    ),
    "violation",
    "violations",
  );
  if (report.command === "review") {
    push(
      "Users",
      stack.users.map((u) => [userRow(u)]),
      "user",
      "users",
      (lines) => [...USERS_HEADER, ...lines],
    );
  } else {
    push("Users", stack.users.flatMap(driftUserItems), "user change", "user changes");
  }
  push("Apps, menus and permissions", stack.apps.map(appItem), "app", "apps");
  push(
    "Devices",
    stack.devices.map((d) => bullet([deviceText(style, d), ...fixLines(style, d.fixes)])),
    "device",
    "devices",
  );
  for (const unmanaged of stack.unmanaged ?? []) {
    const listed = unmanaged.grants.length > 0;
    const intro = unmanaged.error
      ? prose(unmanaged.error)
      : `${coverageText(unmanaged, many)}. ${listed ? "Grants no RoleAssignment or UserGroupMembership covers, privileged first:" : "Every grant is covered."}`;
    const items = unmanaged.grants.map((g) =>
      bullet([`${who(style, g.user)}: ${g.kind} ${who(style, g.item)}${g.privileged ? " **(privileged)**" : ""}`]),
    );
    sections.push({
      ...section(`${level} Unmanaged in OU ${code(unmanaged.orgId)}`, items, "grant", "grants"),
      head: [`${level} Unmanaged in OU ${code(unmanaged.orgId)}`, "", intro, ""],
    });
  }
  push(
    "Other changes",
    stack.other.map((o) => bullet([otherText(style, o)])),
    "change",
    "changes",
  );
  push(
    "Ignored (.enos-drift-ignore.json)",
    stack.ignored.map((i) => bullet([`${md(i.what)} — ${md(i.reason)} (until ${md(i.until)})`])),
    "ignored drift",
    "ignored drifts",
  );
  push(
    "Expired ignore entries (reported again)",
    stack.expiredIgnores.map((i) => bullet([`${md(i.what)} — ${md(i.reason)} (expired ${md(i.until)})`])),
    "entry",
    "entries",
  );
  push(
    "Warnings",
    stack.warnings.map((w) => bullet([md(w)])),
    "warning",
    "warnings",
  );
  if (sections.length === (many ? 1 : 0)) {
    const none = report.command === "review" ? "The preview changes nothing in EnOS." : "No drift.";
    sections.push({ head: [none, ""], items: [], more: () => "" });
  }
  return sections;
}

function footer(report: Report): string[] {
  const notes = report.notes;
  const calls =
    report.command === "drift" && report.stats.engineCalls !== undefined
      ? `${report.stats.engineCalls + report.stats.lookupCalls} EnOS API calls (refresh ${report.stats.engineCalls}, names and users ${report.stats.lookupCalls})`
      : `names resolved with ${count(report.stats.lookupCalls, "EnOS call")}`;
  const lines = [
    "---",
    `<sub>pulumi-enos ${report.command} · ${calls} · report schema v${report.version} · \`--format json\` has every detail</sub>`,
  ];
  return notes.length > 0 ? [...notes.map((note) => `<sub>${prose(note)}</sub>`), "", ...lines] : lines;
}

export function renderMarkdown(report: Report, budget?: number): string {
  const head = [markerOf(report), title(report), "", `**${md(report.headline)}**`, "", ...riskBlock(report)];
  const sections = report.stacks.flatMap((stack) => stackSections(report, stack));
  return fitToBudget(head, sections, footer(report), budget);
}

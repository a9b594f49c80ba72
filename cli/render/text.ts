/**
 * The terminal report: the same content as the Markdown one, as indented plain text, coloured only when the output
 * is a TTY (and NO_COLOR is unset). No size budget: a terminal scrolls.
 */
import type { Report, StackReport, UserSection } from "../report/schema";
import { appText, deviceText, fixLines, grantText, itemText, otherText, settingText, userHead, who } from "./fragments";
import { terminalStyle, type Style } from "./style";
import { count, coverageText } from "./words";

function userLines(style: Style, report: Report, user: UserSection): string[] {
  const lines = [`  ${userHead(style, user)}`];
  for (const change of user.changes) {
    const sign = change.action === "gain" ? style.good("+") : style.bad("-");
    const verb =
      report.command === "drift"
        ? change.action === "gain"
          ? "was granted"
          : "lost"
        : change.action === "gain"
          ? "gains"
          : "loses";
    lines.push(`    ${sign} ${verb} ${grantText(style, change)}`);
    for (const fix of fixLines(style, change.fixes)) lines.push(`        ${fix}`);
  }
  for (const grant of user.grants) lines.push(`    ${style.dim(settingText(style, grant))}`);
  for (const note of user.notes) lines.push(`    ${style.warn(`! ${note}`)}`);
  return lines;
}

function stackLines(style: Style, report: Report, stack: StackReport): string[] {
  const lines: string[] = [];
  const block = (heading: string, body: string[]) => {
    if (body.length > 0) lines.push("", style.strong(heading), ...body);
  };
  if (report.stacks.length > 1) lines.push("", style.strong(`== stack ${stack.stack} ==`));
  if (stack.status === "failed") lines.push(style.bad(`FAILED: ${stack.error ?? ""}`));
  block(
    "Blocked by guardrails and errors",
    stack.guardrails.map(
      (g) => `  ${style.bad(g.resource ? `${g.resource.type} "${g.resource.name}": ${g.message}` : g.message)}`,
    ),
  );
  block(
    "Policy violations",
    stack.policy.map((p) => `  ${p.policyPack}/${p.policy} (${p.enforcement}): ${p.message}`),
  );
  block(
    "Users",
    stack.users.flatMap((user) => userLines(style, report, user)),
  );
  block(
    "Apps, menus and permissions",
    stack.apps.flatMap((app) => [
      `  ${appText(style, app)}`,
      ...fixLines(style, app.fixes).map((fix) => `      ${fix}`),
      ...app.items.flatMap((item) => [
        `    ${itemText(style, item)}`,
        ...fixLines(style, item.fixes).map((fix) => `        ${fix}`),
      ]),
    ]),
  );
  block(
    "Devices",
    stack.devices.flatMap((d) => [
      `  ${deviceText(style, d)}`,
      ...fixLines(style, d.fixes).map((fix) => `      ${fix}`),
    ]),
  );
  for (const unmanaged of stack.unmanaged ?? []) {
    const intro = unmanaged.error ?? coverageText(unmanaged, report.stacks.length > 1);
    block(`Unmanaged in OU ${unmanaged.orgId}`, [
      `  ${intro}`,
      ...unmanaged.grants.map(
        (g) =>
          `  ${who(style, g.user)}: ${g.kind} ${who(style, g.item)}${g.privileged ? style.warn(" (privileged)") : ""}`,
      ),
    ]);
  }
  block(
    "Other changes",
    stack.other.map((o) => `  ${otherText(style, o)}`),
  );
  block(
    "Ignored",
    stack.ignored.map((i) => `  ${i.what} — ${i.reason} (until ${i.until})`),
  );
  block(
    "Expired ignore entries (reported again)",
    stack.expiredIgnores.map((i) => `  ${i.what} — ${i.reason} (expired ${i.until})`),
  );
  block(
    "Warnings",
    stack.warnings.map((w) => `  ${style.warn(w)}`),
  );
  return lines;
}

export function renderText(report: Report, colour: boolean): string {
  const style = terminalStyle(colour);
  const names = report.stacks.map((s) => `${s.project}/${s.stack}`).join(", ");
  const lines = [style.strong(`EnOS ${report.command}: ${names}`), style.strong(report.headline)];
  for (const risk of report.risks) lines.push(style.bad(`  ! ${risk.code}: ${risk.message}`));
  for (const stack of report.stacks) lines.push(...stackLines(style, report, stack));
  for (const note of report.notes) lines.push(style.dim(note));
  const calls = report.stats.engineCalls === undefined ? "" : `, ${report.stats.engineCalls} by the engine`;
  lines.push("", style.dim(`${count(report.stats.lookupCalls, "EnOS call")} for names${calls}`));
  return `${lines.join("\n")}\n`;
}

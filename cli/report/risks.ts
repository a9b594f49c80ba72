/**
 * The risk flags a reviewer reads first (issue 14 §7): privileged roles gained (in the program, or outside the stack
 * for drift), bulk revocations, an app replaced (new keys, menus briefly gone), a user left with no roles, blocked
 * changes, policy violations and failed stacks.
 */
import { count, label } from "../render/words";
import type { Risk, StackReport } from "./schema";

export interface RiskOptions {
  /** Removals in one run from this many up count as a bulk revocation. */
  bulkThreshold: number;
}

function where(report: StackReport, many: boolean): string {
  return many ? ` (stack ${report.stack})` : "";
}

function grantRisks(report: StackReport, many: boolean, risks: Risk[]): void {
  for (const section of report.users) {
    for (const change of section.changes) {
      if (!change.privileged || change.action !== "gain" || change.effect === "reported") continue;
      const what = `${label(section.user)} gains privileged role ${label(change.item)}`;
      if (change.cause === "drift") {
        risks.push({
          code: "privileged-drift",
          message: `${label(section.user)} was granted privileged role ${label(change.item)} outside the stack${where(report, many)}`,
        });
      } else {
        risks.push({ code: "privileged-role", message: `${what}${where(report, many)}` });
      }
    }
    for (const note of section.notes) {
      if (note.startsWith("left with no roles")) {
        risks.push({ code: "last-grant", message: `${label(section.user)} is ${note}${where(report, many)}` });
      }
    }
  }
  for (const unmanaged of report.unmanaged ?? []) {
    const privileged = unmanaged.grants.filter((grant) => grant.privileged);
    if (privileged.length > 0) {
      const who = [...new Set(privileged.map((grant) => label(grant.user)))].join(", ");
      risks.push({
        code: "privileged-drift",
        message: `${count(privileged.length, "privileged role grant")} in OU ${unmanaged.orgId} that no stack manages (${who})`,
      });
    }
  }
}

function revocationRisk(reports: readonly StackReport[], options: RiskOptions, risks: Risk[]): void {
  const removals = reports.flatMap((report) =>
    report.users.flatMap((section) =>
      section.changes.filter((c) => c.action === "lose" && c.effect === "applied").map(() => section.user.id),
    ),
  );
  if (removals.length >= options.bulkThreshold) {
    const users = new Set(removals).size;
    risks.push({
      code: "bulk-revocation",
      message: `bulk revocation: ${count(removals.length, "grant")} removed from ${count(users, "user")}`,
    });
  }
}

function appRisks(report: StackReport, many: boolean, risks: Risk[]): void {
  for (const app of report.apps) {
    if (app.action !== "replace") continue;
    const items = app.items.length;
    const menus =
      items === 0
        ? ""
        : `; its menus and permissions (${items}) are recreated, so its users lack them until \`pulumi up\` finishes`;
    risks.push({
      code: "app-replace",
      message: `app ${app.name ?? app.resource?.name ?? app.id ?? ""} is replaced: new accessKey and secretKey${menus}${where(report, many)}`,
    });
  }
}

function failureRisks(report: StackReport, many: boolean, risks: Risk[]): void {
  const blocked = report.users.flatMap((s) => s.changes).filter((c) => c.effect === "blocked").length;
  const first = report.guardrails[0]?.message;
  if (first !== undefined) {
    const what = blocked > 0 ? `${count(blocked, "change")} blocked: ` : "";
    risks.push({ code: "blocked", message: `${what}${first}${where(report, many)}` });
  } else if (report.status === "failed") {
    const error = report.error ?? "failed";
    const message = error.includes(`'${report.stack}'`) ? error : `stack ${report.stack}: ${error}`;
    risks.push({ code: "failed", message });
  }
  if (report.policy.length > 0) {
    risks.push({ code: "policy", message: `${count(report.policy.length, "policy violation")}${where(report, many)}` });
  }
}

export function collectRisks(reports: readonly StackReport[], options: RiskOptions): Risk[] {
  const risks: Risk[] = [];
  const many = reports.length > 1;
  for (const report of reports) {
    failureRisks(report, many, risks);
    grantRisks(report, many, risks);
    appRisks(report, many, risks);
  }
  revocationRisk(reports, options, risks);
  return risks;
}

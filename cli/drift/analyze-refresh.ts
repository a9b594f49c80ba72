/**
 * A refresh preview as a drift report: for every resource, what the stack stored against what EnOS holds now, per
 * user (grant-drift.ts), per app with its menus and permissions (app-drift.ts) and per device (device-drift.ts).
 * The fixes that quote names (role names in an accepted `roleIds`) are written once names are known (fixes.ts).
 */
import type { GrantKindName } from "../analysis/grant-rules";
import { enosKind, refOf, type EnosKind } from "../analysis/resource-plan";
import type { Capture, ResourceStep } from "../engine/capture";
import { defaultText, textOf } from "../engine/state-view";
import { emptyStackReport } from "../review/analyze-preview";
import type { AppSection, StackReport } from "../report/schema";
import { appDrift, itemDrift } from "./app-drift";
import { deviceDrift, otherDrift } from "./device-drift";
import { grantDrift, type UserSections } from "./grant-drift";
import { prop } from "./prop";

function grantKind(kind: EnosKind | undefined): GrantKindName | undefined {
  return kind === "RoleAssignment" ? "role" : kind === "UserGroupMembership" ? "group" : undefined;
}

/** Menu id -> name as stored, for the parents of moved menus. */
function menuNames(steps: readonly ResourceStep[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const step of steps) {
    const name = defaultText(prop(step.old, "name"));
    if (enosKind(step.type) === "AppMenu" && step.old?.id && name) names.set(step.old.id, name);
  }
  return names;
}

/** Menus and permissions under their app's section (a section without drift of its own when needed). */
function addItems(steps: readonly ResourceStep[], apps: Map<string, AppSection>): void {
  const names = menuNames(steps);
  for (const step of steps) {
    const kind = enosKind(step.type);
    if (kind !== "AppMenu" && kind !== "AppPermission") continue;
    const appId = textOf(prop(step.old, "appId")) ?? "";
    const app = apps.get(appId);
    const ref = refOf(step.urn, step.type);
    const item = itemDrift(step, ref, kind === "AppMenu" ? "menu" : "permission", names, app?.action === "gone");
    if (!item) continue;
    if (app) app.items.push(item);
    else apps.set(appId, { id: appId, action: "none", fields: [], items: [item], cause: "drift", effect: "applied" });
  }
}

function addDiagnostics(report: StackReport, capture: Capture): void {
  // The provider's "... outside Pulumi ..." warnings say what the sections already report.
  report.warnings = capture.diagnostics
    .filter((d) => d.severity === "warning" && !d.message.includes("outside Pulumi"))
    .map((d) => d.message);
  report.guardrails = capture.diagnostics.filter((d) => d.severity === "error").map((d) => ({ message: d.message }));
  if (capture.failed) {
    report.status = "failed";
    report.error = `the refresh failed: ${report.guardrails[0]?.message ?? "see the engine output"}`;
  }
}

export function analyzeRefresh(capture: Capture, project: string, stack: string): StackReport {
  const report = emptyStackReport(project, stack);
  const users: UserSections = new Map();
  const apps = new Map<string, AppSection>();
  for (const step of capture.refreshed) {
    const kind = enosKind(step.type);
    const ref = refOf(step.urn, step.type);
    const grant = grantKind(kind);
    if (grant) grantDrift(users, step, grant, ref);
    else if (kind === "EnosApp") {
      const section = appDrift(step, ref);
      if (section?.id) apps.set(section.id, section);
    } else if (kind === "DeviceEnablement") {
      const device = deviceDrift(step, ref);
      if (device) report.devices.push(device);
    } else if (kind === undefined) {
      const other = otherDrift(step, ref);
      if (other) report.other.push(other);
    }
  }
  addItems(capture.refreshed, apps);
  report.users = [...users.values()].filter((section) => section.changes.length > 0 || section.notes.length > 0);
  report.apps = [...apps.values()].filter((app) => app.action !== "none" || app.items.length > 0);
  addDiagnostics(report, capture);
  return report;
}

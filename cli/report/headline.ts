/**
 * The sentence a reviewer reads first, e.g. "2 users gain access, 1 user loses access, 1 device will be disabled,
 * 1 app replaced (new keys)", and the outcome that --detailed-exitcode turns into an exit code.
 */
import { count } from "../render/words";
import type { Report, StackReport } from "./schema";

const all = <T>(reports: readonly StackReport[], pick: (r: StackReport) => readonly T[]) => reports.flatMap(pick);

function usersWith(
  reports: readonly StackReport[],
  test: (c: StackReport["users"][number]["changes"][number]) => boolean,
) {
  return new Set(all(reports, (r) => r.users.filter((s) => s.changes.some(test)).map((s) => `${s.orgId}/${s.user.id}`)))
    .size;
}

function counted(parts: string[], n: number, text: (n: number) => string): void {
  if (n > 0) parts.push(text(n));
}

/** The review headline. */
export function reviewHeadline(reports: readonly StackReport[]): string {
  const parts: string[] = [];
  const applied = (c: { effect: string }) => c.effect === "applied";
  counted(
    parts,
    usersWith(reports, (c) => c.action === "gain" && applied(c)),
    (n) => `${count(n, "user")} ${n === 1 ? "gains" : "gain"} access`,
  );
  counted(
    parts,
    usersWith(reports, (c) => c.action === "lose" && applied(c)),
    (n) => `${count(n, "user")} ${n === 1 ? "loses" : "lose"} access`,
  );
  const blocked = all(reports, (r) => r.users.flatMap((s) => s.changes)).filter((c) => c.effect === "blocked").length;
  counted(parts, blocked, (n) => `${count(n, "change")} blocked`);
  const devices = all(reports, (r) => r.devices);
  counted(parts, devices.filter((d) => d.action === "disable").length, (n) => `${count(n, "device")} will be disabled`);
  counted(parts, devices.filter((d) => d.action === "enable").length, (n) => `${count(n, "device")} will be enabled`);
  counted(parts, devices.filter((d) => d.action === "restore").length, (n) => `${count(n, "device")} restored`);
  const apps = all(reports, (r) => r.apps);
  counted(parts, apps.filter((a) => a.action === "create").length, (n) => `${count(n, "app")} created`);
  counted(parts, apps.filter((a) => a.action === "replace").length, (n) => `${count(n, "app")} replaced (new keys)`);
  counted(parts, apps.filter((a) => a.action === "delete").length, (n) => `${count(n, "app")} deleted`);
  counted(parts, apps.filter((a) => a.action === "update").length, (n) => `${count(n, "app")} updated`);
  const items = apps.flatMap((a) => a.items);
  counted(parts, items.filter((i) => i.kind === "menu").length, (n) => `${count(n, "menu")} changed`);
  counted(parts, items.filter((i) => i.kind === "permission").length, (n) => `${count(n, "permission")} changed`);
  counted(parts, all(reports, (r) => r.other).length, (n) => `${count(n, "other change")}`);
  counted(parts, all(reports, (r) => r.policy).length, (n) => `${count(n, "policy violation")}`);
  const failed = reports.some((r) => r.status === "failed");
  const body = parts.length > 0 ? parts.join(", ") : "No changes";
  return failed ? `The preview failed. ${body}` : body;
}

/** The drift headline. */
export function driftHeadline(reports: readonly StackReport[]): string {
  const drift = (c: { cause: string; effect: string }) => c.cause === "drift" && c.effect !== "reported";
  const parts: string[] = [];
  const grants = all(reports, (r) => r.users.flatMap((s) => s.changes)).filter(drift);
  counted(
    parts,
    grants.filter((c) => c.action === "gain").length,
    (n) => `${count(n, "grant")} added outside the stack`,
  );
  counted(
    parts,
    grants.filter((c) => c.action === "lose" && c.effect === "applied").length,
    (n) => `${count(n, "grant")} revoked outside the stack`,
  );
  const left = all(reports, (r) => r.users).filter((s) => s.notes.some((note) => note.startsWith("left OU"))).length;
  counted(parts, left, (n) => `${count(n, "user")} left the OU`);
  const apps = all(reports, (r) => r.apps);
  counted(parts, apps.filter((a) => a.action === "gone").length, (n) => `${count(n, "app")} deleted`);
  counted(parts, apps.filter((a) => a.action === "update" && drift(a)).length, (n) => `${count(n, "app")} changed`);
  // Menus and permissions deleted with their app are part of that app's deletion.
  const items = apps
    .filter((a) => a.action !== "gone")
    .flatMap((a) => a.items)
    .filter(drift);
  for (const kind of ["menu", "permission"] as const) {
    const mine = items.filter((i) => i.kind === kind);
    counted(parts, mine.filter((i) => i.action === "gone").length, (n) => `${count(n, kind)} deleted`);
    counted(parts, mine.filter((i) => i.action !== "gone").length, (n) => `${count(n, kind)} changed`);
  }
  const devices = all(reports, (r) => r.devices).filter(drift);
  counted(parts, devices.filter((d) => d.action === "enable").length, (n) => `${count(n, "device")} re-enabled`);
  counted(parts, devices.filter((d) => d.action === "disable").length, (n) => `${count(n, "device")} disabled`);
  counted(parts, devices.filter((d) => d.action === "gone").length, (n) => `${count(n, "device")} gone`);
  counted(parts, all(reports, (r) => r.other).filter(drift).length, (n) => `${count(n, "other resource")} drifted`);
  const unmanaged = all(reports, (r) => r.unmanaged ?? []).flatMap((u) => u.grants).length;
  counted(parts, unmanaged, (n) => `${count(n, "unmanaged grant")}`);
  const failed = reports.filter((r) => r.status === "failed").length;
  counted(parts, failed, (n) => `${count(n, "stack")} could not be refreshed`);
  if (parts.length === 0) return `No drift in ${count(reports.length, "stack")}`;
  const drifting = reports.filter((r) => driftCount(r) > 0).length;
  return `Drift in ${drifting} of ${count(reports.length, "stack")}: ${parts.join(", ")}`;
}

/** Drift findings of one stack that count for the exit code (ignored and "not drift" ones do not). */
export function driftCount(report: StackReport): number {
  const drift = (c: { cause: string; effect: string }) => c.cause === "drift" && c.effect !== "reported";
  return (
    report.users.filter((s) => s.notes.some((note) => note.startsWith("left OU"))).length +
    report.users.flatMap((s) => s.changes).filter(drift).length +
    report.apps.filter(drift).length +
    report.apps.flatMap((a) => a.items).filter(drift).length +
    report.devices.filter(drift).length +
    report.other.filter(drift).length +
    (report.unmanaged ?? []).flatMap((u) => u.grants).length
  );
}

function isPermissionChange(report: StackReport): boolean {
  return (
    report.users.some((s) => s.changes.length > 0) ||
    report.apps.some((a) => a.action === "delete" || a.action === "replace" || a.items.length > 0) ||
    report.devices.length > 0
  );
}

function isOtherChange(report: StackReport): boolean {
  return report.apps.length > 0 || report.other.length > 0 || report.users.some((s) => s.grants.length > 0);
}

export function reviewOutcome(reports: readonly StackReport[]): Report["outcome"] {
  if (reports.some((r) => r.status === "failed" || r.policy.some((p) => p.enforcement === "mandatory"))) return "error";
  if (reports.some(isPermissionChange)) return "permission-change";
  return reports.some(isOtherChange) ? "other-change" : "no-change";
}

export function driftOutcome(reports: readonly StackReport[]): Report["outcome"] {
  if (reports.some((r) => r.status === "failed")) return "error";
  return reports.some((r) => driftCount(r) > 0) ? "drift" : "no-drift";
}

/** --detailed-exitcode: review 0 no change, 2 permission changes, 3 other changes only; drift 0 none, 2 drift; 1 error. */
export function exitCodeOf(outcome: Report["outcome"], detailed: boolean): number {
  if (outcome === "error") return 1;
  if (!detailed) return 0;
  if (outcome === "permission-change" || outcome === "drift") return 2;
  return outcome === "other-change" ? 3 : 0;
}

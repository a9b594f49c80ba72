/**
 * `.enos-drift-ignore.json`: drift a team has decided to live with for a while. Each entry names what it ignores
 * (a resource and/or a user, optionally one role/group id or field, optionally one stack), why, and until when; past
 * its date the drift is reported again, and the report says which entry expired.
 *
 *   { "version": 1, "ignore": [
 *       { "resource": "u-bob-roles", "id": "r-auditor", "reason": "audit season", "until": "2026-03-31" } ] }
 */
import * as fs from "node:fs";
import { z } from "zod";
import { CliError } from "../errors";
import { resourceLabel } from "../render/words";
import type { Ignored, StackReport } from "../report/schema";

const entrySchema = z
  .strictObject({
    stack: z.string().min(1).optional(),
    resource: z.string().min(1).optional().describe("the resource's name in the program, or * for any"),
    user: z.string().min(1).optional(),
    id: z.string().min(1).optional().describe("a role or user-group id"),
    field: z.string().min(1).optional(),
    reason: z.string().min(1),
    until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
  })
  .refine((entry) => entry.resource !== undefined || entry.user !== undefined, {
    message: "needs `resource` or `user` to say what it ignores",
  });

const fileSchema = z.strictObject({ version: z.literal(1), ignore: z.array(entrySchema) });

export type IgnoreEntry = z.output<typeof entrySchema>;

export const DEFAULT_IGNORE_FILE = ".enos-drift-ignore.json";

export function readIgnoreFile(file: string, shownAs: string): IgnoreEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof SyntaxError ? "is not JSON" : `cannot be read (${(error as Error).message})`;
    throw new CliError(
      `ignore file ${shownAs} ${reason}`,
      'write {"version": 1, "ignore": [...]} (see README "Detecting drift")',
    );
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "top level";
    throw new CliError(
      `ignore file ${shownAs}: ${where}: ${issue?.message ?? "is invalid"}`,
      "each entry needs reason, until (YYYY-MM-DD) and resource or user",
    );
  }
  return parsed.data.ignore;
}

const DEVICE_WHAT: Partial<Record<string, string>> = {
  enable: "enabled outside the stack",
  disable: "disabled outside the stack",
  gone: "no longer exists",
};

/** What an entry can match: one drift finding. */
interface Finding {
  resource?: string;
  user?: string;
  id?: string;
  fields: readonly string[];
  what: string;
  /** Takes the finding out of the report. */
  remove(): void;
}

function findings(report: StackReport): Finding[] {
  const out: Finding[] = [];
  const named = (id: string, name?: string) => (name ? `${name} (${id})` : id);
  for (const section of report.users) {
    for (const change of [...section.changes]) {
      out.push({
        resource: change.resource.name,
        user: section.user.id,
        id: change.item.id,
        fields: [],
        what: `${change.kind} ${named(change.item.id, change.item.name)} of ${named(section.user.id, section.user.name)} (${resourceLabel(change.resource)})`,
        remove: () => section.changes.splice(section.changes.indexOf(change), 1),
      });
    }
  }
  for (const app of report.apps) {
    const ref = app.resource;
    if (ref && app.action !== "none") {
      out.push({
        resource: ref.name,
        fields: app.fields.map((f) => f.field),
        what: `${resourceLabel(ref)} ${app.action === "gone" ? "deleted" : "changed"}`,
        remove: () => Object.assign(app, { action: "none", fields: [] }),
      });
    }
    for (const item of [...app.items]) {
      out.push({
        resource: item.resource.name,
        fields: item.fields.map((f) => f.field),
        what: `${resourceLabel(item.resource)} ${item.action === "gone" ? "deleted" : "changed"}`,
        remove: () => app.items.splice(app.items.indexOf(item), 1),
      });
    }
  }
  for (const device of [...report.devices]) {
    out.push({
      resource: device.resource.name,
      fields: ["enabled"],
      what: `${resourceLabel(device.resource)} ${DEVICE_WHAT[device.action] ?? device.action}`,
      remove: () => report.devices.splice(report.devices.indexOf(device), 1),
    });
  }
  for (const unmanaged of report.unmanaged ?? []) {
    for (const grant of [...unmanaged.grants]) {
      out.push({
        user: grant.user.id,
        id: grant.item.id,
        fields: [],
        what: `unmanaged ${grant.kind} ${named(grant.item.id, grant.item.name)} of ${named(grant.user.id, grant.user.name)}`,
        remove: () => unmanaged.grants.splice(unmanaged.grants.indexOf(grant), 1),
      });
    }
  }
  return out;
}

function matches(entry: IgnoreEntry, stack: string, finding: Finding): boolean {
  if (entry.stack !== undefined && entry.stack !== stack) return false;
  if (entry.resource !== undefined && entry.resource !== "*" && entry.resource !== finding.resource) return false;
  if (entry.user !== undefined && entry.user !== finding.user) return false;
  if (entry.id !== undefined && entry.id !== finding.id) return false;
  return entry.field === undefined || finding.fields.includes(entry.field);
}

/** Today as YYYY-MM-DD in UTC: an entry holds through the whole day of its `until`. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Moves the findings that a current entry matches into `ignored`; expired matching entries go to `expiredIgnores`. */
export function applyIgnores(report: StackReport, entries: readonly IgnoreEntry[], date: string): void {
  for (const finding of findings(report)) {
    const matching = entries.filter((entry) => matches(entry, report.stack, finding));
    const current = matching.find((entry) => entry.until >= date);
    if (current) {
      finding.remove();
      report.ignored.push({ what: finding.what, reason: current.reason, until: current.until });
      continue;
    }
    for (const entry of matching) {
      const expired: Ignored = { what: finding.what, reason: entry.reason, until: entry.until };
      report.expiredIgnores.push(expired);
    }
  }
  report.users = report.users.filter((section) => section.changes.length > 0 || section.notes.length > 0);
  report.apps = report.apps.filter((app) => app.action !== "none" || app.items.length > 0);
}

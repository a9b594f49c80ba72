/**
 * Which roles are privileged, for the risk flags: the ids or names given with --privileged-roles, or by default
 * every role whose name says administrator (when a name is unknown, an id that says admin).
 */
import type { Named, StackReport } from "./schema";

export class PrivilegedRoles {
  private readonly listed: ReadonlySet<string> | undefined;

  constructor(list: readonly string[] | undefined) {
    this.listed = list && list.length > 0 ? new Set(list.map((entry) => entry.trim().toLowerCase())) : undefined;
  }

  matches(role: Named): boolean {
    if (this.listed) return this.listed.has(role.id.toLowerCase()) || this.listed.has((role.name ?? "").toLowerCase());
    return role.name !== undefined ? /administrator/i.test(role.name) : /admin/i.test(role.id);
  }

  /** Marks every role change and unmanaged role grant of `report`. */
  mark(report: StackReport): void {
    for (const section of report.users) {
      for (const change of section.changes)
        if (change.kind === "role" && this.matches(change.item)) change.privileged = true;
    }
    for (const unmanaged of report.unmanaged ?? []) {
      for (const grant of unmanaged.grants) grant.privileged = grant.kind === "role" && this.matches(grant.item);
    }
  }
}

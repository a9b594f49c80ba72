/**
 * Fills in the names of users, roles and user groups of a stack report: first every id is registered with the
 * resolver (so each OU and kind costs one call for all stacks), then the resolved names are written back.
 */
import type { Credentials } from "../names/credentials";
import type { LookupKind, NameBook, NameResolver } from "../names/name-resolver";
import type { Named, StackReport } from "./schema";

type Visit = (orgId: string, kind: LookupKind, ref: Named) => void;

function visit(report: StackReport, fn: Visit): void {
  for (const section of report.users) {
    fn(section.orgId, "user", section.user);
    for (const change of section.changes) fn(section.orgId, change.kind, change.item);
    for (const grant of section.grants) for (const ref of grant.protected) fn(section.orgId, grant.kind, ref);
  }
  for (const unmanaged of report.unmanaged ?? []) {
    for (const grant of unmanaged.grants) {
      fn(grant.orgId, "user", grant.user);
      fn(grant.orgId, grant.kind, grant.item);
    }
  }
}

export function requestNames(report: StackReport, credentials: Credentials | undefined, resolver: NameResolver): void {
  if (!credentials) return;
  visit(report, (orgId, kind, ref) => {
    if (ref.name === undefined) resolver.want(credentials, orgId, kind, ref.id);
  });
}

export function applyNames(report: StackReport, book: NameBook): void {
  visit(report, (orgId, kind, ref) => {
    const name = ref.name ?? book.name(orgId, kind, ref.id);
    if (name !== undefined) ref.name = name;
  });
}

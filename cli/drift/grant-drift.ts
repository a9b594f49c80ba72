/**
 * Grant drift of one RoleAssignment/UserGroupMembership: the user's live set against the one the stack stored.
 * An id granted outside the stack is drift only for an exhaustive resource (the next `up` removes it); beside an
 * additive one it is reported as not drift. A managed id revoked outside is drift (the next `up` grants it again).
 * A user who left the OU makes the refresh drop the resource, which blocks the next `up`.
 */
import { difference, readGrantState, type GrantKindName, type GrantState } from "../analysis/grant-rules";
import type { ResourceStep } from "../engine/capture";
import { resourceLabel } from "../render/words";
import type { GrantChange, GrantSetting, ResourceRef, UserSection } from "../report/schema";
import { UP } from "./prop";

export type UserSections = Map<string, UserSection>;

function userSection(sections: UserSections, orgId: string, userId: string): UserSection {
  const key = `${orgId}/${userId}`;
  let section = sections.get(key);
  if (!section) {
    section = { user: { id: userId }, orgId, grants: [], changes: [], notes: [] };
    sections.set(key, section);
  }
  return section;
}

function drift(kind: GrantKindName, action: GrantChange["action"], id: string, ref: ResourceRef): GrantChange {
  return { kind, action, item: { id }, resource: ref, cause: "drift", effect: "applied" };
}

function userLeft(
  section: UserSection,
  kind: GrantKindName,
  ref: ResourceRef,
  stored: GrantState,
  setting: GrantSetting,
) {
  const note = `left OU ${section.orgId} (removed outside the stack)`;
  if (!section.notes.includes(note)) section.notes.push(note);
  stored.managed.forEach((id, index) => {
    const change = { ...drift(kind, "lose", id, ref), effect: "blocked" as const };
    change.note =
      `the refresh drops ${resourceLabel(ref)}, and the next \`pulumi up\` fails until the user is back or the ` +
      "resource is removed from the program";
    if (index === 0) {
      change.fixes = {
        revert: `add the user to OU ${section.orgId} again in the console, then ${UP}`,
        accept: `remove ${resourceLabel(ref)} from the program`,
      };
    }
    section.changes.push(change);
  });
  section.grants.push(setting);
}

function granted(kind: GrantKindName, ref: ResourceRef, stored: GrantState, id: string): GrantChange {
  const change = drift(kind, "gain", id, ref);
  if (stored.exhaustive && !stored.protectedIds.includes(id)) {
    change.note = `${resourceLabel(ref)} is exhaustive, so the next \`pulumi up\` removes it`;
    return change;
  }
  change.effect = "reported";
  change.note = stored.exhaustive
    ? "a protected id: kept on purpose, not drift"
    : `not drift: ${resourceLabel(ref)} is additive and manages only its listed ${kind}s (--unmanaged lists ` +
      "grants no stack manages)";
  return change;
}

function revoked(kind: GrantKindName, ref: ResourceRef, stored: GrantState, id: string): GrantChange {
  const change = drift(kind, "lose", id, ref);
  if (stored.managed.includes(id)) change.note = "the next `pulumi up` grants it again";
  else {
    change.effect = "reported";
    change.note = `not managed by ${resourceLabel(ref)}: not drift`;
  }
  return change;
}

/** Adds the drift of one refreshed grant resource to its user's section. */
export function grantDrift(sections: UserSections, step: ResourceStep, kind: GrantKindName, ref: ResourceRef): void {
  if (!step.old) return;
  const stored = readGrantState(kind, step.old);
  if (stored.orgId === undefined || stored.userId === undefined) return;
  const section = userSection(sections, stored.orgId, stored.userId);
  const setting: GrantSetting = {
    kind,
    resource: ref,
    mode: stored.exhaustive ? "exhaustive" : "additive",
    protected: stored.protectedIds.map((id) => ({ id })),
    action: step.new ? "same" : "drop",
  };
  if (!step.new) return userLeft(section, kind, ref, stored, setting);
  const before = stored.assigned ?? stored.wanted ?? [];
  const after = readGrantState(kind, step.new).assigned ?? before;
  const changes = [
    ...difference(after, before).map((id) => granted(kind, ref, stored, id)),
    ...difference(before, after).map((id) => revoked(kind, ref, stored, id)),
  ];
  if (changes.length === 0) return;
  section.changes.push(...changes);
  section.grants.push({ ...setting, protected: setting.protected.filter((held) => after.includes(held.id)) });
}

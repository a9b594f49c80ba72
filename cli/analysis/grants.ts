/**
 * Grant changes per user, computed from ids (the live set after the refresh, the stored managed ids, the new
 * inputs), never from the engine's positional list diff. A removal the program did not ask for (an id an exhaustive
 * resource never listed, i.e. granted outside the stack) and a re-grant of a managed id someone revoked are drift.
 */
import type { Diagnostic, StateView } from "../engine/capture";
import type { GrantChange, GrantSetting, Named, ResourceRef, UserSection } from "../report/schema";
import {
  difference,
  GRANT_KEYS,
  readGrantState,
  targetAfterDelete,
  targetAfterUpdate,
  type GrantKindName,
  type GrantState,
} from "./grant-rules";
import type { ResourcePlan } from "./resource-plan";

type Sections = Map<string, UserSection>;

const kindOf = (plan: ResourcePlan): GrantKindName | undefined =>
  plan.kind === "RoleAssignment" ? "role" : plan.kind === "UserGroupMembership" ? "group" : undefined;

const noun = (kind: GrantKindName) => (kind === "role" ? "role" : "user group");

function sectionFor(sections: Sections, state: GrantState): UserSection | undefined {
  if (state.orgId === undefined || state.userId === undefined) return undefined;
  const key = `${state.orgId}/${state.userId}`;
  let section = sections.get(key);
  if (!section) {
    section = { user: { id: state.userId }, orgId: state.orgId, grants: [], changes: [], notes: [] };
    sections.set(key, section);
  }
  return section;
}

function setting(kind: GrantKindName, ref: ResourceRef, state: GrantState, held: readonly string[] | undefined) {
  const kept = held === undefined ? state.protectedIds : state.protectedIds.filter((id) => held.includes(id));
  const value: GrantSetting = {
    kind,
    resource: ref,
    mode: state.exhaustive ? "exhaustive" : "additive",
    protected: kept.map((id): Named => ({ id })),
    action: "same",
  };
  if (state.maxRemovals !== undefined) value.maxRemovals = state.maxRemovals;
  return value;
}

function change(
  kind: GrantKindName,
  action: GrantChange["action"],
  id: string,
  ref: ResourceRef,
  extra: Partial<GrantChange>,
) {
  const value: GrantChange = {
    kind,
    action,
    item: { id },
    resource: ref,
    cause: "program",
    effect: "applied",
    ...extra,
  };
  return value;
}

function noteIfEmptied(section: UserSection, kind: GrantKindName, before: readonly string[], after: readonly string[]) {
  if (kind === "role" && before.length > 0 && after.length === 0) {
    section.notes.push("left with no roles: no access to any app of the OU");
  }
}

function planUpdate(section: UserSection, kind: GrantKindName, ref: ResourceRef, live: GrantState, next: GrantState) {
  const held = live.assigned ?? live.wanted ?? [];
  section.grants.push({ ...setting(kind, ref, next, held), action: "update" });
  if (next.wanted === undefined) {
    section.notes.push(`${GRANT_KEYS[kind].list} of ${ref.type} "${ref.name}" are known only after \`pulumi up\``);
    return;
  }
  const target = targetAfterUpdate(held, live.managed, next);
  for (const id of difference(target, held)) {
    const revoked = live.managed.includes(id);
    const note = revoked ? `revoked outside the stack; the next \`pulumi up\` grants it again` : undefined;
    section.changes.push(change(kind, "gain", id, ref, revoked ? { cause: "drift", note: note ?? "" } : {}));
  }
  for (const id of difference(held, target)) {
    const outside = next.exhaustive && !live.managed.includes(id);
    const note = `granted outside the stack; ${ref.type} "${ref.name}" is exhaustive, so the next \`pulumi up\` removes it`;
    section.changes.push(change(kind, "lose", id, ref, outside ? { cause: "drift", note } : {}));
  }
  noteIfEmptied(section, kind, held, target);
}

function planCreate(section: UserSection, kind: GrantKindName, ref: ResourceRef, next: GrantState) {
  section.grants.push({ ...setting(kind, ref, next, undefined), action: "create" });
  for (const id of next.wanted ?? [])
    section.changes.push(change(kind, "gain", id, ref, { note: "unless already held" }));
  if (next.exhaustive) {
    section.notes.push(
      `${ref.type} "${ref.name}" is new and exhaustive: \`pulumi up\` also removes every other ${noun(kind)} the ` +
        `user holds now (not protected)`,
    );
  }
}

function planDelete(section: UserSection, kind: GrantKindName, ref: ResourceRef, live: GrantState) {
  const held = live.assigned;
  section.grants.push({ ...setting(kind, ref, live, held), action: "delete" });
  const removed = held === undefined ? live.managed : live.managed.filter((id) => held.includes(id));
  for (const id of removed) {
    section.changes.push(change(kind, "lose", id, ref, { note: `${ref.type} "${ref.name}" is deleted` }));
  }
  if (held !== undefined) noteIfEmptied(section, kind, held, targetAfterDelete(held, live));
}

/** "would remove 2 role(s) [r-a, r-b], more than maxRemovals (1)" (the provider's guardrail message). */
const MAX_REMOVALS = /would remove \d+ (?:role|user group)\(s\) \[([^\]]*)\]/;

function planBlocked(section: UserSection, kind: GrantKindName, ref: ResourceRef, state: GrantState, message: string) {
  const grant: GrantSetting = { ...setting(kind, ref, state, state.assigned), action: "update" };
  const limit = /more than maxRemovals \((\d+)\)/.exec(message)?.[1];
  if (limit !== undefined) grant.maxRemovals = Number(limit); // the new limit, which the failed preview never showed
  section.grants.push(grant);
  section.notes.push(
    `the preview stopped at ${ref.type} "${ref.name}": none of its changes happen until the guardrail passes`,
  );
  const ids = MAX_REMOVALS.exec(message)?.[1]
    ?.split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  if (!ids) {
    section.notes.push(`blocked: ${message}`);
    return;
  }
  for (const id of ids) {
    const outside = state.exhaustive && !state.managed.includes(id);
    const cause = outside ? { cause: "drift" as const, note: "granted outside the stack" } : {};
    section.changes.push(change(kind, "lose", id, ref, { ...cause, effect: "blocked", message }));
  }
}

function planOne(sections: Sections, plan: ResourcePlan, kind: GrantKindName): void {
  const live = plan.live && readGrantState(kind, plan.live);
  const next = plan.next && readGrantState(kind, plan.next);
  if (plan.action === "update" && live && next) {
    const section = sectionFor(sections, next);
    if (section) planUpdate(section, kind, plan.ref, live, next);
  } else if (plan.action === "create" && next) {
    const section = sectionFor(sections, next);
    if (section) planCreate(section, kind, plan.ref, next);
  } else if (plan.action === "delete" && live) {
    const section = sectionFor(sections, live);
    if (section) planDelete(section, kind, plan.ref, live);
  } else if (plan.action === "replace") {
    const before = live && sectionFor(sections, live);
    if (live && before) planDelete(before, kind, plan.ref, live);
    const after = next && sectionFor(sections, next);
    if (next && after) planCreate(after, kind, plan.ref, next);
  }
}

/**
 * The user sections of a preview: every grant resource that changes, and every grant resource a guardrail error
 * blocked (`stored` gives its state when the preview stopped before planning it).
 */
export function analyzeGrants(
  plans: readonly ResourcePlan[],
  errors: readonly Diagnostic[],
  stored: ReadonlyMap<string, StateView>,
): UserSection[] {
  const sections: Sections = new Map();
  const blocked = new Map(errors.filter((d) => d.urn !== undefined).map((d) => [d.urn, d.message]));
  for (const plan of plans) {
    const kind = kindOf(plan);
    if (kind !== undefined && !blocked.has(plan.ref.urn)) planOne(sections, plan, kind);
  }
  for (const [urn, message] of blocked) {
    const plan = plans.find((candidate) => candidate.ref.urn === urn);
    const state = plan?.live ?? stored.get(urn ?? "");
    if (!state || urn === undefined) continue;
    const kind = state.type.endsWith(":RoleAssignment")
      ? "role"
      : state.type.endsWith(":UserGroupMembership")
        ? "group"
        : undefined;
    if (kind === undefined) continue;
    const grant = readGrantState(kind, state);
    const section = sectionFor(sections, grant);
    const ref = plan?.ref ?? { type: GRANT_KEYS[kind].resource, name: urn.split("::").pop() ?? urn, urn };
    if (section) planBlocked(section, kind, ref, grant, message);
  }
  return [...sections.values()].filter((s) => s.changes.length > 0 || s.notes.length > 0);
}

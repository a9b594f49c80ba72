/**
 * A refresh preview as a drift report: for every resource, what the stack stored against what EnOS holds now, per
 * user (roles and groups granted or revoked outside the stack, and whether the next `pulumi up` reverts them), per
 * app (fields changed, deleted, with its menus and permissions) and per device. The fixes that need names (role
 * names in an accepted `roleIds`) are written once names are known (fixes.ts).
 */
import { difference, readGrantState, type GrantKindName } from "../analysis/grant-rules";
import { diffFields } from "../analysis/fields";
import { enosKind, refOf, type EnosKind } from "../analysis/resource-plan";
import type { Capture, ResourceStep, StateView } from "../engine/capture";
import { defaultText, textOf } from "../engine/state-view";
import { emptyStackReport } from "../review/analyze-preview";
import type { AppSection, GrantChange, ItemChange, ResourceRef, StackReport, UserSection } from "../report/schema";
import { resourceLabel } from "../render/words";
import { acceptFields } from "./fixes";

const APP_FIELDS = ["name", "description", "category", "type", "url", "keyword", "icon"];
const MENU_FIELDS = ["name", "description", "parentId", "sortId", "url", "keyword"];
const PERMISSION_FIELDS = ["name", "description", "keyword"];
const UP = "run `pulumi up`";

const prop = (state: StateView | undefined, key: string): unknown =>
  state ? (state.inputs[key] ?? state.outputs[key]) : undefined;

function userSection(sections: Map<string, UserSection>, orgId: string, userId: string): UserSection {
  const key = `${orgId}/${userId}`;
  let section = sections.get(key);
  if (!section) {
    section = { user: { id: userId }, orgId, grants: [], changes: [], notes: [] };
    sections.set(key, section);
  }
  return section;
}

function grantDrift(sections: Map<string, UserSection>, step: ResourceStep, kind: GrantKindName, ref: ResourceRef) {
  if (!step.old) return;
  const stored = readGrantState(kind, step.old);
  if (stored.orgId === undefined || stored.userId === undefined) return;
  const section = userSection(sections, stored.orgId, stored.userId);
  const mode = stored.exhaustive ? "exhaustive" : "additive";
  const protectedIds = stored.protectedIds.map((id) => ({ id }));
  const setting = { kind, resource: ref, mode, protected: protectedIds, action: step.new ? "same" : "drop" } as const;
  if (!step.new) {
    const note = `left OU ${stored.orgId} (removed outside the stack)`;
    if (!section.notes.includes(note)) section.notes.push(note);
    const fixes = {
      revert: `add the user to OU ${stored.orgId} again in the console, then ${UP}`,
      accept: `remove ${resourceLabel(ref)} from the program`,
    };
    stored.managed.forEach((id, index) => {
      const change: GrantChange = {
        kind,
        action: "lose",
        item: { id },
        resource: ref,
        cause: "drift",
        effect: "blocked",
      };
      change.note = `the refresh drops ${resourceLabel(ref)}, and the next \`pulumi up\` fails until the user is back or the resource is removed from the program`;
      if (index === 0) change.fixes = fixes;
      section.changes.push(change);
    });
    section.grants.push({ ...setting, protected: [...protectedIds] });
    return;
  }
  const live = readGrantState(kind, step.new);
  const before = stored.assigned ?? stored.wanted ?? [];
  const after = live.assigned ?? before;
  const changes: GrantChange[] = [];
  for (const id of difference(after, before)) {
    const change: GrantChange = {
      kind,
      action: "gain",
      item: { id },
      resource: ref,
      cause: "drift",
      effect: "applied",
    };
    if (stored.exhaustive && !stored.protectedIds.includes(id)) {
      change.note = `${resourceLabel(ref)} is exhaustive, so the next \`pulumi up\` removes it`;
    } else {
      change.effect = "reported";
      change.note = stored.exhaustive
        ? "a protected id: kept on purpose, not drift"
        : `not drift: ${resourceLabel(ref)} is additive and manages only its listed ${kind}s (--unmanaged lists grants no stack manages)`;
    }
    changes.push(change);
  }
  for (const id of difference(before, after)) {
    const change: GrantChange = {
      kind,
      action: "lose",
      item: { id },
      resource: ref,
      cause: "drift",
      effect: "applied",
    };
    if (stored.managed.includes(id)) change.note = `the next \`pulumi up\` grants it again`;
    else {
      change.effect = "reported";
      change.note = `not managed by ${resourceLabel(ref)}: not drift`;
    }
    changes.push(change);
  }
  if (changes.length > 0) {
    section.changes.push(...changes);
    section.grants.push({ ...setting, protected: protectedIds.filter((ref) => after.includes(ref.id)) });
  }
}

function appDrift(step: ResourceStep, ref: ResourceRef): AppSection | undefined {
  const state = step.old;
  if (!state) return undefined;
  const section: AppSection = {
    resource: ref,
    id: state.id,
    action: "none",
    fields: [],
    items: [],
    cause: "drift",
    effect: "applied",
  };
  const name = defaultText(prop(state, "name"));
  if (name) section.name = name;
  const orgId = textOf(prop(state, "orgId"));
  if (orgId) section.orgId = orgId;
  if (!step.new) {
    section.action = "gone";
    section.note =
      "the refresh drops it, and the next `pulumi up` creates a new app with new accessKey and secretKey " +
      "(reconfigure its clients) and recreates its menus and permissions";
    section.fixes = {
      revert: `${UP} (the new app gets new keys)`,
      accept: `remove ${resourceLabel(ref)} and its menus and permissions from the program`,
    };
    return section;
  }
  const { changes } = diffFields(APP_FIELDS, step.old, step.new, undefined);
  if (changes.length === 0) return section;
  section.action = "update";
  section.fields = changes;
  section.note = "changed outside the stack; the next `pulumi up` sets it back";
  section.fixes = { revert: UP, accept: acceptFields(ref, changes) };
  return section;
}

function itemDrift(
  step: ResourceStep,
  ref: ResourceRef,
  kind: ItemChange["kind"],
  menuNames: Map<string, string>,
  appGone: boolean,
): ItemChange | undefined {
  const state = step.old;
  if (!state) return undefined;
  const item: ItemChange = {
    kind,
    resource: ref,
    id: state.id,
    action: "update",
    fields: [],
    cause: "drift",
    effect: "applied",
  };
  const keyword = textOf(prop(state, "keyword"));
  if (keyword) item.keyword = keyword;
  const name = defaultText(prop(step.new ?? state, "name"));
  if (name) item.name = name;
  if (!step.new) {
    item.action = "gone";
    if (appGone) item.note = "deleted with its app";
    else {
      item.note = `the refresh drops it, and the next \`pulumi up\` creates it again (a new id)`;
      item.fixes = { revert: UP, accept: `remove ${resourceLabel(ref)} from the program` };
    }
    return item;
  }
  const { changes } = diffFields(kind === "menu" ? MENU_FIELDS : PERMISSION_FIELDS, step.old, step.new, undefined);
  if (changes.length === 0) return undefined;
  const fields = changes.map((c) => c.field);
  item.action = fields.includes("parentId") ? "move" : fields.every((f) => f === "name") ? "rename" : "update";
  item.fields = changes;
  if (item.action === "move") {
    const parent = (value: unknown) => {
      const id = textOf(value);
      const known = id === undefined ? undefined : menuNames.get(id);
      return id === undefined ? undefined : known ? { id, name: known } : { id };
    };
    const before = parent(prop(step.old, "parentId"));
    const after = parent(prop(step.new, "parentId"));
    if (before) item.parentBefore = before;
    if (after) item.parentAfter = after;
  }
  item.note = "changed outside the stack; the next `pulumi up` sets it back";
  item.fixes = { revert: UP, accept: acceptFields(ref, changes) };
  return item;
}

function deviceDrift(report: StackReport, step: ResourceStep, ref: ResourceRef): void {
  const state = step.old;
  if (!state) return;
  const assetId = textOf(prop(state, "resolvedAssetId")) ?? textOf(prop(state, "assetId")) ?? ref.name;
  const orgId = textOf(prop(state, "orgId"));
  const base = {
    resource: ref,
    assetId,
    ...(orgId ? { orgId } : {}),
    cause: "drift" as const,
    effect: "applied" as const,
  };
  if (!step.new) {
    report.devices.push({
      ...base,
      action: "gone",
      effect: "blocked",
      note: "the device no longer exists: the refresh drops the resource, and the next `pulumi up` fails until the device exists again or the resource is removed from the program",
      fixes: { revert: `restore the device, then ${UP}`, accept: `remove ${resourceLabel(ref)} from the program` },
    });
    return;
  }
  const before = prop(state, "enabled");
  const after = prop(step.new, "enabled");
  if (typeof before !== "boolean" || typeof after !== "boolean" || before === after) return;
  report.devices.push({
    ...base,
    action: after ? "enable" : "disable",
    before,
    after,
    note: `${after ? "enabled" : "disabled"} outside the stack; the next \`pulumi up\` ${before ? "enables" : "disables"} it again`,
    fixes: { revert: UP, accept: `\`enabled\` of ${resourceLabel(ref)} becomes \`${String(after)}\`` },
  });
}

function otherDrift(report: StackReport, step: ResourceStep, ref: ResourceRef): void {
  if (ref.type === "pulumi:pulumi:Stack" || ref.type.startsWith("pulumi:providers:")) return;
  if (!step.new) {
    report.other.push({
      resource: ref,
      action: "deleted outside the stack",
      fields: [],
      cause: "drift",
      effect: "applied",
    });
  } else if (step.op === "update" || (step.diffs ?? []).length > 0) {
    report.other.push({
      resource: ref,
      action: "changed outside the stack",
      fields: step.diffs ?? [],
      cause: "drift",
      effect: "applied",
    });
  }
}

function grantKind(kind: EnosKind | undefined): GrantKindName | undefined {
  return kind === "RoleAssignment" ? "role" : kind === "UserGroupMembership" ? "group" : undefined;
}

export function analyzeRefresh(capture: Capture, project: string, stack: string): StackReport {
  const report = emptyStackReport(project, stack);
  const users = new Map<string, UserSection>();
  const apps = new Map<string, AppSection>();
  const menuNames = new Map<string, string>();
  for (const step of capture.refreshed) {
    const name = defaultText(prop(step.old, "name"));
    if (enosKind(step.type) === "AppMenu" && step.old?.id && name) menuNames.set(step.old.id, name);
  }
  const steps = capture.refreshed;
  for (const step of steps) {
    const kind = enosKind(step.type);
    const ref = refOf(step.urn, step.type);
    const grant = grantKind(kind);
    if (grant) grantDrift(users, step, grant, ref);
    else if (kind === "EnosApp") {
      const section = appDrift(step, ref);
      if (section?.id) apps.set(section.id, section);
    } else if (kind === "DeviceEnablement") deviceDrift(report, step, ref);
    else if (kind === undefined) otherDrift(report, step, ref);
  }
  for (const step of steps) {
    const kind = enosKind(step.type);
    if (kind !== "AppMenu" && kind !== "AppPermission") continue;
    const appId = textOf(prop(step.old, "appId")) ?? "";
    const app = apps.get(appId);
    const item = itemDrift(
      step,
      refOf(step.urn, step.type),
      kind === "AppMenu" ? "menu" : "permission",
      menuNames,
      app?.action === "gone",
    );
    if (!item) continue;
    if (app) app.items.push(item);
    else apps.set(appId, { id: appId, action: "none", fields: [], items: [item], cause: "drift", effect: "applied" });
  }
  report.users = [...users.values()].filter((section) => section.changes.length > 0 || section.notes.length > 0);
  report.apps = [...apps.values()].filter((app) => app.action !== "none" || app.items.length > 0);
  // The provider's "... outside Pulumi ..." warnings say what the sections above already report.
  report.warnings = capture.diagnostics
    .filter((d) => d.severity === "warning" && !d.message.includes("outside Pulumi"))
    .map((d) => d.message);
  report.guardrails = capture.diagnostics.filter((d) => d.severity === "error").map((d) => ({ message: d.message }));
  if (capture.failed) {
    report.status = "failed";
    report.error = `the refresh failed: ${report.guardrails[0]?.message ?? "see the engine output"}`;
  }
  return report;
}

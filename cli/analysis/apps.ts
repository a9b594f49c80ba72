/**
 * Apps with their menus and permissions as a tree: each app that changes, or whose menus or permissions change, with
 * the field-by-field changes, menus moved (parentId, with the parents' names) or renamed, and what a replace or a
 * delete means for the app's users and clients. Secrets (secretKey) never appear, not even masked.
 */
import type { StateView } from "../engine/capture";
import { defaultText, isUnknown, textOf } from "../engine/state-view";
import type { AppSection, Cause, ItemChange, Named } from "../report/schema";
import { diffFields } from "./fields";
import type { ResourcePlan } from "./resource-plan";

const APP_FIELDS = ["name", "description", "category", "type", "url", "keyword", "icon", "orgId"];
const MENU_FIELDS = ["name", "description", "parentId", "sortId", "url", "keyword", "orgId", "appId"];
const PERMISSION_FIELDS = ["name", "description", "keyword", "orgId", "appId"];
/** Engine bookkeeping and computed outputs that never make a change worth a line. */
const IGNORED = new Set(["adopt", "status", "menuId", "accessKey", "secretKey", "createdAt", "categoryName"]);

function prop(state: StateView | undefined, key: string): unknown {
  return state ? (state.inputs[key] ?? state.outputs[key]) : undefined;
}

/**
 * A deletion the program did not ask for: the refresh found the object gone, the preview creates it again (a
 * vanished app the refresh kept, marked `__vanished`, comes back as a replacement: provider/resources/kit/vanished.ts).
 */
function goneOutside(plan: ResourcePlan): boolean {
  if (plan.action === "replace") return prop(plan.live, "__vanished") !== undefined;
  return plan.action === "create" && plan.stored !== undefined;
}

function causeOf(plan: ResourcePlan, changed: readonly string[], drifted: readonly string[]): Cause {
  if (goneOutside(plan)) return "drift";
  return changed.length > 0 && drifted.length === changed.length ? "drift" : "program";
}

function extraDiffs(plan: ResourcePlan, known: readonly string[]): string[] {
  return plan.diffs.filter((key) => !known.includes(key) && !IGNORED.has(key));
}

interface Tree {
  sections: Map<string, AppSection>;
  /** Menu id -> name, for the parents of moved menus. */
  menuNames: Map<string, string>;
}

function appNote(plan: ResourcePlan): string | undefined {
  switch (plan.action) {
    case "create":
      return goneOutside(plan)
        ? "deleted outside the stack; the next `pulumi up` creates it again, with new accessKey and secretKey"
        : "new app: EnOS issues its accessKey and secretKey (secretKey is kept as a stack secret)";
    case "replace":
      return goneOutside(plan)
        ? "deleted outside the stack; `recreateIfDeleted: true` creates a new app with new accessKey and secretKey: " +
            "every client of the app must be reconfigured"
        : "a new app with new accessKey and secretKey: every client of the app must be reconfigured";
    case "delete":
      return "deleted: its menus and permissions go with it, and clients using its keys stop working";
    default:
      return undefined;
  }
}

function addApp(tree: Tree, plan: ResourcePlan): void {
  const state = plan.next ?? plan.live;
  const { changes, drifted } = diffFields(APP_FIELDS, plan.live, plan.next, plan.stored, extraDiffs(plan, APP_FIELDS));
  const key = plan.live?.id || plan.ref.urn;
  const section: AppSection = {
    resource: plan.ref,
    action: plan.action === "same" || plan.action === "other" ? "none" : plan.action,
    fields: plan.action === "update" || plan.action === "replace" ? changes : [],
    items: [],
    cause: causeOf(
      plan,
      changes.map((c) => c.field),
      drifted,
    ),
    effect: "applied",
  };
  const id = plan.live?.id;
  if (id) section.id = id;
  const name = defaultText(prop(state, "name"));
  if (name) section.name = name;
  const orgId = textOf(prop(plan.live, "orgId")) ?? textOf(prop(plan.next, "orgId"));
  if (orgId) section.orgId = orgId;
  const note = appNote(plan);
  if (note) section.note = note;
  if (section.action === "update" && section.fields.length === 0) section.action = "none";
  tree.sections.set(key, section);
}

function menuAction(plan: ResourcePlan, changedFields: readonly string[]): ItemChange["action"] {
  if (plan.action === "create" || plan.action === "delete" || plan.action === "replace") return plan.action;
  if (changedFields.includes("parentId")) return "move";
  if (changedFields.length > 0 && changedFields.every((field) => field === "name")) return "rename";
  return "update";
}

function parentRef(tree: Tree, value: unknown): Named | undefined {
  const id = textOf(value);
  if (id === undefined) return undefined;
  const name = tree.menuNames.get(id);
  return name === undefined ? { id } : { id, name };
}

function itemNote(plan: ResourcePlan, kind: ItemChange["kind"]): string | undefined {
  if (goneOutside(plan)) return `deleted outside the stack; the next \`pulumi up\` creates it again`;
  if (plan.action === "replace") return `a new ${kind} with a new id`;
  return undefined;
}

function addItem(tree: Tree, plan: ResourcePlan, kind: ItemChange["kind"], newAppKey: string | undefined): void {
  const fields = kind === "menu" ? MENU_FIELDS : PERMISSION_FIELDS;
  const { changes, drifted } = diffFields(fields, plan.live, plan.next, plan.stored, extraDiffs(plan, fields));
  const changed = changes.map((c) => c.field);
  const state = plan.next ?? plan.live;
  const item: ItemChange = {
    kind,
    resource: plan.ref,
    action: menuAction(plan, changed),
    fields: plan.action === "update" || plan.action === "replace" ? changes : [],
    cause: causeOf(plan, changed, drifted),
    effect: "applied",
  };
  if (plan.live?.id) item.id = plan.live.id;
  const keyword = textOf(prop(state, "keyword"));
  if (keyword) item.keyword = keyword;
  const name = defaultText(prop(state, "name"));
  if (name) item.name = name;
  if (item.action === "move") {
    const before = parentRef(tree, prop(plan.live, "parentId"));
    const after = parentRef(tree, prop(plan.next, "parentId"));
    if (before) item.parentBefore = before;
    if (after) item.parentAfter = after;
  }
  const note = itemNote(plan, kind);
  if (note) item.note = note;
  const nextApp = prop(plan.next, "appId");
  const appKey = (isUnknown(nextApp) ? undefined : textOf(nextApp)) ?? textOf(prop(plan.live, "appId")) ?? newAppKey;
  const section = appKey === undefined ? undefined : tree.sections.get(appKey);
  if (section) section.items.push(item);
  else {
    const orphan: AppSection = { action: "none", fields: [], items: [item], cause: "program", effect: "applied" };
    if (appKey) orphan.id = appKey;
    tree.sections.set(appKey ?? `(new app) ${plan.ref.urn}`, orphan);
  }
}

/** The apps of a preview, in first-seen order, keeping only those with something to say. */
export function analyzeApps(plans: readonly ResourcePlan[]): AppSection[] {
  const tree: Tree = { sections: new Map(), menuNames: new Map() };
  for (const plan of plans) {
    if (plan.kind !== "AppMenu") continue;
    for (const state of [plan.live, plan.next]) {
      const name = defaultText(prop(state, "name"));
      if (state?.id && name) tree.menuNames.set(state.id, name);
    }
  }
  for (const plan of plans) if (plan.kind === "EnosApp") addApp(tree, plan);
  // Items whose app id is known only after `up` belong to the app being created or replaced, if there is one.
  const newApps = plans.filter((p) => p.kind === "EnosApp" && (p.action === "create" || p.action === "replace"));
  const newAppKey = newApps.length === 1 && newApps[0] ? newApps[0].live?.id || newApps[0].ref.urn : undefined;
  for (const plan of plans) {
    if (plan.action === "same" || plan.action === "other") continue;
    if (plan.kind === "AppMenu") addItem(tree, plan, "menu", newAppKey);
    if (plan.kind === "AppPermission") addItem(tree, plan, "permission", newAppKey);
  }
  return [...tree.sections.values()].filter((section) => section.action !== "none" || section.items.length > 0);
}

/**
 * App, menu and permission drift: fields changed outside the stack (field by field, with the accept fix), or the
 * object deleted (an app comes back with new keys; its menus and permissions went with it).
 */
import { diffFields } from "../analysis/fields";
import type { ResourceStep } from "../engine/capture";
import { defaultText, textOf } from "../engine/state-view";
import { resourceLabel } from "../render/words";
import type { AppSection, ItemChange, Named, ResourceRef } from "../report/schema";
import { acceptFields } from "./fixes";
import { prop, UP } from "./prop";

const APP_FIELDS = ["name", "description", "category", "type", "url", "keyword", "icon"];
const MENU_FIELDS = ["name", "description", "parentId", "sortId", "url", "keyword"];
const PERMISSION_FIELDS = ["name", "description", "keyword"];
/** The engine-owned marker of a vanished object (its value is the id EnOS no longer has). */
const VANISHED_KEY = "__vanished";
const SET_BACK = "changed outside the stack; the next `pulumi up` sets it back";

/** The app's section, with its own drift if it has any (action "none" otherwise). */
export function appDrift(step: ResourceStep, ref: ResourceRef): AppSection | undefined {
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
  // The provider keeps a vanished app in the stack, marked (provider/resources/kit/vanished.ts); older releases
  // dropped it.
  if (!step.new || prop(step.new, VANISHED_KEY) !== undefined) {
    section.action = "gone";
    section.note =
      "the refresh marks it deleted, and the next `pulumi up` fails at it unless it sets `recreateIfDeleted: true`: " +
      "a new app gets new accessKey and secretKey (reconfigure its clients), and its menus and permissions are " +
      "created again";
    section.fixes = {
      revert: `set \`recreateIfDeleted: true\` on ${resourceLabel(ref)}, then ${UP} (the new app gets new keys)`,
      accept: `remove ${resourceLabel(ref)} and its menus and permissions from the program`,
    };
    return section;
  }
  const { changes } = diffFields(APP_FIELDS, step.old, step.new, undefined);
  if (changes.length === 0) return section;
  Object.assign(section, { action: "update", fields: changes, note: SET_BACK });
  section.fixes = { revert: UP, accept: acceptFields(ref, changes) };
  return section;
}

function parentOf(value: unknown, menuNames: ReadonlyMap<string, string>): Named | undefined {
  const id = textOf(value);
  if (id === undefined) return undefined;
  const name = menuNames.get(id);
  return name ? { id, name } : { id };
}

function gone(item: ItemChange, ref: ResourceRef, appGone: boolean): ItemChange {
  item.action = "gone";
  if (appGone) item.note = "deleted with its app";
  else {
    item.note = "the refresh drops it, and the next `pulumi up` creates it again (a new id)";
    item.fixes = { revert: UP, accept: `remove ${resourceLabel(ref)} from the program` };
  }
  return item;
}

/** A menu's or permission's drift, or undefined when it has none. */
export function itemDrift(
  step: ResourceStep,
  ref: ResourceRef,
  kind: ItemChange["kind"],
  menuNames: ReadonlyMap<string, string>,
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
  if (!step.new) return gone(item, ref, appGone);
  const { changes } = diffFields(kind === "menu" ? MENU_FIELDS : PERMISSION_FIELDS, step.old, step.new, undefined);
  if (changes.length === 0) return undefined;
  const fields = changes.map((c) => c.field);
  item.action = fields.includes("parentId") ? "move" : fields.every((f) => f === "name") ? "rename" : "update";
  item.fields = changes;
  if (item.action === "move") {
    const before = parentOf(prop(step.old, "parentId"), menuNames);
    const after = parentOf(prop(step.new, "parentId"), menuNames);
    if (before) item.parentBefore = before;
    if (after) item.parentAfter = after;
  }
  item.note = SET_BACK;
  item.fixes = { revert: UP, accept: acceptFields(ref, changes) };
  return item;
}

/**
 * The sentences of both reports, written once over a {@link Style}: who a user is, what they gain or lose and why,
 * what happens to an app, a menu, a permission or a device, and the two ways out of a drift.
 */
import type {
  AppSection,
  DeviceChange,
  Fixes,
  GrantChange,
  GrantSetting,
  ItemChange,
  Named,
  OtherChange,
  UserSection,
} from "../report/schema";
import type { Style } from "./style";
import { fieldText, resourceLabel } from "./words";

/** "**Alice Chen** `u-alice`" */
export function who(style: Style, ref: Named): string {
  return ref.name && ref.name !== ref.id ? `${style.strong(ref.name)} ${style.code(ref.id)}` : style.code(ref.id);
}

const KIND_WORD = { role: "role", group: "group" } as const;

/** 'role **Auditor** `r-auditor`' with what makes it notable. */
export function grantText(style: Style, change: GrantChange, withResource = false): string {
  const parts = [`${KIND_WORD[change.kind]} ${who(style, change.item)}`];
  if (change.privileged) parts.push(style.warn("(privileged)"));
  if (withResource) parts.push(`via ${style.text(resourceLabel(change.resource))}`);
  if (change.effect === "blocked") parts.push(style.bad("— blocked"));
  if (change.cause === "drift")
    parts.push(style.warn(`— drift: ${style.prose(change.note ?? "changed outside the stack")}`));
  else if (change.note && change.effect !== "blocked") parts.push(style.dim(`(${style.prose(change.note)})`));
  return parts.join(" ");
}

const SETTING_ACTION: Record<GrantSetting["action"], string> = {
  create: "new",
  update: "",
  same: "",
  delete: "deleted",
  replace: "replaced",
  drop: "dropped from the stack by the refresh",
};

/** "roles: exhaustive, protected kept: …, max 2 removals (RoleAssignment "u-alice-roles", update)" */
export function settingText(style: Style, grant: GrantSetting): string {
  const parts = [`${grant.kind === "role" ? "roles" : "groups"}: ${grant.mode}`];
  if (grant.protected.length > 0)
    parts.push(`protected kept: ${grant.protected.map((ref) => who(style, ref)).join(", ")}`);
  if (grant.maxRemovals !== undefined) parts.push(`maxRemovals ${grant.maxRemovals}`);
  const action = SETTING_ACTION[grant.action];
  return `${parts.join(", ")} (${style.text(resourceLabel(grant.resource))}${action ? `, ${action}` : ""})`;
}

export function fixLines(style: Style, fixes: Fixes | undefined): string[] {
  if (!fixes) return [];
  return [`revert: ${style.prose(fixes.revert)}`, `accept: ${style.prose(fixes.accept)}`];
}

const ITEM_VERB: Record<ItemChange["action"], string> = {
  create: "created",
  update: "updated",
  move: "moved",
  rename: "renamed",
  delete: "deleted",
  replace: "replaced",
  gone: "deleted outside the stack",
};

function parentText(style: Style, ref: Named | undefined): string {
  if (!ref) return "the top level";
  return ref.name ? `${style.strong(ref.name)} ${style.code(ref.id)}` : style.code(ref.id);
}

/** 'menu **Alarms** (AppMenu "energy-alarms"): moved from **Dashboard** to **Settings**' */
export function itemText(style: Style, item: ItemChange): string {
  const name = item.name ? `${style.strong(item.name)} ` : "";
  const id = item.id ? `${style.code(item.id)} ` : "";
  let what = ITEM_VERB[item.action];
  if (item.action === "move")
    what = `moved from ${parentText(style, item.parentBefore)} to ${parentText(style, item.parentAfter)}`;
  const fields = item.fields.filter((f) => !(item.action === "move" && f.field === "parentId"));
  const listed = fields.map((f) => style.text(fieldText(f))).join("; ");
  const detail = listed === "" ? "" : item.action === "replace" ? ` (${listed})` : `: ${listed}`;
  const cause = item.cause === "drift" && !item.note ? style.warn(" — drift: changed outside the stack") : "";
  const note = item.note ? ` — ${style.prose(item.note)}` : "";
  return `${item.kind} ${name}${id}(${style.text(resourceLabel(item.resource))}): ${what}${detail}${cause}${note}`;
}

const APP_VERB: Record<AppSection["action"], string> = {
  create: "created",
  update: "updated",
  replace: "replaced",
  delete: "deleted",
  gone: "deleted outside the stack",
  none: "",
};

/** The app's own line. */
export function appText(style: Style, app: AppSection): string {
  const name = app.name ? style.strong(app.name) : style.text("(new app)");
  const ids = [app.resource ? style.text(resourceLabel(app.resource)) : "", app.id ? `id ${style.code(app.id)}` : ""]
    .filter((part) => part !== "")
    .join(", ");
  const head = `app ${name}${ids ? ` (${ids})` : ""}`;
  if (app.action === "none") return head;
  const verb =
    app.action === "replace" || app.action === "delete" || app.action === "gone"
      ? style.bad(APP_VERB[app.action])
      : APP_VERB[app.action];
  const listed = app.fields.map((f) => style.text(fieldText(f))).join("; ");
  const fields = listed === "" ? "" : app.action === "replace" ? ` (${listed})` : `: ${listed}`;
  const cause = app.cause === "drift" && !app.note ? style.warn(" — drift: changed outside the stack") : "";
  const note = app.note ? `. ${style.prose(capitalise(app.note))}` : "";
  return `${head}: ${verb}${fields}${cause}${note}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const STATE = (enabled: boolean | undefined) => (enabled === undefined ? "?" : enabled ? "enabled" : "disabled");

/** 'device `a-turbine-8` (DeviceEnablement "a-turbine-8"): enabled → **disabled**' */
export function deviceText(style: Style, device: DeviceChange): string {
  const head = `device ${style.code(device.assetId)} (${style.text(resourceLabel(device.resource))})`;
  let what: string;
  if (device.action === "enable" || device.action === "disable") {
    const after =
      device.action === "enable" ? style.good(style.strong("enabled")) : style.bad(style.strong("disabled"));
    what = device.before === undefined ? after : `${STATE(device.before)} → ${after}`;
  } else if (device.action === "restore") {
    what = `restored to ${STATE(device.after)}`;
  } else {
    what = device.action === "gone" ? style.bad("no longer exists") : device.action;
  }
  const cause = device.cause === "drift" && !device.note ? style.warn(" — drift") : "";
  const note = device.note ? ` — ${style.prose(device.note)}` : "";
  return `${head}: ${what}${cause}${note}`;
}

export function otherText(style: Style, change: OtherChange): string {
  const fields = change.fields.length > 0 ? ` (${style.text(change.fields.join(", "))})` : "";
  const note = change.note ? ` — ${style.prose(change.note)}` : "";
  return `${style.text(resourceLabel(change.resource))}: ${style.text(change.action)}${fields}${note}`;
}

/** The user's own line: who, which OU, and the facts of the notes. */
export function userHead(style: Style, section: UserSection): string {
  return `${who(style, section.user)} in OU ${style.code(section.orgId)}`;
}

/**
 * The preview-time check of an AppMenu's `parentId`: EnOS only accepts a parent from the menu's own app, and answers
 * any other id with "menu '<id>' does not exist" at `up`, even when the menu exists in another app. So when the ids
 * are known, `check` looks the parent up in the app's menu list (the coalesced, kept list reads share) and, only if
 * it is not there, in the other apps of the OU, to say where it belongs.
 *
 * Checked only when `parentId` or `appId` differs from the recorded inputs (an unchanged parent was accepted by an
 * earlier `up`), so a steady-state preview makes no call. A list that cannot be read skips the check: the create or
 * update then reports what is wrong.
 */
import type { App, EnosClient, Menu } from "../../client";
import { clientFor } from "../../context";
import { isUnknown, type CheckFailure, type Props } from "../../inputs";
import { loadApps, loadMenus } from "./loaders";

/** The known string value of `value`, else undefined (absent or still unknown at preview). */
function known(value: unknown): string | undefined {
  return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

function appLabel(app: App): string {
  const name = app.name["default"] ?? Object.values(app.name)[0];
  const details = [name === undefined ? "" : `"${name}"`, app.keyword ? `keyword ${app.keyword}` : ""].filter(Boolean);
  return details.length > 0 ? `app '${app.id}' (${details.join(", ")})` : `app '${app.id}'`;
}

/** The app of OU `orgId` (other than `appId`) that has menu `menuId`, if any. */
async function ownerOf(client: EnosClient, orgId: string, appId: string, menuId: string): Promise<App | undefined> {
  const others = (await loadApps(client, orgId)).filter((app) => app.id !== appId);
  const lists = await Promise.all(
    others.map((app) => loadMenus(client, { orgId, appId: app.id }).catch((): Menu[] => [])),
  );
  return others.find((_app, index) => lists[index]?.some((menu) => menu.id === menuId));
}

async function parentFailure(orgId: string, appId: string, parentId: string): Promise<string | undefined> {
  const client = clientFor();
  const menus = await loadMenus(client, { orgId, appId });
  if (menus.some((menu) => menu.id === parentId)) return undefined;
  const owner = await ownerOf(client, orgId, appId, parentId);
  const fix = `a parent must be a menu of the same app: use the id of an AppMenu whose appId is '${appId}', or omit parentId`;
  if (owner !== undefined)
    return `parentId '${parentId}' is a menu of ${appLabel(owner)}, not of app '${appId}'; ${fix}`;
  return `parentId '${parentId}' is no menu of app '${appId}' (nor of any other app of OU ${orgId}); ${fix}`;
}

/** The failure for a `parentId` outside the menu's app; see the file comment. */
export async function menuParentFailures(
  news: Readonly<Record<string, unknown>>,
  olds: Props,
): Promise<CheckFailure[]> {
  const [orgId, appId, parentId] = [known(news["orgId"]), known(news["appId"]), known(news["parentId"])];
  if (orgId === undefined || appId === undefined || parentId === undefined) return [];
  if (olds["parentId"] === parentId && olds["appId"] === appId && olds["orgId"] === orgId) return [];
  let reason: string | undefined;
  try {
    reason = await parentFailure(orgId, appId, parentId);
  } catch {
    return [];
  }
  return reason === undefined ? [] : [{ property: "parentId", reason }];
}

/**
 * AppMenu: a menu entry of an app (enos-app-service menus; design §4). The keyword is unique within the app and keys
 * create (adopt, lost-response recovery: keyword-objects.ts). Read lists the app's menus through the coalescing
 * loader; when the app itself is gone (31404 on the list) the menu is gone with it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { EnosClient, Menu, MenuWrite } from "../client";
import { clientFor, resolveOrgId } from "../context";
import { appMenuReplaceOn, checkAppMenu, type AppMenuInputs, appMenuOutputKeys } from "../inputs";
import {
  inputFields,
  liveI18n,
  liveOptionalI18n,
  liveOptionalText,
  sameSettings,
  storedString,
} from "./app-field-mapping";
import { loadMenus } from "./app-loaders";
import { deleteUnlessGone, findLive, updateKeywordObject } from "./keyword-lifecycle";
import { createByKeyword } from "./keyword-objects";
import { checkWith, defineProvider, definedOnly, diffResult } from "./provider-kit";

const RESOURCE = "AppMenu";

type Props = Record<string, unknown>;

/**
 * The Create/Update Menu body for checked inputs. A root menu sends `parentId: null` explicitly, so an update that
 * removes the parent moves the menu to the root even on a service that keeps omitted fields.
 */
export function menuWrite(inputs: AppMenuInputs): MenuWrite {
  return {
    appId: inputs.appId,
    keyword: inputs.keyword,
    name: inputs.name,
    parentId: inputs.parentId ?? null,
    sortId: inputs.sortId,
    ...(inputs.description !== undefined && { description: inputs.description }),
    ...(inputs.url !== undefined && { url: inputs.url }),
  };
}

/** The write body a live menu corresponds to, for "does adoption need a PUT?". */
function writeOf(menu: Menu): Props {
  const { appId, keyword, name, description, parentId, sortId, url } = menu;
  return { appId, keyword, name, description, parentId, sortId, url };
}

/** The input-shaped view of a live menu; `stored` supplies what the API does not return (orgId, adopt). */
export function menuInputsOf(menu: Menu, stored: Props): Props {
  return definedOnly({
    orgId: stored["orgId"],
    appId: menu.appId,
    keyword: menu.keyword,
    name: liveI18n(menu.name),
    description: liveOptionalI18n(menu.description),
    parentId: menu.parentId ?? undefined,
    sortId: menu.sortId,
    url: liveOptionalText(menu.url, stored["url"]),
    adopt: stored["adopt"] ?? false,
  });
}

function computedOf(menu: Menu): Props {
  return { menuId: menu.id, status: menu.status };
}

function stateOf(inputs: Props, menu: Menu): Props {
  return definedOnly({ ...inputFields(inputs), ...computedOf(menu) });
}

async function createMenu(client: EnosClient, raw: Props): Promise<dynamic.CreateResult> {
  const inputs = raw as AppMenuInputs;
  const { orgId, appId } = inputs;
  const write = menuWrite(inputs);
  const object = await createByKeyword<Menu>({
    resource: RESOURCE,
    noun: "menu",
    scope: `app ${appId} of OU ${orgId}`,
    keyword: inputs.keyword,
    adopt: inputs.adopt,
    create: () => client.appService.createMenu(orgId, write),
    list: () => client.appService.listMenus(orgId, appId),
    update: (id) => client.appService.updateMenu(orgId, { ...write, id }),
    matches: (live) => sameSettings(writeOf(live), { ...write }),
    stateOf: (live) => ({ ...raw, ...menuInputsOf(live, raw), ...computedOf(live) }),
  });
  return { id: object.id, outs: stateOf(raw, object) };
}

async function readMenu(id: string, props: Props): Promise<dynamic.ReadResult> {
  const orgId = resolveOrgId(storedString(props, "orgId"));
  const appId = storedString(props, "appId");
  if (appId === undefined) throw new Error(`the stored state of menu '${id}' has no appId`);
  const client = clientFor();
  const wording = {
    resource: RESOURCE,
    missing: `no menu with this id in app ${appId} of OU ${orgId}`,
    parentGone: `its app '${appId}' no longer exists in OU ${orgId}`,
  };
  const menu = await findLive(() => loadMenus(client, { orgId, appId }), id, wording);
  if (menu === undefined) return {};
  const inputs = menuInputsOf(menu, { ...props, orgId });
  return { id, props: { ...inputs, ...computedOf(menu) }, inputs };
}

/** A menu cannot be its own parent: caught at preview instead of as an EnOS error during `up`. */
function diffMenu(id: string, olds: Props, news: Props): dynamic.DiffResult {
  if (news["parentId"] === id) {
    throw new Error(`parentId is this menu's own id ('${id}'): a menu cannot be its own parent`);
  }
  return diffResult(olds, news, appMenuReplaceOn);
}

/** The AppMenu provider: see the file comment. */
export const appMenuProvider = defineProvider(
  RESOURCE,
  {
    check: checkWith(checkAppMenu),
    diff: diffMenu,
    create: (inputs) => createMenu(clientFor(), inputs),
    read: readMenu,
    update: async (id, olds, news) => ({
      outs: await updateKeywordObject({
        noun: "menu",
        id,
        olds,
        news,
        writeOf: (inputs) => menuWrite(inputs as AppMenuInputs),
        computed: appMenuOutputKeys,
        put: (write) => clientFor().appService.updateMenu((news as AppMenuInputs).orgId, { ...write, id }),
        stateOf: (menu) => stateOf(news, menu),
      }),
    }),
    async delete(id, props) {
      const orgId = resolveOrgId(storedString(props, "orgId"));
      await deleteUnlessGone(() => clientFor().appService.deleteMenu(orgId, id));
    },
  },
  { ownsObject: true },
);

/**
 * AppMenu: a menu entry of an app (enos-app-service menus). Its keyword is unique within the app. When the app
 * itself is gone (31404 on the menu list) the menu is gone with it.
 */
import type { EnosClient, Menu, MenuWrite } from "../../client";
import { appMenuSchema, type AppMenuInputs, type ComputedOf } from "../../inputs";
import { defineProvider, type LiveOf } from "../kit/define-provider";
import type { StoredOf } from "../kit/stored-state";
import { appItem, appItemLiveInputs, appItemWrite } from "./app-item";
import { keywordOperations, type KeywordApi } from "./keyword-operations";
import { liveOptionalText } from "./live-fields";
import { loadMenus, type AppScope } from "./loaders";
import { menuParentFailures } from "./menu-parent";

type Stored = StoredOf<typeof appMenuSchema, "appId">;

/**
 * The Create/Update Menu body for checked inputs. A root menu sends `parentId: null` explicitly, so an update that
 * removes the parent moves the menu to the root even on a service that keeps omitted fields.
 */
export function menuWrite(inputs: AppMenuInputs): MenuWrite {
  return {
    ...appItemWrite(inputs),
    parentId: inputs.parentId ?? null,
    sortId: inputs.sortId,
    ...(inputs.url !== undefined && { url: inputs.url }),
  };
}

function menuApi(client: EnosClient, scope: AppScope): KeywordApi<Menu, MenuWrite> {
  const { orgId, appId } = scope;
  return {
    create: (write) => client.appService.createMenu(orgId, write),
    update: (id, write) => client.appService.updateMenu(orgId, { ...write, id }),
    remove: (id) => client.appService.deleteMenu(orgId, id),
    list: () => client.appService.listMenus(orgId, appId),
    load: () => loadMenus(client, scope),
  };
}

const operations = keywordOperations({
  name: "AppMenu",
  ...appItem<Stored>("menu"),
  api: menuApi,
  write: menuWrite,
  liveWrite: ({ appId, keyword, name, description, parentId, sortId, url }: Menu) => ({
    appId,
    keyword,
    name,
    description,
    parentId,
    sortId,
    url,
  }),
  liveInputs: (menu: Menu, stored: Stored): LiveOf<typeof appMenuSchema> => ({
    ...appItemLiveInputs(menu, stored),
    parentId: menu.parentId ?? undefined,
    sortId: menu.sortId,
    url: liveOptionalText(menu.url, stored.url),
  }),
  computed: (menu: Menu): ComputedOf<typeof appMenuSchema> => ({ menuId: menu.id, status: menu.status }),
});

/**
 * The AppMenu provider; a parent from another app (menu-parent.ts) and a menu that is its own parent are caught at
 * preview instead of as EnOS errors.
 */
export const appMenuProvider = defineProvider(
  { name: "AppMenu", schema: appMenuSchema, required: ["appId"], ownsObject: true },
  {
    ...operations,
    checkLive: ({ news, olds }) => menuParentFailures(news, olds),
    diff(id, { news }) {
      if (news.parentId === id)
        throw new Error(`parentId is this menu's own id ('${id}'): a menu cannot be its own parent`);
    },
  },
);

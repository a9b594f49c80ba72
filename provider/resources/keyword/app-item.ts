/** What menus and permissions share: they live in an app, and their keyword is unique within it. */
import type { Menu, Permission, PermissionWrite } from "../../client";
import { liveI18n, liveOptionalI18n } from "./live-fields";
import type { AppScope } from "./loaders";

/** The place, scope and gone wording of an item of an app whose stored state is `St`, for `keywordOperations`. */
export function appItem<St extends { appId: string }>(noun: "menu" | "permission") {
  return {
    noun,
    place: (source: St, orgId: string): AppScope => ({ orgId, appId: source.appId }),
    scope: ({ orgId, appId }: AppScope) => `app ${appId} of OU ${orgId}`,
    gone: {
      missing: ({ orgId, appId }: AppScope) => `no ${noun} with this id in app ${appId} of OU ${orgId}`,
      parentGone: ({ orgId, appId }: AppScope) => `its app '${appId}' no longer exists in OU ${orgId}`,
    },
  };
}

/** The input view every live menu or permission has; `stored` supplies what the API does not return. */
export function appItemLiveInputs(
  item: Menu | Permission,
  stored: { orgId?: string | undefined; adopt?: boolean | undefined },
) {
  return {
    orgId: stored.orgId,
    appId: item.appId,
    keyword: item.keyword,
    name: liveI18n(item.name),
    description: liveOptionalI18n(item.description),
    adopt: stored.adopt ?? false,
  };
}

/** The part of the Create/Update body every menu or permission has. */
export function appItemWrite(inputs: {
  appId: string;
  keyword: string;
  name: PermissionWrite["name"];
  description?: PermissionWrite["name"] | undefined;
}): PermissionWrite {
  return {
    appId: inputs.appId,
    keyword: inputs.keyword,
    name: inputs.name,
    ...(inputs.description !== undefined && { description: inputs.description }),
  };
}

/** AppPermission: a permission of an app (enos-app-service permissions), e.g. the "Delete Device" button. */
import type { EnosClient, Permission, PermissionWrite } from "../../client";
import { appPermissionSchema, type AppPermissionInputs, type ComputedOf } from "../../inputs";
import { defineProvider, type LiveOf } from "../kit/define-provider";
import type { StoredOf } from "../kit/stored-state";
import { appItem, appItemLiveInputs, appItemWrite } from "./app-item";
import { keywordOperations, type KeywordApi } from "./keyword-operations";
import { loadPermissions, type AppScope } from "./loaders";

type Stored = StoredOf<typeof appPermissionSchema, "appId">;

function permissionApi(client: EnosClient, scope: AppScope): KeywordApi<Permission, PermissionWrite> {
  const { orgId, appId } = scope;
  return {
    create: (write) => client.appService.createPermission(orgId, write),
    update: (id, write) => client.appService.updatePermission(orgId, { ...write, id }),
    remove: (id) => client.appService.deletePermission(orgId, id),
    list: () => client.appService.listPermissions(orgId, appId),
    load: () => loadPermissions(client, scope),
  };
}

/** The AppPermission provider. */
export const appPermissionProvider = defineProvider(
  { name: "AppPermission", schema: appPermissionSchema, required: ["appId"], ownsObject: true },
  keywordOperations({
    name: "AppPermission",
    ...appItem<Stored>("permission"),
    api: permissionApi,
    write: (inputs: AppPermissionInputs): PermissionWrite => appItemWrite(inputs),
    liveWrite: ({ appId, keyword, name, description }: Permission) => ({ appId, keyword, name, description }),
    liveInputs: (permission: Permission, stored: Stored): LiveOf<typeof appPermissionSchema> =>
      appItemLiveInputs(permission, stored),
    computed: (permission: Permission): ComputedOf<typeof appPermissionSchema> => ({ status: permission.status }),
  }),
);

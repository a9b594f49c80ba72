/**
 * AppPermission: a permission of an app, such as "Delete Device" (enos-app-service permissions; design §4). Keyed by
 * keyword within the app like menus (keyword-objects.ts); read lists the app's permissions through the coalescing
 * loader, and a permission whose app is gone (31404 on the list) is gone too.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import type { EnosClient, Permission, PermissionWrite } from "../client";
import { clientFor, resolveOrgId } from "../context";
import {
  appPermissionReplaceOn,
  checkAppPermission,
  type AppPermissionInputs,
  appPermissionOutputKeys,
} from "../inputs";
import { inputFields, liveI18n, liveOptionalI18n, sameSettings, storedString } from "./app-field-mapping";
import { loadPermissions } from "./app-loaders";
import { deleteUnlessGone, findLive, updateKeywordObject } from "./keyword-lifecycle";
import { createByKeyword } from "./keyword-objects";
import { checkWith, defineProvider, definedOnly, diffResult } from "./provider-kit";

const RESOURCE = "AppPermission";

type Props = Record<string, unknown>;

/** The Create/Update Permission body for checked inputs. */
export function permissionWrite(inputs: AppPermissionInputs): PermissionWrite {
  return {
    appId: inputs.appId,
    keyword: inputs.keyword,
    name: inputs.name,
    ...(inputs.description !== undefined && { description: inputs.description }),
  };
}

/** The write body a live permission corresponds to, for "does adoption need a PUT?". */
function writeOf(permission: Permission): Props {
  const { appId, keyword, name, description } = permission;
  return { appId, keyword, name, description };
}

/** The input-shaped view of a live permission; `stored` supplies what the API does not return (orgId, adopt). */
export function permissionInputsOf(permission: Permission, stored: Props): Props {
  return definedOnly({
    orgId: stored["orgId"],
    appId: permission.appId,
    keyword: permission.keyword,
    name: liveI18n(permission.name),
    description: liveOptionalI18n(permission.description),
    adopt: stored["adopt"] ?? false,
  });
}

function computedOf(permission: Permission): Props {
  return { status: permission.status };
}

function stateOf(inputs: Props, permission: Permission): Props {
  return definedOnly({ ...inputFields(inputs), ...computedOf(permission) });
}

async function createPermission(client: EnosClient, raw: Props): Promise<dynamic.CreateResult> {
  const inputs = raw as AppPermissionInputs;
  const { orgId, appId } = inputs;
  const write = permissionWrite(inputs);
  const object = await createByKeyword<Permission>({
    resource: RESOURCE,
    noun: "permission",
    scope: `app ${appId} of OU ${orgId}`,
    keyword: inputs.keyword,
    adopt: inputs.adopt,
    create: () => client.appService.createPermission(orgId, write),
    list: () => client.appService.listPermissions(orgId, appId),
    update: (id) => client.appService.updatePermission(orgId, { ...write, id }),
    matches: (live) => sameSettings(writeOf(live), { ...write }),
    stateOf: (live) => ({ ...raw, ...permissionInputsOf(live, raw), ...computedOf(live) }),
  });
  return { id: object.id, outs: stateOf(raw, object) };
}

async function readPermission(id: string, props: Props): Promise<dynamic.ReadResult> {
  const orgId = resolveOrgId(storedString(props, "orgId"));
  const appId = storedString(props, "appId");
  if (appId === undefined) throw new Error(`the stored state of permission '${id}' has no appId`);
  const client = clientFor();
  const wording = {
    resource: RESOURCE,
    missing: `no permission with this id in app ${appId} of OU ${orgId}`,
    parentGone: `its app '${appId}' no longer exists in OU ${orgId}`,
  };
  const permission = await findLive(() => loadPermissions(client, { orgId, appId }), id, wording);
  if (permission === undefined) return {};
  const inputs = permissionInputsOf(permission, { ...props, orgId });
  return { id, props: { ...inputs, ...computedOf(permission) }, inputs };
}

/** The AppPermission provider: see the file comment. */
export const appPermissionProvider = defineProvider(
  RESOURCE,
  {
    check: checkWith(checkAppPermission),
    diff: (_id, olds, news) => diffResult(olds, news, appPermissionReplaceOn),
    create: (inputs) => createPermission(clientFor(), inputs),
    read: readPermission,
    update: async (id, olds, news) => ({
      outs: await updateKeywordObject({
        noun: "permission",
        id,
        olds,
        news,
        writeOf: (inputs) => permissionWrite(inputs as AppPermissionInputs),
        computed: appPermissionOutputKeys,
        put: (write) => clientFor().appService.updatePermission((news as AppPermissionInputs).orgId, { ...write, id }),
        stateOf: (permission) => stateOf(news, permission),
      }),
    }),
    async delete(id, props) {
      const orgId = resolveOrgId(storedString(props, "orgId"));
      await deleteUnlessGone(() => clientFor().appService.deletePermission(orgId, id));
    },
  },
  { ownsObject: true },
);

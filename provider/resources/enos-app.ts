/**
 * EnosApp: an application registered in an OU (enos-app-service apps; design §4). Create is keyed by `keyword`
 * (adopt, lost-response recovery: keyword-objects.ts); read lists the OU's apps through the coalescing loader.
 * The app's `secretKey` is an output only: no message built here ever contains it.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isNotFound, type App, type AppWrite, type EnosClient } from "../client";
import { clientFor, resolveOrgId } from "../context";
import { checkEnosApp, enosAppReplaceOn, type EnosAppInputs, enosAppOutputKeys } from "../inputs";
import {
  inputFields,
  liveI18n,
  liveOptionalI18n,
  liveOptionalText,
  sameSettings,
  storedString,
} from "./app-field-mapping";
import { loadApps } from "./app-loaders";
import { deleteUnlessGone, findLive, updateKeywordObject } from "./keyword-lifecycle";
import { createByKeyword } from "./keyword-objects";
import { checkWith, defineProvider, definedOnly, diffResult } from "./provider-kit";

const RESOURCE = "EnosApp";

type Props = Record<string, unknown>;

/** The Create/Update App body for checked inputs (`type` "web" -> 0, "mobile" -> 1). */
export function appWrite(inputs: EnosAppInputs): AppWrite {
  return {
    name: inputs.name,
    category: inputs.category,
    type: inputs.type === "mobile" ? 1 : 0,
    keyword: inputs.keyword,
    ...(inputs.description !== undefined && { description: inputs.description }),
    ...(inputs.icon !== undefined && { icon: inputs.icon }),
    ...(inputs.url !== undefined && { url: inputs.url }),
  };
}

/** The write body a live app corresponds to, for "does adoption need a PUT?". */
function writeOf(app: App): Props {
  const { name, description, categoryId, type, keyword, icon, url } = app;
  return { name, description, category: categoryId, type, keyword, icon, url };
}

/** "web"/"mobile" for the wire's 0/1; any other value is kept visible (as a string) so it shows up as drift. */
function typeName(type: number): string {
  if (type === 0) return "web";
  return type === 1 ? "mobile" : String(type);
}

/** The input-shaped view of a live app; `stored` supplies what the API does not return (orgId, adopt, url ""). */
export function appInputsOf(app: App, stored: Props): Props {
  return definedOnly({
    orgId: stored["orgId"],
    name: liveI18n(app.name),
    description: liveOptionalI18n(app.description),
    category: app.categoryId,
    type: typeName(app.type),
    keyword: app.keyword ?? undefined,
    icon: liveOptionalText(app.icon, stored["icon"]),
    url: liveOptionalText(app.url, stored["url"]),
    adopt: stored["adopt"] ?? false,
  });
}

/** The computed outputs; a secretKey the service withholds (null) keeps the one already in state. */
function computedOf(app: App, stored: Props): Props {
  return definedOnly({
    accessKey: app.accessKey,
    secretKey: app.secretKey ?? stored["secretKey"],
    categoryName: app.categoryName,
    organizationName: app.organizationName,
    createdAt: app.createdAt,
    status: app.status,
  });
}

/** Full state after a write that applied `inputs`. */
function stateOf(inputs: Props, app: App, stored: Props): Props {
  return definedOnly({ ...inputFields(inputs), ...computedOf(app, stored) });
}

/**
 * The Create App POST. EnOS answers an unknown category (or OU) with not-found, and no documented API lists the
 * categories, so `check` cannot catch it at preview: the error says which inputs to look at.
 */
async function postApp(client: EnosClient, orgId: string, write: AppWrite): Promise<App> {
  try {
    return await client.appService.createApp(orgId, write);
  } catch (error) {
    if (!isNotFound(error) || !(error instanceof Error)) throw error;
    const hint = `check \`category\` (${write.category}: it must be an application category of OU ${orgId}) and \`orgId\``;
    throw new Error(`${error.message}; ${hint}`, { cause: error });
  }
}

async function createApp(client: EnosClient, raw: Props): Promise<dynamic.CreateResult> {
  const inputs = raw as EnosAppInputs;
  const { orgId } = inputs;
  const write = appWrite(inputs);
  const object = await createByKeyword<App>({
    resource: RESOURCE,
    noun: "app",
    scope: `OU ${orgId}`,
    keyword: inputs.keyword,
    adopt: inputs.adopt,
    create: () => postApp(client, orgId, write),
    list: () => client.appService.listApps(orgId),
    update: (id) => client.appService.updateApp(orgId, { ...write, id }),
    matches: (live) => sameSettings(writeOf(live), { ...write }),
    // The live app's own settings, since the PUT that would have applied the inputs failed.
    stateOf: (live) => ({ ...raw, ...appInputsOf(live, raw), ...computedOf(live, {}) }),
  });
  return { id: object.id, outs: stateOf(raw, object, {}) };
}

async function readApp(id: string, props: Props): Promise<dynamic.ReadResult> {
  const orgId = resolveOrgId(storedString(props, "orgId"));
  const client = clientFor();
  const wording = { resource: RESOURCE, missing: `no app with this id in OU ${orgId}` };
  const app = await findLive(() => loadApps(client, orgId), id, wording);
  if (app === undefined) return {};
  const inputs = appInputsOf(app, { ...props, orgId });
  return { id, props: { ...inputs, ...computedOf(app, props) }, inputs };
}

/** The EnosApp provider: see the file comment. */
export const enosAppProvider = defineProvider(
  RESOURCE,
  {
    check: checkWith(checkEnosApp),
    diff: (_id, olds, news) => diffResult(olds, news, enosAppReplaceOn),
    create: (inputs) => createApp(clientFor(), inputs),
    read: readApp,
    update: async (id, olds, news) => ({
      outs: await updateKeywordObject({
        noun: "app",
        id,
        olds,
        news,
        writeOf: (inputs) => appWrite(inputs as EnosAppInputs),
        computed: enosAppOutputKeys,
        put: (write) => clientFor().appService.updateApp((news as EnosAppInputs).orgId, { ...write, id }),
        stateOf: (app) => stateOf(news, app, olds),
      }),
    }),
    async delete(id, props) {
      const orgId = resolveOrgId(storedString(props, "orgId"));
      await deleteUnlessGone(() => clientFor().appService.deleteApp(orgId, id));
    },
  },
  { ownsObject: true },
);

/**
 * EnosApp: an application registered in an OU (enos-app-service apps). The app's `secretKey` is an output only: no
 * message built here ever contains it.
 */
import { isNotFound, type App, type AppWrite, type EnosClient } from "../../client";
import { enosAppSchema, type ComputedOf, type EnosAppInputs } from "../../inputs";
import { defineProvider, type LiveOf } from "../kit/define-provider";
import type { StoredOf } from "../kit/stored-state";
import { keywordOperations, type KeywordApi, type Place } from "./keyword-operations";
import { liveI18n, liveOptionalI18n, liveOptionalText } from "./live-fields";
import { loadApps } from "./loaders";

type Stored = StoredOf<typeof enosAppSchema>;

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

/** "web"/"mobile" for the wire's 0/1; any other value is kept visible (as a string) so it shows up as drift. */
function typeName(type: number): string {
  if (type === 0) return "web";
  return type === 1 ? "mobile" : String(type);
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

function appApi(client: EnosClient, { orgId }: Place): KeywordApi<App, AppWrite> {
  return {
    create: (write) => postApp(client, orgId, write),
    update: (id, write) => client.appService.updateApp(orgId, { ...write, id }),
    remove: (id) => client.appService.deleteApp(orgId, id),
    list: () => client.appService.listApps(orgId),
    load: () => loadApps(client, orgId),
  };
}

/** The EnosApp provider. */
export const enosAppProvider = defineProvider(
  { name: "EnosApp", schema: enosAppSchema, ownsObject: true },
  keywordOperations({
    name: "EnosApp",
    noun: "app",
    place: (_source, orgId): Place => ({ orgId }),
    scope: ({ orgId }) => `OU ${orgId}`,
    api: appApi,
    write: appWrite,
    liveWrite: ({ name, description, categoryId, type, keyword, icon, url }: App) => ({
      name,
      description,
      category: categoryId,
      type,
      keyword,
      icon,
      url,
    }),
    liveInputs: (app: App, stored: Stored): LiveOf<typeof enosAppSchema> => ({
      orgId: stored.orgId,
      name: liveI18n(app.name),
      description: liveOptionalI18n(app.description),
      category: app.categoryId,
      type: typeName(app.type),
      keyword: app.keyword ?? undefined,
      icon: liveOptionalText(app.icon, stored.icon),
      url: liveOptionalText(app.url, stored.url),
      adopt: stored.adopt ?? false,
    }),
    // A secretKey the service withholds (null) keeps the one already in state.
    computed: (app: App, stored: Stored): ComputedOf<typeof enosAppSchema> => ({
      accessKey: app.accessKey,
      secretKey: app.secretKey ?? ("secretKey" in stored ? stored.secretKey : undefined),
      categoryName: app.categoryName,
      organizationName: app.organizationName,
      createdAt: app.createdAt,
      status: app.status,
    }),
    gone: { missing: ({ orgId }) => `no app with this id in OU ${orgId}` },
  }),
);

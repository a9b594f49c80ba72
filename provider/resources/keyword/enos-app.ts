/**
 * EnosApp: an application registered in an OU (enos-app-service apps). The app's `secretKey` is an output only: no
 * message built here ever contains it.
 */
import { isNotFound, type App, type AppWrite, type EnosClient } from "../../client";
import { enosAppSchema, type ComputedOf, type EnosAppInputs, type Props } from "../../inputs";
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

/** An app's place: its OU (and the keyword, for messages). */
interface AppPlace extends Place {
  keyword?: string | undefined;
}

function appApi(client: EnosClient, { orgId }: AppPlace): KeywordApi<App, AppWrite> {
  return {
    create: (write) => postApp(client, orgId, write),
    update: (id, write) => client.appService.updateApp(orgId, { ...write, id }),
    remove: (id) => client.appService.deleteApp(orgId, id),
    list: () => client.appService.listApps(orgId),
    load: () => loadApps(client, orgId),
  };
}

/**
 * The next `up` after a refresh found the app gone. Refused by default: a new app has a new id and new credentials,
 * so a silent recreate breaks every client of the app (README "A deleted app").
 */
function recreateRefusal(id: string, olds: Props): string {
  const keyword = typeof olds["keyword"] === "string" ? `, keyword '${olds["keyword"]}'` : "";
  const orgId = typeof olds["orgId"] === "string" ? ` of OU ${olds["orgId"]}` : "";
  return (
    `app '${id}'${keyword}${orgId} was deleted outside Pulumi (a refresh found it gone); creating it again makes ` +
    "a new app with a new id and new accessKey and secretKey, and every client using the old keys stops working: " +
    "set `recreateIfDeleted: true` to create it again, or remove this EnosApp from the program to drop it from " +
    "the stack"
  );
}

/** The EnosApp provider. */
export const enosAppProvider = defineProvider(
  {
    name: "EnosApp",
    schema: enosAppSchema,
    ownsObject: true,
    keepWhenGone: { allowedBy: "recreateIfDeleted", refusal: recreateRefusal },
  },
  keywordOperations({
    name: "EnosApp",
    noun: "app",
    // The keyword travels with the place only to name a vanished app in the refresh warning.
    place: (source, orgId): AppPlace => ({ orgId, keyword: source.keyword }),
    scope: ({ orgId }: AppPlace) => `OU ${orgId}`,
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
      recreateIfDeleted: stored.recreateIfDeleted,
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
    gone: {
      missing: ({ orgId, keyword }: AppPlace) =>
        `no app with this id in OU ${orgId}${keyword === undefined ? "" : `; its keyword was '${keyword}'`}`,
      outcome:
        "it stays in the stack marked as deleted, and the next `pulumi up` stops at this EnosApp instead of " +
        "creating a new app, which would get a new id and new accessKey and secretKey: set " +
        "`recreateIfDeleted: true` to create it again, or remove the resource from the program",
      recovery:
        "run `pulumi refresh`: it marks the app as deleted, and `recreateIfDeleted: true` lets the next " +
        "`pulumi up` create a new one (with a new id and new accessKey and secretKey)",
    },
  }),
);

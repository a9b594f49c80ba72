/**
 * Read-only lookups for programs (and the command-line tools): listings of an OU's roles, user groups and apps, and
 * singular lookups of one role, user group, app or device. They run in the program process, with the stack config
 * the caller passes. Every failure is a {@link LookupError} "<lookup> failed: ..." naming the argument or setting.
 */
import type { App, Device, DeviceRef, EnosClient, NamedRef } from "./client";
import { resolveSettings, type ConfigSource, type EnosSettings } from "./config";
import { clientFor, resolveOrgId } from "./context";
import { identityArg, localisedArgs, onlyIdentity, parseArgs, scopeArgs, type Locale } from "./lookup-args";
import { LookupError, lookupFailure, type LookupName } from "./lookup-error";
import { pickOne } from "./lookup-match";

export type { NamedRef } from "./client";
export { LOCALES, type Locale } from "./lookup-args";
export { LookupError, type LookupName };

/**
 * `T`'s declared fields without `drop`. The index signature of the client types is dropped too: the extra fields
 * are still there at run time, but an index signature would hide the declared ones from `Output<T>`'s lifting
 * (`getDeviceOutput(...).assetId`).
 */
type Summary<T, drop extends string> = {
  [K in keyof T as string extends K ? never : number extends K ? never : K extends drop ? never : K]: T[K];
};
/** An app as the lookups return it: never its secret key. */
export type AppSummary = Summary<App, "secretKey">;
/** A device as the lookups return it: never its device secret. */
export type DeviceSummary = Summary<Device, "deviceSecret">;

/** Arguments of every lookup. */
export interface ScopeArgs {
  orgId?: string;
}
/** Arguments of the lookups that return names. */
export interface LocalisedArgs extends ScopeArgs {
  locale?: Locale;
}
/** A role or user group by its name (in `locale`) or its id. */
export interface NamedRefArgs extends LocalisedArgs {
  name?: string;
  id?: string;
}
/** An app by its name (in any of its languages), its id or its keyword. */
export interface AppArgs extends ScopeArgs {
  name?: string;
  id?: string;
  keyword?: string;
}
/** A device by asset id, or by product key + device key. */
export interface DeviceArgs extends ScopeArgs {
  assetId?: string;
  productKey?: string;
  deviceKey?: string;
}

interface Context {
  client: EnosClient;
  orgId: string;
  settings: EnosSettings;
}

/** The client and OU for a lookup; a missing or invalid setting fails as the lookup's error. */
function contextOf(lookup: LookupName, config: ConfigSource, orgId: string | undefined): Context {
  try {
    const settings = resolveSettings(config);
    return { client: clientFor(settings), orgId: resolveOrgId(orgId, settings), settings };
  } catch (error) {
    throw lookupFailure(lookup, error, "the EnOS connection");
  }
}

async function wrapped<T>(lookup: LookupName, context: Context, subject: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw lookupFailure(lookup, error, subject, context.settings);
  }
}

// Roles and user groups are not created by any resource of this package, so one listing per client, OU and locale
// serves a whole program run: ten getRole calls cost one request. Apps are never cached (EnosApp creates them).
const listings = new WeakMap<EnosClient, Map<string, Promise<NamedRef[]>>>();

function cachedListing(client: EnosClient, key: string, list: () => Promise<NamedRef[]>): Promise<NamedRef[]> {
  let byKey = listings.get(client);
  if (byKey === undefined) listings.set(client, (byKey = new Map<string, Promise<NamedRef[]>>()));
  let listing = byKey.get(key);
  if (listing === undefined) {
    listing = list();
    byKey.set(key, listing);
    listing.catch(() => byKey.delete(key)); // a failure is not remembered
  }
  return listing;
}

function listRoles(lookup: LookupName, context: Context, locale: Locale | undefined) {
  const { client, orgId } = context;
  const list = () => client.appPortal.listOrganizationRoles(orgId, locale);
  return wrapped(lookup, context, `OU ${orgId}`, () => cachedListing(client, `roles:${orgId}:${locale ?? ""}`, list));
}

function listUserGroups(lookup: LookupName, context: Context, locale: Locale | undefined) {
  const { client, orgId } = context;
  const list = () => client.appPortal.listOrganizationUserGroups(orgId, locale);
  return wrapped(lookup, context, `OU ${orgId}`, () => cachedListing(client, `groups:${orgId}:${locale ?? ""}`, list));
}

async function listApps(lookup: LookupName, context: Context): Promise<AppSummary[]> {
  const { client, orgId } = context;
  const apps = await wrapped(lookup, context, `OU ${orgId}`, () => client.appService.listApps(orgId));
  return apps.map(({ secretKey: _secret, ...app }) => app);
}

/** Every role of the OU as `{ id, name }`. */
export async function getOrganizationRoles(config: ConfigSource, args: LocalisedArgs = {}): Promise<NamedRef[]> {
  const parsed = parseArgs("getOrganizationRoles", localisedArgs, args);
  return listRoles("getOrganizationRoles", contextOf("getOrganizationRoles", config, parsed.orgId), parsed.locale);
}

/** Every user group of the OU as `{ id, name }`. */
export async function getUserGroups(config: ConfigSource, args: LocalisedArgs = {}): Promise<NamedRef[]> {
  const parsed = parseArgs("getUserGroups", localisedArgs, args);
  return listUserGroups("getUserGroups", contextOf("getUserGroups", config, parsed.orgId), parsed.locale);
}

/** Every app registered in the OU, without secret keys. */
export async function getApps(config: ConfigSource, args: ScopeArgs = {}): Promise<AppSummary[]> {
  const parsed = parseArgs("getApps", scopeArgs, args);
  return listApps("getApps", contextOf("getApps", config, parsed.orgId));
}

const namedRefArgs = { ...localisedArgs, name: identityArg, id: identityArg };

/** One role or user group out of `list`, by name (in the listing's locale) or id. */
async function getNamedRef(
  lookup: "getRole" | "getUserGroup",
  noun: string,
  config: ConfigSource,
  args: NamedRefArgs,
  list: (lookup: LookupName, context: Context, locale: Locale | undefined) => Promise<NamedRef[]>,
): Promise<NamedRef> {
  const parsed = parseArgs(lookup, namedRefArgs, args);
  const { key, value } = onlyIdentity(lookup, parsed, ["name", "id"], `{ name: "Operator" }`);
  const context = contextOf(lookup, config, parsed.orgId);
  const locale = parsed.locale ?? "en_US";
  const hint =
    parsed.locale === undefined && key === "name" ? "pass `locale` to match names in another language" : undefined;
  return pickOne(await list(lookup, context, parsed.locale), {
    lookup,
    noun,
    where: key === "name" ? `OU ${context.orgId} (names in ${locale})` : `OU ${context.orgId}`,
    argument: key,
    wanted: value,
    valuesOf: (ref) => [key === "name" ? ref.name : ref.id],
    describe: (ref) => `'${ref.name}' (${ref.id})`,
    ...(hint === undefined ? {} : { hint }),
  });
}

/** One role of the OU, by `name` (in `locale`, default en_US) or by `id`. */
export function getRole(config: ConfigSource, args: NamedRefArgs): Promise<NamedRef> {
  return getNamedRef("getRole", "role", config, args, listRoles);
}

/** One user group of the OU, by `name` (in `locale`, default en_US) or by `id`. */
export function getUserGroup(config: ConfigSource, args: NamedRefArgs): Promise<NamedRef> {
  return getNamedRef("getUserGroup", "user group", config, args, listUserGroups);
}

const appArgs = { ...scopeArgs, name: identityArg, id: identityArg, keyword: identityArg };

/** The display name of an app in messages: its default name, else any. */
function appName(app: AppSummary): string {
  return app.name["default"] ?? Object.values(app.name)[0] ?? "";
}

/** One app of the OU (without its secret key), by `name` (in any of its languages), `id` or `keyword`. */
export async function getApp(config: ConfigSource, args: AppArgs): Promise<AppSummary> {
  const parsed = parseArgs("getApp", appArgs, args);
  const { key, value } = onlyIdentity("getApp", parsed, ["name", "id", "keyword"], `{ keyword: "energy-mgmt" }`);
  const context = contextOf("getApp", config, parsed.orgId);
  const valuesOf = (app: AppSummary): string[] => {
    if (key === "name") return Object.values(app.name);
    return [(key === "id" ? app.id : app.keyword) ?? ""];
  };
  return pickOne(await listApps("getApp", context), {
    lookup: "getApp",
    noun: "app",
    where: `OU ${context.orgId}`,
    argument: key,
    wanted: value,
    valuesOf,
    describe: (app) => `'${appName(app)}' (${app.id}${app.keyword ? `, keyword ${app.keyword}` : ""})`,
  });
}

const deviceArgs = { ...scopeArgs, assetId: identityArg, productKey: identityArg, deviceKey: identityArg };

/** The device reference in `args`: `assetId`, or `productKey` with `deviceKey`, else which argument is wrong. */
function deviceRefOf({ assetId, productKey, deviceKey }: { [K in keyof DeviceArgs]?: string | undefined }): DeviceRef {
  if (assetId !== undefined && productKey === undefined && deviceKey === undefined) return { assetId };
  if (assetId === undefined && productKey !== undefined && deviceKey !== undefined) return { productKey, deviceKey };
  const how = "give `assetId`, or `productKey` and `deviceKey`";
  const [argument, problem] =
    assetId !== undefined
      ? ["assetId", "`assetId` and `productKey`/`deviceKey` are both given"]
      : productKey !== undefined
        ? ["deviceKey", "`deviceKey` is required with `productKey`"]
        : deviceKey !== undefined
          ? ["productKey", "`productKey` is required with `deviceKey`"]
          : ["assetId", "say which device"];
  throw new LookupError("getDevice", `${problem}: ${how}`, { argument });
}

/** One device by asset id or product key + device key, without its device secret. */
export async function getDevice(config: ConfigSource, args: DeviceArgs): Promise<DeviceSummary> {
  const parsed = parseArgs("getDevice", deviceArgs, args);
  const ref = deviceRefOf(parsed);
  const context = contextOf("getDevice", config, parsed.orgId);
  const named =
    "assetId" in ref ? `assetId '${ref.assetId}'` : `productKey '${ref.productKey}' and deviceKey '${ref.deviceKey}'`;
  const subject = `a device with ${named} in OU ${context.orgId}`;
  const { deviceSecret: _secret, ...device } = await wrapped("getDevice", context, subject, () =>
    context.client.connect.getDevice(context.orgId, ref),
  );
  return device;
}

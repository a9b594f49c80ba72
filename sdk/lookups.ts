import * as pulumi from "@pulumi/pulumi";
import * as provider from "../provider/lookups";
import type { DeviceIdentity } from "./types";

export type { AppSummary, DeviceSummary, Locale, NamedRef } from "../provider/lookups";

/** Common arguments of the lookups. */
export interface LookupArgs {
  /** OU to look in. Default: the provider setting `enos:orgId`. */
  orgId?: string;
}

/** Arguments of lookups that return localised names. */
export interface LocalisedLookupArgs extends LookupArgs {
  /** Language of the names returned and matched (the Application Portal's locales). Default `en_US`. */
  locale?: provider.Locale;
}

/** Exactly one of `K`'s keys, each of type `T`; the others must be absent. */
type OneOf<K extends string, T> = { [Only in K]: { [Key in Only]: T } & { [Other in Exclude<K, Only>]?: never } }[K];

/** A role or user group by its `name` (in `locale`) or its `id`, e.g. `{ name: "Operator" }`. */
export type NamedRefLookupArgs = LocalisedLookupArgs & OneOf<"name" | "id", string>;
/** An app by its `name` (in any of its languages), its `id` or its `keyword`, e.g. `{ keyword: "energy-mgmt" }`. */
export type AppLookupArgs = LookupArgs & OneOf<"name" | "id" | "keyword", string>;
/** A device by `assetId`, or by `productKey` + `deviceKey`. */
export type DeviceLookupArgs = LookupArgs & DeviceIdentity<string>;

/** {@link NamedRefLookupArgs} of an `...Output` lookup: every argument may be an Input. */
export type NamedRefLookupOutputArgs = { orgId?: pulumi.Input<string>; locale?: pulumi.Input<provider.Locale> } & OneOf<
  "name" | "id",
  pulumi.Input<string>
>;
/** {@link AppLookupArgs} of {@link getAppOutput}: every argument may be an Input. */
export type AppLookupOutputArgs = { orgId?: pulumi.Input<string> } & OneOf<
  "name" | "id" | "keyword",
  pulumi.Input<string>
>;
/** {@link DeviceLookupArgs} of {@link getDeviceOutput}: every argument may be an Input. */
export type DeviceLookupOutputArgs = { orgId?: pulumi.Input<string> } & DeviceIdentity<pulumi.Input<string>>;

// Lookups run in the program process, where stack config is read through the runtime (secrets included, so the
// secret key never has to be passed around as an Output) with the same ENOS_* fallbacks as the provider.
const stackConfig = { get: (key: string): string | undefined => pulumi.runtime.getConfig(key) };

/**
 * Runs a lookup, turning its failure into a `RunError`: Pulumi prints a RunError's message once, without the stack
 * trace and the colourised object dump it gives other uncaught errors (`@pulumi/pulumi` cmd/run).
 */
async function lookup<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!provider.LookupError.isInstance(error)) throw error;
    throw new pulumi.RunError(error.message, { cause: error });
  }
}

/** The Output form of a lookup: runs once every argument is known (during preview it may stay unknown). */
function lookupOutput<A extends object, T>(args: A, run: (resolved: pulumi.Unwrap<A>) => Promise<T>): pulumi.Output<T> {
  return pulumi.output(args).apply<T>((resolved) => run(resolved));
}

/** Every role of an OU, e.g. to show what {@link getRole} can find. */
export function getOrganizationRoles(args: LocalisedLookupArgs = {}): Promise<provider.NamedRef[]> {
  return lookup(() => provider.getOrganizationRoles(stackConfig, args));
}

/** Every user group of an OU. */
export function getUserGroups(args: LocalisedLookupArgs = {}): Promise<provider.NamedRef[]> {
  return lookup(() => provider.getUserGroups(stackConfig, args));
}

/** Every app registered in an OU (without secret keys). */
export function getApps(args: LookupArgs = {}): Promise<provider.AppSummary[]> {
  return lookup(() => provider.getApps(stackConfig, args));
}

/**
 * One role of an OU, by name or id: `(await getRole({ name: "Device Administrator" })).id`. Fails, naming the
 * closest names, when no role or more than one has that name.
 */
export function getRole(args: NamedRefLookupArgs): Promise<provider.NamedRef> {
  return lookup(() => provider.getRole(stackConfig, args));
}

/** {@link getRole} over Inputs: `getRoleOutput({ name: config.require("role") }).id`. */
export function getRoleOutput(args: NamedRefLookupOutputArgs): pulumi.Output<provider.NamedRef> {
  return lookupOutput(args, getRole);
}

/** One user group of an OU, by name or id; fails, naming the closest names, unless exactly one matches. */
export function getUserGroup(args: NamedRefLookupArgs): Promise<provider.NamedRef> {
  return lookup(() => provider.getUserGroup(stackConfig, args));
}

/** {@link getUserGroup} over Inputs. */
export function getUserGroupOutput(args: NamedRefLookupOutputArgs): pulumi.Output<provider.NamedRef> {
  return lookupOutput(args, getUserGroup);
}

/** One app of an OU (without its secret key), by name, id or keyword; fails unless exactly one matches. */
export function getApp(args: AppLookupArgs): Promise<provider.AppSummary> {
  return lookup(() => provider.getApp(stackConfig, args));
}

/** {@link getApp} over Inputs, e.g. `getAppOutput({ id: app.id })`. */
export function getAppOutput(args: AppLookupOutputArgs): pulumi.Output<provider.AppSummary> {
  return lookupOutput(args, getApp);
}

/** One device, by `assetId` or by `productKey` + `deviceKey` (without its device secret). */
export function getDevice(args: DeviceLookupArgs): Promise<provider.DeviceSummary> {
  return lookup(() => provider.getDevice(stackConfig, args));
}

/** {@link getDevice} over Inputs. */
export function getDeviceOutput(args: DeviceLookupOutputArgs): pulumi.Output<provider.DeviceSummary> {
  return lookupOutput(args, getDevice);
}

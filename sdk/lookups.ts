import * as pulumi from "@pulumi/pulumi";
import * as provider from "../provider/lookups";

export type { AppSummary, DeviceSummary, NamedRef } from "../provider/lookups";

/** Common arguments of the lookups. */
export interface LookupArgs {
  /** OU to look in. Default: the provider setting `enos:orgId`. */
  orgId?: string;
}

/** Arguments of lookups that return localised names. */
export interface LocalisedLookupArgs extends LookupArgs {
  /** Name language: `en_US` (default), `zh_CN`, `es_ES`, `ja_JP`, `de_DE` or `pl_PL`. */
  locale?: string;
}

// Lookups run in the program process, where stack config is read through the runtime (secrets included, so the
// secret key never has to be passed around as an Output) with the same ENOS_* fallbacks as the provider.
const stackConfig = { get: (key: string): string | undefined => pulumi.runtime.getConfig(key) };

/** Every role of an OU, e.g. to grant roles by name: `roles.find((r) => r.name === "Device Administrator")!.id`. */
export function getOrganizationRoles(args: LocalisedLookupArgs = {}): Promise<provider.NamedRef[]> {
  return provider.getOrganizationRoles(stackConfig, args);
}

/** Every user group of an OU. */
export function getUserGroups(args: LocalisedLookupArgs = {}): Promise<provider.NamedRef[]> {
  return provider.getUserGroups(stackConfig, args);
}

/** Every app registered in an OU (without secret keys). */
export function getApps(args: LookupArgs = {}): Promise<provider.AppSummary[]> {
  return provider.getApps(stackConfig, args);
}

/** One device, by `assetId` or by `productKey` + `deviceKey` (without its device secret). */
export function getDevice(
  args: LookupArgs & ({ assetId: string } | { productKey: string; deviceKey: string }),
): Promise<provider.DeviceSummary> {
  return provider.getDevice(stackConfig, args);
}

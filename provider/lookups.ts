import type { App, Device, NamedRef } from "./client";
import { resolveSettings, type ConfigSource } from "./config";
import { clientFor, resolveOrgId } from "./context";

export type { NamedRef } from "./client";

/** An app as the lookups return it: never its secret key. */
export type AppSummary = Omit<App, "secretKey">;
/** A device as the lookups return it: never its device secret. */
export type DeviceSummary = Omit<Device, "deviceSecret">;

interface LookupArgs {
  orgId?: string;
  locale?: string;
}

function context(config: ConfigSource, args: LookupArgs) {
  const settings = resolveSettings(config);
  return { client: clientFor(settings), orgId: resolveOrgId(args.orgId, settings) };
}

/** Every role of the OU as `{ id, name }`. */
export async function getOrganizationRoles(config: ConfigSource, args: LookupArgs): Promise<NamedRef[]> {
  const { client, orgId } = context(config, args);
  return client.appPortal.listOrganizationRoles(orgId, args.locale);
}

/** Every user group of the OU as `{ id, name }`. */
export async function getUserGroups(config: ConfigSource, args: LookupArgs): Promise<NamedRef[]> {
  const { client, orgId } = context(config, args);
  return client.appPortal.listOrganizationUserGroups(orgId, args.locale);
}

/** Every app registered in the OU, without secret keys. */
export async function getApps(config: ConfigSource, args: LookupArgs): Promise<AppSummary[]> {
  const { client, orgId } = context(config, args);
  const apps = await client.appService.listApps(orgId);
  return apps.map(({ secretKey: _secret, ...app }) => app);
}

/** One device by asset id or product key + device key, without its device secret. */
export async function getDevice(
  config: ConfigSource,
  args: LookupArgs & ({ assetId: string } | { productKey: string; deviceKey: string }),
): Promise<DeviceSummary> {
  const { client, orgId } = context(config, args);
  const ref =
    "assetId" in args ? { assetId: args.assetId } : { productKey: args.productKey, deviceKey: args.deviceKey };
  const { deviceSecret: _secret, ...device } = await client.connect.getDevice(orgId, ref);
  return device;
}

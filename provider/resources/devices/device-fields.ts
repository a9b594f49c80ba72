/** How a DeviceEnablement names its device, and what a device's status means. */
import type { DeviceRef } from "../../client";
import type { DeviceEnablementInputs } from "../../inputs";

/** A disabled device shows status "disable" whatever its connectivity (connect-service Get Device, `status`). */
export function isEnabledStatus(status: string): boolean {
  return status !== "disable";
}

/** `${orgId}/${assetId}`. */
export function deviceId(orgId: string, assetId: string): string {
  return `${orgId}/${assetId}`;
}

/** The OU and asset id a resource id stands for (state of older releases may lack them). */
export function deviceOfId(id: string): { orgId?: string; resolvedAssetId: string } {
  const slash = id.indexOf("/");
  const resolvedAssetId = id.slice(slash + 1);
  return slash > 0 ? { orgId: id.slice(0, slash), resolvedAssetId } : { resolvedAssetId };
}

/** The device as the inputs name it (check guarantees assetId XOR productKey + deviceKey). */
export function deviceRefOf(inputs: DeviceEnablementInputs): DeviceRef {
  if (inputs.assetId !== undefined) return { assetId: inputs.assetId };
  if (inputs.productKey !== undefined && inputs.deviceKey !== undefined) {
    return { productKey: inputs.productKey, deviceKey: inputs.deviceKey };
  }
  throw new Error("DeviceEnablement needs assetId, or productKey and deviceKey");
}

/** "asset 'a-1'" or "productKey 'p' / deviceKey 'd'", for messages. */
export function describeRef(ref: DeviceRef): string {
  return "assetId" in ref ? `asset '${ref.assetId}'` : `productKey '${ref.productKey}' / deviceKey '${ref.deviceKey}'`;
}

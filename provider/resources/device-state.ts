/**
 * DeviceEnablement inputs and stored state, read leniently from the engine's records (checked inputs or outputs),
 * and the output shape. Kept apart from the provider so its methods stay short.
 */
import type { DeviceRef } from "../client";
import { definedOnly } from "./provider-kit";

type Props = Record<string, unknown>;

/** Checked inputs, every value known. */
export interface DeviceState {
  orgId: string;
  assetId?: string;
  productKey?: string;
  deviceKey?: string;
  enabled: boolean;
  restoreOnDelete: boolean;
}

/** What create recorded about the device before touching it. */
export interface DeviceOrigin {
  resolvedAssetId: string;
  originalStatus: string | undefined;
  originalEnabled: boolean | undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** A disabled device shows status "disable" whatever its connectivity (enos-api.md §4). */
export function isEnabledStatus(status: string): boolean {
  return status !== "disable";
}

/** `${orgId}/${assetId}`. */
export function deviceId(orgId: string, assetId: string): string {
  return `${orgId}/${assetId}`;
}

/** Reads checked inputs or stored outputs; `orgId` falls back to the resource id. */
export function readDeviceState(props: Props, id = ""): DeviceState {
  const slash = id.indexOf("/");
  const orgId = text(props["orgId"]) ?? (slash > 0 ? id.slice(0, slash) : undefined);
  if (orgId === undefined) throw new Error(`DeviceEnablement state has no orgId (id '${id}')`);
  const [assetId, productKey, deviceKey] = [props["assetId"], props["productKey"], props["deviceKey"]].map(text);
  return {
    orgId,
    ...(assetId !== undefined && { assetId }),
    ...(productKey !== undefined && { productKey }),
    ...(deviceKey !== undefined && { deviceKey }),
    enabled: props["enabled"] === true,
    restoreOnDelete: props["restoreOnDelete"] !== false,
  };
}

/** The device as the inputs name it (check guarantees assetId XOR productKey + deviceKey). */
export function deviceRefOf(state: DeviceState): DeviceRef {
  if (state.assetId !== undefined) return { assetId: state.assetId };
  if (state.productKey !== undefined && state.deviceKey !== undefined) {
    return { productKey: state.productKey, deviceKey: state.deviceKey };
  }
  throw new Error("DeviceEnablement needs assetId, or productKey and deviceKey");
}

/** "asset 'a-1'" or "productKey 'p' / deviceKey 'd'", for messages. */
export function describeRef(ref: DeviceRef): string {
  return "assetId" in ref ? `asset '${ref.assetId}'` : `productKey '${ref.productKey}' / deviceKey '${ref.deviceKey}'`;
}

/** The origin stored by create; the asset id falls back to the resource id. */
export function readOrigin(props: Props, id: string): DeviceOrigin {
  const slash = id.indexOf("/");
  const resolvedAssetId = text(props["resolvedAssetId"]) ?? text(props["assetId"]) ?? id.slice(slash + 1);
  const originalEnabled = props["originalEnabled"];
  return {
    resolvedAssetId,
    originalStatus: text(props["originalStatus"]),
    originalEnabled: typeof originalEnabled === "boolean" ? originalEnabled : undefined,
  };
}

/** The input-shaped object of `state`. */
export function deviceInputsOf(state: DeviceState): Props {
  return definedOnly({ ...state });
}

/** The full state: inputs + origin + live status. */
export function deviceOutputsOf(state: DeviceState, origin: DeviceOrigin, status: string): Props {
  return definedOnly({ ...state, ...origin, status });
}

/**
 * DeviceEnablement: whether one device may connect (connect-service devices?action=get|enable|disable). It never
 * creates or deletes a device: create records how the device was (originalStatus, originalEnabled) before changing
 * it, and delete puts it back unless `restoreOnDelete` is false. "Already enabled/disabled" is success (the client
 * reports it as "already"). Id: `${orgId}/${assetId}`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { isNotFound, type EnosClient } from "../client";
import { clientFor } from "../context";
import { partialCreateError } from "../failures";
import { checkDeviceEnablement, deviceEnablementReplaceOn } from "../inputs";
import { checkWith, defineProvider, diffResult, warn } from "./provider-kit";
import { mayHaveApplied } from "./grant-reconcile";
import { loadDevice } from "./device-loader";
import {
  describeRef,
  deviceId,
  deviceInputsOf,
  deviceOutputsOf,
  deviceRefOf,
  isEnabledStatus,
  readDeviceState,
  readOrigin,
  type DeviceOrigin,
} from "./device-state";

type Props = Record<string, unknown>;
const RESOURCE = "DeviceEnablement";

/** One enable/disable call by asset id; "already in that state" counts as done. Not found is thrown. */
async function setEnabled(client: EnosClient, orgId: string, assetId: string, enabled: boolean): Promise<void> {
  const ref = { assetId };
  await (enabled ? client.connect.enableDevice(orgId, ref) : client.connect.disableDevice(orgId, ref));
}

/** Sets the device to `enabled`, then reads it back (the verification) and returns its live status. */
async function applyEnabled(client: EnosClient, orgId: string, assetId: string, enabled: boolean): Promise<string> {
  await setEnabled(client, orgId, assetId, enabled);
  const device = await loadDevice(client, orgId, { assetId });
  if (device === undefined) throw new Error(`device '${assetId}' disappeared from OU '${orgId}' while being changed`);
  if (isEnabledStatus(device.status) !== enabled) {
    throw new Error(
      `device '${assetId}' shows status "${device.status}" after it was ${enabled ? "enabled" : "disabled"}; ` +
        "another change may have raced this one, run `pulumi up` again",
    );
  }
  return device.status;
}

async function create(inputs: Props): Promise<dynamic.CreateResult> {
  const state = readDeviceState(inputs);
  const client = clientFor();
  const ref = deviceRefOf(state);
  const device = await loadDevice(client, state.orgId, ref);
  if (device === undefined) {
    throw new Error(`device ${describeRef(ref)} does not exist in OU '${state.orgId}': check the device identity`);
  }
  const origin: DeviceOrigin = {
    resolvedAssetId: device.assetId,
    originalStatus: device.status,
    originalEnabled: isEnabledStatus(device.status),
  };
  const id = deviceId(state.orgId, device.assetId);
  if (origin.originalEnabled === state.enabled) return { id, outs: deviceOutputsOf(state, origin, device.status) };
  try {
    const status = await applyEnabled(client, state.orgId, device.assetId, state.enabled);
    return { id, outs: deviceOutputsOf(state, origin, status) };
  } catch (error) {
    // The device may have changed: record the resource, or its original state (what delete restores) is lost.
    if (!mayHaveApplied(error)) throw error;
    const properties = { ...inputs, ...deviceOutputsOf(state, origin, device.status) };
    throw partialCreateError(id, properties, error instanceof Error ? error.message : String(error), error);
  }
}

/** Only `enabled` touches the device; a change of `restoreOnDelete` alone is bookkeeping, with no EnOS call. */
async function update(id: string, olds: Props, news: Props): Promise<dynamic.UpdateResult> {
  const state = readDeviceState(news);
  const origin = readOrigin(olds, id);
  const storedStatus = olds["status"];
  if (readDeviceState(olds, id).enabled === state.enabled && typeof storedStatus === "string") {
    return { outs: deviceOutputsOf(state, origin, storedStatus) };
  }
  const status = await applyEnabled(clientFor(), state.orgId, origin.resolvedAssetId, state.enabled);
  return { outs: deviceOutputsOf(state, origin, status) };
}

async function read(id: string, props: Props): Promise<dynamic.ReadResult> {
  const stored = readDeviceState(props, id);
  const origin = readOrigin(props, id);
  const device = await loadDevice(clientFor(), stored.orgId, { assetId: origin.resolvedAssetId });
  if (device === undefined) {
    warn(
      `${RESOURCE} '${id}': device '${origin.resolvedAssetId}' no longer exists in OU '${stored.orgId}' (deleted ` +
        "outside Pulumi); the resource is removed from the stack, and the next `pulumi up` fails until the device " +
        "exists again or the resource is removed from the program",
    );
    return {};
  }
  const live = { ...stored, enabled: isEnabledStatus(device.status) };
  return { id, props: deviceOutputsOf(live, origin, device.status), inputs: deviceInputsOf(live) };
}

/** Restores the recorded enablement (never deletes the device); a device already gone is success. */
async function remove(id: string, props: Props): Promise<void> {
  const state = readDeviceState(props, id);
  const origin = readOrigin(props, id);
  if (!state.restoreOnDelete || origin.originalEnabled === undefined) return;
  try {
    await setEnabled(clientFor(), state.orgId, origin.resolvedAssetId, origin.originalEnabled);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** The DeviceEnablement dynamic provider. */
export const deviceEnablementProvider = defineProvider(
  RESOURCE,
  {
    check: checkWith(checkDeviceEnablement),
    // Delete before replace: a replacement aimed at the same device must restore it before recording the new origin.
    diff: (_id, olds, news) => diffResult(olds, news, deviceEnablementReplaceOn, true),
    create,
    read,
    update,
    delete: remove,
  },
  {
    ownsObject: true,
    // A create-first replacement records the state this resource had set as its own original one.
    claimedDeleteNote:
      "; the device keeps the state the new resource set, and the new resource took that as the device's original " +
      "state, so its delete will not bring back the earlier one (use `aliases` when renaming)",
  },
);

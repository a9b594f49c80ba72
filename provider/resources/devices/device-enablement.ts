/**
 * DeviceEnablement: whether one device may connect (connect-service devices?action=get|enable|disable). It never
 * creates or deletes a device: create records how the device was (originalStatus, originalEnabled) before changing
 * it, and delete puts it back unless `restoreOnDelete` is false. "Already enabled/disabled" is success (the client
 * reports it as "already"). Id: `<orgId>/<assetId>`.
 */
import { isNotFound, mayHaveTakenEffect, type EnosClient } from "../../client";
import { clientFor } from "../../context";
import { messageOf, partialCreateError } from "../../failures";
import { deviceEnablementSchema, type DeviceEnablementInputs } from "../../inputs";
import { defineProvider } from "../kit/define-provider";
import type { StoredOf } from "../kit/stored-state";
import { warn } from "../kit/warn";
import { describeRef, deviceId, deviceOfId, deviceRefOf, isEnabledStatus } from "./device-fields";
import { loadDevice } from "./device-loader";

type Stored = StoredOf<typeof deviceEnablementSchema, "orgId" | "resolvedAssetId">;

/** What create recorded about the device before touching it. */
interface Origin {
  resolvedAssetId: string;
  originalStatus: string | undefined;
  originalEnabled: boolean | undefined;
}

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

async function create(inputs: DeviceEnablementInputs) {
  const client = clientFor();
  const ref = deviceRefOf(inputs);
  const device = await loadDevice(client, inputs.orgId, ref);
  if (device === undefined) {
    throw new Error(`device ${describeRef(ref)} does not exist in OU '${inputs.orgId}': check the device identity`);
  }
  const origin: Origin = {
    resolvedAssetId: device.assetId,
    originalStatus: device.status,
    originalEnabled: isEnabledStatus(device.status),
  };
  const id = deviceId(inputs.orgId, device.assetId);
  if (origin.originalEnabled === inputs.enabled)
    return { id, outputs: { ...inputs, ...origin, status: device.status } };
  try {
    const status = await applyEnabled(client, inputs.orgId, device.assetId, inputs.enabled);
    return { id, outputs: { ...inputs, ...origin, status } };
  } catch (error) {
    // The device may have changed: record the resource, or its original state (what delete restores) is lost.
    if (!mayHaveTakenEffect(error)) throw error;
    throw partialCreateError(id, { ...inputs, ...origin, status: device.status }, messageOf(error), error);
  }
}

function originOf(state: Stored): Origin {
  const { resolvedAssetId, originalStatus, originalEnabled } = state;
  return { resolvedAssetId, originalStatus, originalEnabled };
}

/** Only `enabled` touches the device; a change of `restoreOnDelete` alone is bookkeeping, with no EnOS call. */
async function update(_id: string, olds: Stored, news: DeviceEnablementInputs) {
  const origin = originOf(olds);
  if (olds.enabled === news.enabled && olds.status !== undefined) return { ...news, ...origin, status: olds.status };
  const status = await applyEnabled(clientFor(), news.orgId, origin.resolvedAssetId, news.enabled);
  return { ...news, ...origin, status };
}

async function read(id: string, state: Stored) {
  const device = await loadDevice(clientFor(), state.orgId, { assetId: state.resolvedAssetId });
  if (device === undefined) {
    warn(
      `DeviceEnablement '${id}': device '${state.resolvedAssetId}' no longer exists in OU '${state.orgId}' (deleted ` +
        "outside Pulumi); the resource is removed from the stack, and the next `pulumi up` fails until the device " +
        "exists again or the resource is removed from the program",
    );
    return undefined;
  }
  return { ...state, enabled: isEnabledStatus(device.status), status: device.status };
}

/** Restores the recorded enablement (never deletes the device); a device already gone is success. */
async function remove(_id: string, state: Stored): Promise<void> {
  if (state.restoreOnDelete === false || state.originalEnabled === undefined) return;
  try {
    await setEnabled(clientFor(), state.orgId, state.resolvedAssetId, state.originalEnabled);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** The DeviceEnablement dynamic provider. */
export const deviceEnablementProvider = defineProvider(
  {
    name: "DeviceEnablement",
    schema: deviceEnablementSchema,
    required: ["orgId", "resolvedAssetId"],
    fromId: deviceOfId,
    // A replacement aimed at the same device must restore it before the new resource records its origin.
    deleteBeforeReplace: true,
    ownsObject: true,
    // A create-first replacement records the state this resource had set as its own original one.
    claimedDeleteNote:
      "; the device keeps the state the new resource set, and the new resource took that as the device's original " +
      "state, so its delete will not bring back the earlier one (use `aliases` when renaming)",
  },
  { create, read, update, delete: remove },
);

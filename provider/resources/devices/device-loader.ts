/**
 * The read path of DeviceEnablement. connect-service has no batch read, so each device costs one `action=get`;
 * the loader still merges concurrent reads of the SAME device (a refresh, or a replace whose delete and create hit
 * one device) into one call, and keeps one failure from rejecting the other devices read in the same window.
 */
import {
  createBatchLoader,
  isNotFound,
  type BatchLoader,
  type Device,
  type DeviceRef,
  type EnosClient,
} from "../../client";
import { perClient } from "../kit/per-client";

/** One device of one OU. */
export interface DeviceKey {
  orgId: string;
  ref: DeviceRef;
}

type Lookup = { kind: "found"; device: Device } | { kind: "gone" } | { kind: "failed"; error: unknown };

function keyOf({ orgId, ref }: DeviceKey): string {
  return "assetId" in ref
    ? JSON.stringify([orgId, ref.assetId])
    : JSON.stringify([orgId, ref.productKey, ref.deviceKey]);
}

const loaderFor = perClient((client: EnosClient): BatchLoader<DeviceKey, Lookup> =>
  createBatchLoader<DeviceKey, Lookup>(
    async (keys) => {
      const result = new Map<DeviceKey, Lookup>();
      const reads = keys.map(async (key) => {
        try {
          result.set(key, { kind: "found", device: await client.connect.getDevice(key.orgId, key.ref) });
        } catch (error) {
          result.set(key, isNotFound(error) ? { kind: "gone" } : { kind: "failed", error });
        }
      });
      await Promise.all(reads);
      return result;
    },
    { keyOf },
  ),
);

/** The device, or undefined when it does not exist (11404); other failures are thrown. */
export async function loadDevice(client: EnosClient, orgId: string, ref: DeviceRef): Promise<Device | undefined> {
  const lookup = await loaderFor(client).load({ orgId, ref });
  if (lookup?.kind === "failed") throw lookup.error;
  return lookup?.kind === "found" ? lookup.device : undefined;
}

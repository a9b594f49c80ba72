/**
 * Typed calls of the Connection service's device actions (connect-service v2.1; EnOS docs: Connection API, Get / Enable
 * / Disable Device). Enabling and disabling are idempotent by nature; "already in that state" (11794/11723) is reported
 * as "already", not thrown.
 */
import { z } from "zod";
import { isAlreadyInState } from "./error-guards";
import type { Caller } from "./pipeline";
import type { QueryParams } from "./signing";
import { id, optionalText } from "./schema-helpers";

/** A device is addressed by assetId, or by productKey + deviceKey. */
export type DeviceRef = { assetId: string } | { productKey: string; deviceKey: string };

/** "disable" is how a disabled device shows, whatever its connectivity. Other values may appear ("mirror"). */
export type DeviceStatus = "online" | "offline" | "inactive" | "disable" | (string & {});

/** A device as `action=get` returns it, minus `deviceSecret` (never needed here, so never kept). */
export interface Device {
  orgId: string;
  assetId: string;
  productKey: string;
  deviceKey: string;
  deviceName: { defaultValue: string; i18nValue?: Record<string, string> };
  status: DeviceStatus;
  [extra: string]: unknown;
}

export interface ConnectApi {
  getDevice(orgId: string, ref: DeviceRef): Promise<Device>;
  enableDevice(orgId: string, ref: DeviceRef): Promise<"changed" | "already">;
  disableDevice(orgId: string, ref: DeviceRef): Promise<"changed" | "already">;
}

const PATH = "/connect-service/v2.1/devices";

const deviceName = z
  .looseObject({ defaultValue: optionalText, i18nValue: z.record(z.string(), z.string()).nullish() })
  .nullish()
  .transform((n) => ({ defaultValue: n?.defaultValue ?? "", ...(n?.i18nValue ? { i18nValue: n.i18nValue } : {}) }));

const deviceSchema: z.ZodType<Device, unknown> = z
  .looseObject({
    orgId: id,
    assetId: id,
    productKey: z.string(),
    deviceKey: z.string(),
    deviceName,
    status: z.string(),
  })
  .transform(({ deviceSecret: _secret, ...device }) => device);

function deviceQuery(action: string, orgId: string, ref: DeviceRef): QueryParams {
  const target = "assetId" in ref ? { assetId: ref.assetId } : { productKey: ref.productKey, deviceKey: ref.deviceKey };
  return { action, orgId, ...target };
}

function setEnabled(call: Caller, action: "enable" | "disable") {
  return async (orgId: string, ref: DeviceRef): Promise<"changed" | "already"> => {
    const query = deviceQuery(action, orgId, ref);
    try {
      await call({ family: "connect", method: "POST", path: PATH, query, idempotent: true, schema: z.unknown() });
      return "changed";
    } catch (error) {
      if (isAlreadyInState(error)) return "already";
      throw error;
    }
  };
}

/** The device API over `call`. */
export function createConnectApi(call: Caller): ConnectApi {
  return {
    getDevice: (orgId, ref) =>
      call({
        family: "connect",
        method: "GET",
        path: PATH,
        query: deviceQuery("get", orgId, ref),
        idempotent: true,
        schema: deviceSchema,
      }),
    enableDevice: setEnabled(call, "enable"),
    disableDevice: setEnabled(call, "disable"),
  };
}

/**
 * DeviceEnablement: whether one device may connect. The device is named either by `assetId` or
 * by `productKey` + `deviceKey` (the two ways connect-service addresses a device), never both.
 */
import { z } from "zod";
import { booleanSchema, idSchema, orgIdSchema } from "./fields";
import type { CheckFailure } from "./issues";
import { resourceSchema, type InputsOf } from "./resource-schema";
import { isUnknown, orUnknown } from "./unknown";

const HOW = "name the device by assetId, or by productKey and deviceKey";

/**
 * Exactly one way of naming the device. An unknown value (preview) may still turn out absent, so it never makes a
 * failure on its own: "both" needs known values on each side, "neither" needs every field absent.
 */
export function deviceIdentityRule(fields: Readonly<Record<string, unknown>>): CheckFailure[] {
  const [asset, product, device] = ["assetId", "productKey", "deviceKey"].map((key) => fields[key]);
  const given = (value: unknown): boolean => value !== undefined;
  const known = (value: unknown): boolean => given(value) && !isUnknown(value);
  if (known(asset) && (known(product) || known(device))) {
    return [{ property: "assetId", reason: `assetId and productKey/deviceKey are both set: ${HOW}, not both` }];
  }
  if (!given(asset) && !given(product) && !given(device)) {
    return [{ property: "assetId", reason: `the device is not identified: ${HOW}` }];
  }
  if (given(asset)) return [];
  if (!given(device)) return [{ property: "deviceKey", reason: `deviceKey is required with productKey: ${HOW}` }];
  if (!given(product)) return [{ property: "productKey", reason: `productKey is required with deviceKey: ${HOW}` }];
  return [];
}

/** The DeviceEnablement interface; `restoreOnDelete` defaults to true. The identity fields pick the device. */
export const deviceEnablementSchema = resourceSchema({
  inputs: z.strictObject({
    orgId: orUnknown(orgIdSchema),
    assetId: orUnknown(idSchema("asset")).optional(),
    productKey: orUnknown(idSchema("product key")).optional(),
    deviceKey: orUnknown(idSchema("device key")).optional(),
    enabled: orUnknown(booleanSchema("true (the device may connect) or false (the device is disabled)")),
    restoreOnDelete: orUnknown(
      booleanSchema("true (on delete, put the device back as it was before) or false (leave it as it is)"),
    ).default(true),
  }),
  outputs: {
    /** The device's asset id, also when the inputs name it by productKey and deviceKey. */
    resolvedAssetId: z.string(),
    /** The device as create first found it: what delete restores. */
    originalStatus: z.string(),
    originalEnabled: z.boolean(),
    /** The live status ("disable" when disabled). */
    status: z.string(),
  },
  replaceOn: ["orgId", "assetId", "productKey", "deviceKey"],
  crossFieldRules: deviceIdentityRule,
});

/** Checked DeviceEnablement inputs, every value known (create/update). */
export type DeviceEnablementInputs = InputsOf<typeof deviceEnablementSchema>;

/**
 * DeviceEnablement inputs (resources.md): whether one device may connect. The device is named either by `assetId` or
 * by `productKey` + `deviceKey` (the two ways connect-service addresses a device), never both.
 */
import { z } from "zod";
import type { CheckFailure } from "./issues";
import { booleanSchema, idSchema, orgIdSchema } from "./fields";
import type { CheckDefaults } from "./org-id";
import { runCheck, type CheckOutcome, type InputSpec, type RawInputs } from "./run-check";
import { isUnknown, orUnknown, type Known } from "./unknown";

/** Validates DeviceEnablement inputs; `restoreOnDelete` defaults to true. */
export const deviceEnablementInputsSchema = z.strictObject({
  orgId: orUnknown(orgIdSchema),
  assetId: orUnknown(idSchema("asset")).optional(),
  productKey: orUnknown(idSchema("product key")).optional(),
  deviceKey: orUnknown(idSchema("device key")).optional(),
  enabled: orUnknown(booleanSchema("true (the device may connect) or false (the device is disabled)")),
  restoreOnDelete: orUnknown(
    booleanSchema("true (on delete, put the device back as it was before) or false (leave it as it is)"),
  ).default(true),
});

/** Checked DeviceEnablement inputs, every value known (create/update). */
export type DeviceEnablementInputs = Known<z.output<typeof deviceEnablementInputsSchema>>;
/** What a program may pass (before defaults and normalisation). */
export type DeviceEnablementRawInputs = RawInputs<typeof deviceEnablementInputsSchema>;

/** Inputs whose change points at another device, so they replace the resource. */
export const deviceEnablementReplaceOn: readonly string[] = ["orgId", "assetId", "productKey", "deviceKey"];

/** Computed outputs; passing one as an input is reported as such. */
export const deviceEnablementOutputKeys: readonly string[] = [
  "resolvedAssetId",
  "originalStatus",
  "originalEnabled",
  "status",
];

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

const spec: InputSpec<typeof deviceEnablementInputsSchema> = {
  schema: deviceEnablementInputsSchema,
  outputKeys: deviceEnablementOutputKeys,
  crossFieldRules: deviceIdentityRule,
};

/** The DeviceEnablement `check`: `olds` is unused (see org-id.ts); `defaults.orgId` fills a missing `orgId`. */
export function checkDeviceEnablement(
  _olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  defaults: CheckDefaults,
): CheckOutcome<DeviceEnablementInputs> {
  return runCheck(spec, news, defaults);
}

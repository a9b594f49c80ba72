/**
 * Rule 4b: devices in a configured list may never be disabled (e.g. safety systems, gateways). Matched by asset id,
 * or by `productKey/deviceKey` for a DeviceEnablement that names its device that way.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { configSchemaOf, parsePolicyConfig, type RawPolicyConfig } from "../config";
import {
  deviceEnablementProps,
  deviceLabel,
  ouLabel,
  subjectOf,
  type DeviceEnablementProps,
  type Subject,
} from "../resources";

export const PROTECTED_DEVICES = "enos-protected-devices";

export const protectedDevicesConfig = z.object({
  neverDisable: z
    .array(z.string().min(1))
    .default([])
    .describe("devices that may never be disabled: asset ids or productKey/deviceKey"),
});
export type ProtectedDevicesConfig = z.output<typeof protectedDevicesConfig>;

export function protectedDeviceViolations(
  device: Subject<DeviceEnablementProps>,
  config: ProtectedDevicesConfig,
): string[] {
  const { enabled, assetId, resolvedAssetId, productKey, deviceKey, orgId } = device.props;
  if (enabled) return [];
  const names = [assetId, resolvedAssetId, productKey && deviceKey ? `${productKey}/${deviceKey}` : undefined];
  const listed = names.find((n) => n !== undefined && config.neverDisable.includes(n));
  if (listed === undefined) return [];
  return [
    `DeviceEnablement '${device.name}' disables device ${deviceLabel(device.props)} in ${ouLabel(orgId)}, which ` +
      `${PROTECTED_DEVICES}.neverDisable lists as ${listed}; set enabled: true, or remove it from ` +
      `${PROTECTED_DEVICES}.neverDisable in the policy pack config`,
  ];
}

export function protectedDevicesPolicy(): ResourceValidationPolicy {
  return {
    name: PROTECTED_DEVICES,
    description: "Devices in the configured list may never be disabled.",
    enforcementLevel: "mandatory",
    configSchema: configSchemaOf(protectedDevicesConfig),
    validateResource: (args, reportViolation) => {
      const device = subjectOf(args, "DeviceEnablement", deviceEnablementProps);
      if (device === undefined) return;
      const config = parsePolicyConfig(PROTECTED_DEVICES, protectedDevicesConfig, args.getConfig<RawPolicyConfig>());
      for (const message of protectedDeviceViolations(device, config)) reportViolation(message);
    },
  };
}

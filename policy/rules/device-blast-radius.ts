/**
 * Rule 4a: at most N devices disabled by one stack. A stack validation over the stack after the change: CrossGuard
 * never sees the state before it, so this caps how many devices the stack holds disabled, not how many one run
 * switches off.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { configSchemaOf, parsePolicyConfig, type RawPolicyConfig } from "../config";
import { deviceEnablementProps, deviceLabel, subjectOf, type DeviceEnablementProps, type Subject } from "../resources";

export const DEVICE_BLAST_RADIUS = "enos-device-blast-radius";

export const deviceBlastRadiusConfig = z.object({
  maxDisabledDevices: z
    .number()
    .int()
    .min(0)
    .default(5)
    .describe("the most DeviceEnablement resources of one stack that may set enabled: false"),
});
export type DeviceBlastRadiusConfig = z.output<typeof deviceBlastRadiusConfig>;

export function blastRadiusViolations(
  devices: Subject<DeviceEnablementProps>[],
  config: DeviceBlastRadiusConfig,
): string[] {
  const disabled = devices.filter((d) => !d.props.enabled);
  if (disabled.length <= config.maxDisabledDevices) return [];
  const list = disabled
    .map((d) => `${deviceLabel(d.props)} ('${d.name}')`)
    .sort()
    .join(", ");
  return [
    `this stack disables ${disabled.length} ${disabled.length === 1 ? "device" : "devices"}, more than ` +
      `${config.maxDisabledDevices} ` +
      `(${DEVICE_BLAST_RADIUS}.maxDisabledDevices): ${list}; disable fewer devices per stack, or raise ` +
      `${DEVICE_BLAST_RADIUS}.maxDisabledDevices in the policy pack config`,
  ];
}

export function deviceBlastRadiusPolicy(): StackValidationPolicy {
  return {
    name: DEVICE_BLAST_RADIUS,
    description: "At most the configured number of devices may be disabled by one stack.",
    enforcementLevel: "mandatory",
    configSchema: configSchemaOf(deviceBlastRadiusConfig),
    validateStack: (args, reportViolation) => {
      const config = parsePolicyConfig(DEVICE_BLAST_RADIUS, deviceBlastRadiusConfig, args.getConfig<RawPolicyConfig>());
      const devices = args.resources.flatMap((r) => subjectOf(r, "DeviceEnablement", deviceEnablementProps) ?? []);
      for (const message of blastRadiusViolations(devices, config)) reportViolation(message);
    },
  };
}

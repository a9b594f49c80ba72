import * as pulumi from "@pulumi/pulumi";
import { refuseImport } from "./import-option";
import { withProgramIssue } from "./program-issues";
import { TYPE_MODULE, withOutputPlaceholders, type OwnOutputName } from "./resource-options";
import type { DeviceIdentity } from "./types";
import provider from "./shims/device-enablement";

/** Every output of {@link DeviceEnablement}, inputs included (placeholders: see withOutputPlaceholders). */
const OUTPUTS: Record<OwnOutputName<DeviceEnablement>, true> = {
  orgId: true,
  assetId: true,
  productKey: true,
  deviceKey: true,
  enabled: true,
  restoreOnDelete: true,
  resolvedAssetId: true,
  originalStatus: true,
  originalEnabled: true,
  status: true,
};

/** Settings of {@link DeviceEnablement} besides the device's identity. */
export interface DeviceEnablementSettings {
  /** OU of the device. Default: the provider setting `enos:orgId`. Changing it replaces the resource. */
  orgId?: pulumi.Input<string>;
  /** `true` enables the device, `false` disables it. */
  enabled: pulumi.Input<boolean>;
  /** On delete, put the device back in the state it had before this resource touched it. Default `true`. */
  restoreOnDelete?: pulumi.Input<boolean>;
}

/**
 * Inputs of {@link DeviceEnablement}: the device by `assetId`, or by `productKey` plus `deviceKey` (connect-service
 * addresses a device either way), never both. Changing any of them replaces the resource.
 */
export type DeviceEnablementArgs = DeviceEnablementSettings & DeviceIdentity<pulumi.Input<string>>;

/**
 * Whether an EnOS device is enabled (connect-service enable/disable). Never creates or deletes a device; deleting
 * the resource restores the device's original enablement unless `restoreOnDelete` is false. Id: `<orgId>/<assetId>`.
 */
export class DeviceEnablement extends pulumi.dynamic.Resource {
  /** The OU of the device: the `orgId` input, or the provider setting `enos:orgId` when it was left out. */
  declare readonly orgId: pulumi.Output<string>;
  /** The `assetId` input; undefined when the device was named by `productKey` + `deviceKey`. */
  declare readonly assetId: pulumi.Output<string | undefined>;
  /** The `productKey` input; undefined when the device was named by `assetId`. */
  declare readonly productKey: pulumi.Output<string | undefined>;
  /** The `deviceKey` input; undefined when the device was named by `assetId`. */
  declare readonly deviceKey: pulumi.Output<string | undefined>;
  /** Whether the device is meant to be enabled, as given. */
  declare readonly enabled: pulumi.Output<boolean>;
  /** Whether delete restores the device's original enablement (`true` when left out). */
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  /** The device's asset id, resolved from `productKey` + `deviceKey` when those were given. */
  declare readonly resolvedAssetId: pulumi.Output<string>;
  /** Device status before this resource first changed it, e.g. `"online"` or `"disable"`. */
  declare readonly originalStatus: pulumi.Output<string>;
  /** Whether the device was enabled before this resource first changed it. */
  declare readonly originalEnabled: pulumi.Output<boolean>;
  /** Live device status: `online`, `offline`, `inactive` or `disable`. */
  declare readonly status: pulumi.Output<string>;

  constructor(name: string, args: DeviceEnablementArgs, opts?: pulumi.CustomResourceOptions) {
    const refused = refuseImport("DeviceEnablement", name, opts);
    const props = withProgramIssue(withOutputPlaceholders(args, OUTPUTS), refused.issue);
    super(provider, name, props, refused.opts, TYPE_MODULE, "DeviceEnablement");
  }
}

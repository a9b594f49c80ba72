import * as pulumi from "@pulumi/pulumi";
import { createProviderShim } from "./provider-shim";
import { TYPE_MODULE, withOutputPlaceholders, type OwnOutputName } from "./resource-options";

const provider = createProviderShim("DeviceEnablement");

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

/** Inputs of {@link DeviceEnablement}: name the device by `assetId`, or by `productKey` plus `deviceKey`. */
export interface DeviceEnablementArgs {
  /** OU of the device. Default: the provider setting `enos:orgId`. Changing it replaces the resource. */
  orgId?: pulumi.Input<string>;
  /** Asset id of the device. Give this or `productKey` + `deviceKey`, not both. */
  assetId?: pulumi.Input<string>;
  /** Product key of the device (with `deviceKey`). */
  productKey?: pulumi.Input<string>;
  /** Device key within the product (with `productKey`). */
  deviceKey?: pulumi.Input<string>;
  /** `true` enables the device, `false` disables it. */
  enabled: pulumi.Input<boolean>;
  /** On delete, put the device back in the state it had before this resource touched it. Default `true`. */
  restoreOnDelete?: pulumi.Input<boolean>;
}

/**
 * Whether an EnOS device is enabled (connect-service enable/disable). Never creates or deletes a device; deleting
 * the resource restores the device's original enablement unless `restoreOnDelete` is false. Id: `<orgId>/<assetId>`.
 */
export class DeviceEnablement extends pulumi.dynamic.Resource {
  declare readonly orgId: pulumi.Output<string>;
  declare readonly assetId: pulumi.Output<string | undefined>;
  declare readonly productKey: pulumi.Output<string | undefined>;
  declare readonly deviceKey: pulumi.Output<string | undefined>;
  declare readonly enabled: pulumi.Output<boolean>;
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
    super(provider, name, withOutputPlaceholders(args, OUTPUTS), opts, TYPE_MODULE, "DeviceEnablement");
  }
}

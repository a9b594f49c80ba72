import * as pulumi from "@pulumi/pulumi";
import { refuseImport } from "./import-option";
import { firstIssue, withProgramIssue } from "./program-issues";
import { claimKeyword } from "./keyword-registry";
import { TYPE_MODULE, withOutputPlaceholders, type OwnOutputName } from "./resource-options";
import type { I18n, I18nInput } from "./types";
import provider from "./shims/app-permission";

/** Every output of {@link AppPermission}, inputs included (placeholders: see withOutputPlaceholders). */
const OUTPUTS: Record<OwnOutputName<AppPermission>, true> = {
  orgId: true,
  appId: true,
  keyword: true,
  name: true,
  description: true,
  adopt: true,
  status: true,
};

/** Inputs of {@link AppPermission}. */
export interface AppPermissionArgs {
  /** OU of the app. Default: the provider setting `enos:orgId`. Changing it replaces the permission. */
  orgId?: pulumi.Input<string>;
  /** Id of the app the permission belongs to. Changing it replaces the permission. */
  appId: pulumi.Input<string>;
  /** Unique keyword within the app, e.g. `"device.delete"`: 1-64 characters `[A-Za-z0-9_.-]`. */
  keyword: pulumi.Input<string>;
  /** Display name: a string or an i18n map with a non-empty `default`. */
  name: pulumi.Input<I18nInput>;
  /** Optional description, same shape as `name`. */
  description?: pulumi.Input<I18nInput>;
  /** Take over an existing permission with the same keyword instead of failing on the duplicate. Default `false`. */
  adopt?: pulumi.Input<boolean>;
}

/** A permission of an EnOS application, such as "Delete Device" (`enos-app-service` permissions). */
export class AppPermission extends pulumi.dynamic.Resource {
  /** The OU of the app: the `orgId` input, or the provider setting `enos:orgId` when it was left out. */
  declare readonly orgId: pulumi.Output<string>;
  /** Id of the app the permission belongs to, as given. */
  declare readonly appId: pulumi.Output<string>;
  /** The permission's keyword within the app, as given, e.g. `"device.delete"`. */
  declare readonly keyword: pulumi.Output<string>;
  /** Display name as stored, a plain string input becoming `{ default: text }`. */
  declare readonly name: pulumi.Output<I18n>;
  /** Description as stored (same shape as `name`); undefined when none was given. */
  declare readonly description: pulumi.Output<I18n | undefined>;
  /** Whether an existing permission with this keyword may be taken over (`false` when left out). */
  declare readonly adopt: pulumi.Output<boolean>;
  /** Authorization status as EnOS reports it (usually null). */
  declare readonly status: pulumi.Output<unknown>;

  constructor(name: string, args: AppPermissionArgs, opts?: pulumi.CustomResourceOptions) {
    const refused = refuseImport("AppPermission", name, opts);
    const issue = firstIssue(refused.issue, claimKeyword("AppPermission", name, args.appId, args.keyword));
    const props = withProgramIssue(withOutputPlaceholders(args, OUTPUTS), issue);
    super(provider, name, props, refused.opts, TYPE_MODULE, "AppPermission");
  }
}

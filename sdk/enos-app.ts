import * as pulumi from "@pulumi/pulumi";
import { refuseImport } from "./import-option";
import { firstIssue, withProgramIssue } from "./program-issues";
import { claimKeyword } from "./keyword-registry";
import { TYPE_MODULE, withOutputPlaceholders, type OwnOutputName } from "./resource-options";
import type { I18n, I18nInput } from "./types";
import provider from "./shims/enos-app";

/** Every output of {@link EnosApp}, inputs included (placeholders: see withOutputPlaceholders). */
const OUTPUTS: Record<OwnOutputName<EnosApp>, true> = {
  orgId: true,
  name: true,
  description: true,
  category: true,
  type: true,
  keyword: true,
  icon: true,
  url: true,
  adopt: true,
  recreateIfDeleted: true,
  accessKey: true,
  secretKey: true,
  categoryName: true,
  organizationName: true,
  createdAt: true,
  status: true,
};

/** Inputs of {@link EnosApp}. */
export interface EnosAppArgs {
  /** OU that owns the app. Default: the provider setting `enos:orgId`. Changing it replaces the app. */
  orgId?: pulumi.Input<string>;
  /** Display name, e.g. `"Energy Management"` or `{ default: "Energy Management", zh_CN: "能源管理" }`. */
  name: pulumi.Input<I18nInput>;
  /** Optional description, same shape as `name`. */
  description?: pulumi.Input<I18nInput>;
  /** Application category id (an integer >= 1 known to the OU, e.g. 104 "Common building blocks"). */
  category: pulumi.Input<number>;
  /** `"web"` or `"mobile"`. Default `"web"`. */
  type?: pulumi.Input<"web" | "mobile">;
  /**
   * Unique keyword of the app within its OU: 1-64 characters `[A-Za-z0-9_.-]`. EnOS makes it optional; this
   * package requires it, because it is how a create that may have reached EnOS is found again instead of repeated.
   */
  keyword: pulumi.Input<string>;
  /** Icon as a base64-encoded image (at most 1 MiB decoded). */
  icon?: pulumi.Input<string>;
  /** Application URL (http or https). */
  url?: pulumi.Input<string>;
  /** Take over an existing app with the same keyword instead of failing on the duplicate. Default `false`. */
  adopt?: pulumi.Input<boolean>;
  /**
   * Create the app again when a refresh found it deleted outside Pulumi. Default `false`: the refresh keeps the app
   * in the stack marked as deleted and the next `pulumi up` fails at this resource, because a new app gets a new id
   * and a new `accessKey`/`secretKey`, which breaks every client configured with the old ones.
   */
  recreateIfDeleted?: pulumi.Input<boolean>;
}

/**
 * An application registered in EnOS Application Registration (`enos-app-service` apps). Its `accessKey` and
 * `secretKey` are the app's service account; `secretKey` is always stored as a Pulumi secret.
 */
export class EnosApp extends pulumi.dynamic.Resource {
  /** The OU that owns the app: the `orgId` input, or the provider setting `enos:orgId` when it was left out. */
  declare readonly orgId: pulumi.Output<string>;
  /** Display name as stored, a plain string input becoming `{ default: text }`, e.g. `{ default: "Energy" }`. */
  declare readonly name: pulumi.Output<I18n>;
  /** Description as stored (same shape as `name`); undefined when none was given. */
  declare readonly description: pulumi.Output<I18n | undefined>;
  /** Application category id, as given. */
  declare readonly category: pulumi.Output<number>;
  /** `"web"` or `"mobile"` (`"web"` when left out). */
  declare readonly type: pulumi.Output<"web" | "mobile">;
  /** The app's keyword within its OU, as given. */
  declare readonly keyword: pulumi.Output<string>;
  /** Icon as a base64-encoded image; undefined when none was given. */
  declare readonly icon: pulumi.Output<string | undefined>;
  /** Application URL; undefined when none was given. */
  declare readonly url: pulumi.Output<string | undefined>;
  /** Whether an existing app with this keyword may be taken over (`false` when left out). */
  declare readonly adopt: pulumi.Output<boolean>;
  /** Whether an app deleted outside Pulumi may be created again (undefined when left out, meaning no). */
  declare readonly recreateIfDeleted: pulumi.Output<boolean | undefined>;
  /** The app's service-account access key. */
  declare readonly accessKey: pulumi.Output<string>;
  /** The app's service-account secret key (a Pulumi secret). */
  declare readonly secretKey: pulumi.Output<string>;
  /** Name of the app's category as EnOS reports it, per locale, e.g. `{ en_US: "Storage", zh_CN: "储能" }`. */
  declare readonly categoryName: pulumi.Output<I18n>;
  /** Name of the owning OU as EnOS reports it. */
  declare readonly organizationName: pulumi.Output<string>;
  /** Creation time as EnOS reports it, `YYYY-MM-DD HH:mm:ss`. */
  declare readonly createdAt: pulumi.Output<string>;
  /** EnOS app status; 2 means approved/obtained. */
  declare readonly status: pulumi.Output<number>;

  constructor(name: string, args: EnosAppArgs, opts?: pulumi.CustomResourceOptions) {
    const refused = refuseImport("EnosApp", name, opts);
    const issue = firstIssue(refused.issue, claimKeyword("EnosApp", name, args.orgId, args.keyword));
    const secretOpts = pulumi.mergeOptions(refused.opts, { additionalSecretOutputs: ["secretKey"] });
    const props = withProgramIssue(withOutputPlaceholders(args, OUTPUTS), issue);
    super(provider, name, props, secretOpts, TYPE_MODULE, "EnosApp");
  }
}

import * as pulumi from "@pulumi/pulumi";
import { refuseImport } from "./import-option";
import { firstIssue, withProgramIssue } from "./program-issues";
import { claimKeyword } from "./keyword-registry";
import { TYPE_MODULE, withOutputPlaceholders, type OwnOutputName } from "./resource-options";
import type { I18n, I18nInput } from "./types";
import provider from "./shims/app-menu";

/** Every output of {@link AppMenu}, inputs included (placeholders: see withOutputPlaceholders). */
const OUTPUTS: Record<OwnOutputName<AppMenu>, true> = {
  orgId: true,
  appId: true,
  keyword: true,
  name: true,
  description: true,
  parentId: true,
  sortId: true,
  url: true,
  adopt: true,
  menuId: true,
  status: true,
};

/** Inputs of {@link AppMenu}. */
export interface AppMenuArgs {
  /** OU of the app. Default: the provider setting `enos:orgId`. Changing it replaces the menu. */
  orgId?: pulumi.Input<string>;
  /** Id of the app the menu belongs to, e.g. `app.id`. Changing it replaces the menu. */
  appId: pulumi.Input<string>;
  /** Unique keyword of the menu within the app: 1-64 characters `[A-Za-z0-9_.-]`. */
  keyword: pulumi.Input<string>;
  /** Display name: a string or an i18n map with a non-empty `default`. */
  name: pulumi.Input<I18nInput>;
  /** Optional description, same shape as `name`. */
  description?: pulumi.Input<I18nInput>;
  /** Id of the parent menu (another AppMenu's `id`); omit for a top-level menu. */
  parentId?: pulumi.Input<string>;
  /** Position among siblings: an integer >= 1, smaller sorts first. Default 1. */
  sortId?: pulumi.Input<number>;
  /** Page the menu opens. */
  url?: pulumi.Input<string>;
  /** Take over an existing menu with the same keyword instead of failing on the duplicate. Default `false`. */
  adopt?: pulumi.Input<boolean>;
}

/** A menu of an EnOS application (`enos-app-service` menus). */
export class AppMenu extends pulumi.dynamic.Resource {
  /** The OU of the app: the `orgId` input, or the provider setting `enos:orgId` when it was left out. */
  declare readonly orgId: pulumi.Output<string>;
  /** Id of the app the menu belongs to, as given. */
  declare readonly appId: pulumi.Output<string>;
  /** The menu's keyword within the app, as given. */
  declare readonly keyword: pulumi.Output<string>;
  /** Display name as stored, a plain string input becoming `{ default: text }`. */
  declare readonly name: pulumi.Output<I18n>;
  /** Description as stored (same shape as `name`); undefined when none was given. */
  declare readonly description: pulumi.Output<I18n | undefined>;
  /** Id of the parent menu; undefined for a top-level menu. */
  declare readonly parentId: pulumi.Output<string | undefined>;
  /** Position among siblings (1 when left out). */
  declare readonly sortId: pulumi.Output<number>;
  /** Page the menu opens; undefined when none was given. */
  declare readonly url: pulumi.Output<string | undefined>;
  /** Whether an existing menu with this keyword may be taken over (`false` when left out). */
  declare readonly adopt: pulumi.Output<boolean>;
  /** The menu's EnOS id (the same as `id`, as a plain string output). */
  declare readonly menuId: pulumi.Output<string>;
  /** Authorization status as EnOS reports it (usually null). */
  declare readonly status: pulumi.Output<unknown>;

  constructor(name: string, args: AppMenuArgs, opts?: pulumi.CustomResourceOptions) {
    const refused = refuseImport("AppMenu", name, opts);
    const issue = firstIssue(refused.issue, claimKeyword("AppMenu", name, args.appId, args.keyword));
    const props = withProgramIssue(withOutputPlaceholders(args, OUTPUTS), issue);
    super(provider, name, props, refused.opts, TYPE_MODULE, "AppMenu");
  }
}

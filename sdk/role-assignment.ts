import * as pulumi from "@pulumi/pulumi";
import { refuseImport } from "./import-option";
import { firstIssue, withProgramIssue } from "./program-issues";
import { claimExhaustiveTarget } from "./exhaustive-registry";
import { TYPE_MODULE, withOutputPlaceholders, type OwnOutputName } from "./resource-options";
import provider from "./shims/role-assignment";

/** Every output of {@link RoleAssignment}, inputs included (placeholders: see withOutputPlaceholders). */
const OUTPUTS: Record<OwnOutputName<RoleAssignment>, true> = {
  orgId: true,
  userId: true,
  roleIds: true,
  exhaustive: true,
  protectedRoleIds: true,
  maxRemovals: true,
  assignedRoleIds: true,
  managedRoleIds: true,
  restoreOnDelete: true,
  removedRoleIds: true,
};

/** Inputs of {@link RoleAssignment}. */
export interface RoleAssignmentArgs {
  /** OU of the user. Default: the provider setting `enos:orgId`. Changing it replaces the resource. */
  orgId?: pulumi.Input<string>;
  /** The user whose roles are managed. Changing it replaces the resource. */
  userId: pulumi.Input<string>;
  /** Role ids to grant (order and duplicates do not matter). May be empty only when `exhaustive` is true. */
  roleIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * `true`: `roleIds` is the user's whole role set; roles granted elsewhere (e.g. in the console) are drift and are
   * removed. `false` (default): only the listed roles are managed; other roles of the user are left alone.
   */
  exhaustive?: pulumi.Input<boolean>;
  /** Role ids this resource never removes, even when exhaustive (e.g. the OU admin role). */
  protectedRoleIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Fail instead of removing more than this many roles in one run. Default: no limit. */
  maxRemovals?: pulumi.Input<number>;
  /**
   * Whether delete gives back the roles an exhaustive create removed from the
   * user, e.g. an admin role held before Pulumi managed the user. Default: `true`.
   */
  restoreOnDelete?: pulumi.Input<boolean>;
}

/** The roles of one user in one OU (app-portal appendRoles/removeRoles). Id: `<orgId>/<userId>`. */
export class RoleAssignment extends pulumi.dynamic.Resource {
  /** The OU of the user: the `orgId` input, or the provider setting `enos:orgId` when it was left out. */
  declare readonly orgId: pulumi.Output<string>;
  /** The user whose roles are managed, as given. */
  declare readonly userId: pulumi.Output<string>;
  /** The listed role ids, sorted and without duplicates. */
  declare readonly roleIds: pulumi.Output<string[]>;
  /** Whether `roleIds` is the user's whole role set (`false` when left out). */
  declare readonly exhaustive: pulumi.Output<boolean>;
  /** Role ids never removed, sorted; undefined when none were given. */
  declare readonly protectedRoleIds: pulumi.Output<string[] | undefined>;
  /** The most roles one run may remove; undefined for no limit. */
  declare readonly maxRemovals: pulumi.Output<number | undefined>;
  /** Every role the user holds, as last read from EnOS. */
  declare readonly assignedRoleIds: pulumi.Output<string[]>;
  /** The roles this resource grants and removes on delete: the listed ids minus protected ones. */
  declare readonly managedRoleIds: pulumi.Output<string[]>;
  /** Whether delete gives back what this resource took away (`true` when left out). */
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  /** The roles the exhaustive create removed and delete gives back; undefined when none. */
  declare readonly removedRoleIds: pulumi.Output<string[] | undefined>;

  constructor(name: string, args: RoleAssignmentArgs, opts?: pulumi.CustomResourceOptions) {
    const refused = refuseImport("RoleAssignment", name, opts);
    const issue = firstIssue(
      refused.issue,
      claimExhaustiveTarget("RoleAssignment", name, args.orgId, args.userId, args.exhaustive),
    );
    const props = withProgramIssue(withOutputPlaceholders(args, OUTPUTS), issue);
    super(provider, name, props, refused.opts, TYPE_MODULE, "RoleAssignment");
  }
}

import * as pulumi from "@pulumi/pulumi";
import { refuseImport } from "./import-option";
import { firstIssue, withProgramIssue } from "./program-issues";
import { claimExhaustiveTarget } from "./exhaustive-registry";
import { TYPE_MODULE, withOutputPlaceholders, type OwnOutputName } from "./resource-options";
import provider from "./shims/user-group-membership";

/** Every output of {@link UserGroupMembership}, inputs included (placeholders: see withOutputPlaceholders). */
const OUTPUTS: Record<OwnOutputName<UserGroupMembership>, true> = {
  orgId: true,
  userId: true,
  userGroupIds: true,
  exhaustive: true,
  protectedUserGroupIds: true,
  maxRemovals: true,
  assignedUserGroupIds: true,
  managedUserGroupIds: true,
  restoreOnDelete: true,
  removedUserGroupIds: true,
};

/** Inputs of {@link UserGroupMembership}. */
export interface UserGroupMembershipArgs {
  /** OU of the user. Default: the provider setting `enos:orgId`. Changing it replaces the resource. */
  orgId?: pulumi.Input<string>;
  /** The user whose groups are managed. Changing it replaces the resource. */
  userId: pulumi.Input<string>;
  /** User group ids the user belongs to. May be empty only when `exhaustive` is true. */
  userGroupIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * `true`: `userGroupIds` is the user's whole group set; other memberships are drift and are removed.
   * `false` (default): only the listed groups are managed.
   */
  exhaustive?: pulumi.Input<boolean>;
  /** Group ids this resource never removes, even when exhaustive. */
  protectedUserGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** Fail instead of removing more than this many groups in one run. Default: no limit. */
  maxRemovals?: pulumi.Input<number>;
  /**
   * Whether delete gives back the user groups an exhaustive create removed from the
   * user, e.g. an admin role held before Pulumi managed the user. Default: `true`.
   */
  restoreOnDelete?: pulumi.Input<boolean>;
}

/** The user groups of one user in one OU (app-portal appendUserGroups/removeUserGroups). Id: `<orgId>/<userId>`. */
export class UserGroupMembership extends pulumi.dynamic.Resource {
  /** The OU of the user: the `orgId` input, or the provider setting `enos:orgId` when it was left out. */
  declare readonly orgId: pulumi.Output<string>;
  /** The user whose groups are managed, as given. */
  declare readonly userId: pulumi.Output<string>;
  /** The listed user group ids, sorted and without duplicates. */
  declare readonly userGroupIds: pulumi.Output<string[]>;
  /** Whether `userGroupIds` is the user's whole group set (`false` when left out). */
  declare readonly exhaustive: pulumi.Output<boolean>;
  /** Group ids never removed, sorted; undefined when none were given. */
  declare readonly protectedUserGroupIds: pulumi.Output<string[] | undefined>;
  /** The most groups one run may remove; undefined for no limit. */
  declare readonly maxRemovals: pulumi.Output<number | undefined>;
  /** Every group the user belongs to, as last read from EnOS. */
  declare readonly assignedUserGroupIds: pulumi.Output<string[]>;
  /** The groups this resource grants and removes on delete: the listed ids minus protected ones. */
  declare readonly managedUserGroupIds: pulumi.Output<string[]>;
  /** Whether delete gives back what this resource took away (`true` when left out). */
  declare readonly restoreOnDelete: pulumi.Output<boolean>;
  /** The user groups the exhaustive create removed and delete gives back; undefined when none. */
  declare readonly removedUserGroupIds: pulumi.Output<string[] | undefined>;

  constructor(name: string, args: UserGroupMembershipArgs, opts?: pulumi.CustomResourceOptions) {
    const refused = refuseImport("UserGroupMembership", name, opts);
    const exhaustive = claimExhaustiveTarget("UserGroupMembership", name, args.orgId, args.userId, args.exhaustive);
    const props = withProgramIssue(withOutputPlaceholders(args, OUTPUTS), firstIssue(refused.issue, exhaustive));
    super(provider, name, props, refused.opts, TYPE_MODULE, "UserGroupMembership");
  }
}

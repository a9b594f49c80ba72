/**
 * UserGroupMembership: the user groups of one user in one OU (app-portal userGroup/appendUserGroups,
 * removeUserGroups, reads through getUsersUserGroupList). appendUserGroups is additive per the docs; the shared
 * grant reconcile does not depend on it. Id: `${orgId}/${userId}`.
 */
import { checkUserGroupMembership, userGroupMembershipReplaceOn } from "../inputs";
import { grantLoadersFor } from "./grant-loaders";
import { createGrantProvider } from "./grant-provider";
import type { GrantKind } from "./grant-state";

/** The group-specific names and calls of the grant reconcile. */
export const userGroupGrantKind: GrantKind = {
  resource: "UserGroupMembership",
  noun: "user group",
  listKey: "userGroupIds",
  protectedKey: "protectedUserGroupIds",
  assignedKey: "assignedUserGroupIds",
  managedKey: "managedUserGroupIds",
  replaceOn: userGroupMembershipReplaceOn,
  check: checkUserGroupMembership,
  io: (client, { orgId, userId }) => ({
    read: () => grantLoadersFor(client).userGroups.load({ orgId, userId }),
    append: (ids) => client.appPortal.appendUserGroups(orgId, userId, ids),
    remove: (ids) => client.appPortal.removeUserGroups(orgId, userId, ids),
  }),
};

/** The UserGroupMembership dynamic provider. */
export const userGroupMembershipProvider = createGrantProvider(userGroupGrantKind);

/**
 * UserGroupMembership: the user groups of one user in one OU (app-portal userGroup/appendUserGroups,
 * removeUserGroups, reads through getUsersUserGroupList). appendUserGroups is additive per the docs; the shared
 * grant reconcile does not depend on it. Id: `<orgId>/<userId>`.
 */
import { userGroupMembershipSchema } from "../../inputs";
import { defineProvider } from "../kit/define-provider";
import { userOfGrantId } from "./grant-fields";
import { grantOperations } from "./grant-operations";
import { grantLoadersFor } from "./loaders";

/** The UserGroupMembership dynamic provider. */
export const userGroupMembershipProvider = defineProvider(
  {
    name: "UserGroupMembership",
    schema: userGroupMembershipSchema,
    required: ["orgId", "userId"],
    fromId: userOfGrantId,
  },
  grantOperations({
    name: "UserGroupMembership",
    noun: "user group",
    names: {
      list: "userGroupIds",
      protected: "protectedUserGroupIds",
      assigned: "assignedUserGroupIds",
      managed: "managedUserGroupIds",
      removed: "removedUserGroupIds",
    },
    io: (client, { orgId, userId }) => ({
      read: () => grantLoadersFor(client).userGroups.load({ orgId, userId }),
      append: (ids) => client.appPortal.appendUserGroups(orgId, userId, ids),
      remove: (ids) => client.appPortal.removeUserGroups(orgId, userId, ids),
    }),
  }),
);

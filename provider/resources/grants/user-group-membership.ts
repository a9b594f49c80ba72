/**
 * UserGroupMembership: the user groups of one user in one OU (app-portal userGroup/appendUserGroups,
 * removeUserGroups, reads through getUsersUserGroupList). The docs say only that appendUserGroups "assigns"; the
 * shared grant reconcile is right whether it overwrites, adds, or adds and refuses held ids. Id: `<orgId>/<userId>`.
 */
import { userGroupMembershipSchema } from "../../inputs";
import { defineProvider } from "../kit/define-provider";
import { userOfGrantId } from "./grant-fields";
import { grantOperations } from "./grant-operations";
import { knownIdFailures } from "./known-ids";
import { grantLoadersFor } from "./loaders";

/** The UserGroupMembership dynamic provider. */
export const userGroupMembershipProvider = defineProvider(
  {
    name: "UserGroupMembership",
    schema: userGroupMembershipSchema,
    required: ["orgId", "userId"],
    fromId: userOfGrantId,
  },
  {
    ...grantOperations({
      name: "UserGroupMembership",
      noun: "user group",
      names: {
        list: "userGroupIds",
        protected: "protectedUserGroupIds",
        assigned: "assignedUserGroupIds",
        managed: "managedUserGroupIds",
        removed: "removedUserGroupIds",
      },
      endpoint: "userGroups",
      io: (client, { orgId, userId }) => ({
        read: () => grantLoadersFor(client).userGroups.load({ orgId, userId }),
        append: (ids) => client.appPortal.appendUserGroups(orgId, userId, ids),
        remove: (ids) => client.appPortal.removeUserGroups(orgId, userId, ids),
      }),
    }),
    checkLive: ({ news, olds }) =>
      knownIdFailures({ kind: "userGroups", field: "userGroupIds", noun: "user group" }, news, olds),
  },
);

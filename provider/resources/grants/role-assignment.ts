/**
 * RoleAssignment: the roles of one user in one OU (app-portal role/appendRoles, role/removeRoles, reads through
 * userRoles/roleList). appendRoles may overwrite the user's roles (newest docs), append (older docs), or append and
 * refuse held ids; the shared grant reconcile is correct under all three (write-behaviour.ts). Id: `<orgId>/<userId>`.
 */
import { roleAssignmentSchema } from "../../inputs";
import { defineProvider } from "../kit/define-provider";
import { userOfGrantId } from "./grant-fields";
import { grantOperations } from "./grant-operations";
import { knownIdFailures } from "./known-ids";
import { grantLoadersFor } from "./loaders";

/** The RoleAssignment dynamic provider. */
export const roleAssignmentProvider = defineProvider(
  { name: "RoleAssignment", schema: roleAssignmentSchema, required: ["orgId", "userId"], fromId: userOfGrantId },
  {
    ...grantOperations({
      name: "RoleAssignment",
      noun: "role",
      names: {
        list: "roleIds",
        protected: "protectedRoleIds",
        assigned: "assignedRoleIds",
        managed: "managedRoleIds",
        removed: "removedRoleIds",
      },
      endpoint: "roles",
      io: (client, { orgId, userId }) => ({
        read: () => grantLoadersFor(client).roles.load({ orgId, userId }),
        append: (ids) => client.appPortal.appendRoles(orgId, userId, ids),
        remove: (ids) => client.appPortal.removeRoles(orgId, userId, ids),
      }),
    }),
    checkLive: ({ news, olds }) => knownIdFailures({ kind: "roles", field: "roleIds", noun: "role" }, news, olds),
  },
);

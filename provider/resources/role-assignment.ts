/**
 * RoleAssignment: the roles of one user in one OU (app-portal role/appendRoles, role/removeRoles, reads through
 * userRoles/roleList). appendRoles may overwrite the user's roles (newest docs) or append (older docs); the shared
 * grant reconcile is correct under both. Id: `${orgId}/${userId}`.
 */
import { checkRoleAssignment, roleAssignmentReplaceOn } from "../inputs";
import { grantLoadersFor } from "./grant-loaders";
import { createGrantProvider } from "./grant-provider";
import type { GrantKind } from "./grant-state";

/** The role-specific names and calls of the grant reconcile. */
export const roleGrantKind: GrantKind = {
  resource: "RoleAssignment",
  noun: "role",
  listKey: "roleIds",
  protectedKey: "protectedRoleIds",
  assignedKey: "assignedRoleIds",
  managedKey: "managedRoleIds",
  replaceOn: roleAssignmentReplaceOn,
  check: checkRoleAssignment,
  io: (client, { orgId, userId }) => ({
    read: () => grantLoadersFor(client).roles.load({ orgId, userId }),
    append: (ids) => client.appPortal.appendRoles(orgId, userId, ids),
    remove: (ids) => client.appPortal.removeRoles(orgId, userId, ids),
  }),
};

/** The RoleAssignment dynamic provider. */
export const roleAssignmentProvider = createGrantProvider(roleGrantKind);

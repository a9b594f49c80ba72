/**
 * UserGroupMembership: the user groups one user belongs to in an OU; same shape and `exhaustive` semantics as
 * RoleAssignment. Its id is `<orgId>/<userId>`.
 */
import { z } from "zod";
import { booleanSchema, idListSchema, idSchema, integerSchema, orgIdSchema } from "./fields";
import { emptyListRule } from "./membership-rules";
import { resourceSchema, type InputsOf } from "./resource-schema";
import { orUnknown } from "./unknown";

const restoreRule = "true (delete gives back the groups an exhaustive create removed) or false (it does not)";
const exhaustiveRule = "true (remove groups not listed or protected) or false (only add and remove listed groups)";

/** The UserGroupMembership interface (see RoleAssignment for the defaults). */
export const userGroupMembershipSchema = resourceSchema({
  inputs: z.strictObject({
    orgId: orUnknown(orgIdSchema),
    userId: orUnknown(idSchema("user")),
    userGroupIds: orUnknown(idListSchema("user group")),
    exhaustive: orUnknown(booleanSchema(exhaustiveRule)).default(false),
    protectedUserGroupIds: orUnknown(idListSchema("user group")).optional(),
    maxRemovals: orUnknown(integerSchema("an integer >= 0 (the most groups one run may remove)", 0)).optional(),
    restoreOnDelete: orUnknown(booleanSchema(restoreRule)).default(true),
  }),
  outputs: {
    assignedUserGroupIds: z.array(z.string()),
    managedUserGroupIds: z.array(z.string()),
    /** What an exhaustive create removed from the user; delete gives it back unless `restoreOnDelete` is false. */
    removedUserGroupIds: z.array(z.string()).optional(),
  },
  replaceOn: ["orgId", "userId"],
  crossFieldRules: emptyListRule("userGroupIds", "user group"),
});

/** Checked UserGroupMembership inputs, every value known (create/update). */
export type UserGroupMembershipInputs = InputsOf<typeof userGroupMembershipSchema>;

/**
 * RoleAssignment: the roles one user holds in an OU. `exhaustive: true` makes `roleIds` (plus the protected ids the
 * user has) the whole truth; otherwise only the listed ids are managed. Its id is `<orgId>/<userId>`.
 */
import { z } from "zod";
import { booleanSchema, idListSchema, idSchema, integerSchema, orgIdSchema } from "./fields";
import { emptyListRule } from "./membership-rules";
import { resourceSchema, type InputsOf } from "./resource-schema";
import { orUnknown } from "./unknown";

const restoreRule = "true (delete grants back the roles an exhaustive create removed) or false (it does not)";
const exhaustiveRule = "true (remove roles not listed or protected) or false (only add and remove listed roles)";

/**
 * The RoleAssignment interface: id lists become sorted and unique (a protected id may also be listed), `exhaustive`
 * defaults to false, `maxRemovals` is unlimited when absent, `restoreOnDelete` defaults to true (like devices, a
 * delete gives back what the create took).
 */
export const roleAssignmentSchema = resourceSchema({
  inputs: z.strictObject({
    orgId: orUnknown(orgIdSchema),
    userId: orUnknown(idSchema("user")),
    roleIds: orUnknown(idListSchema("role")),
    exhaustive: orUnknown(booleanSchema(exhaustiveRule)).default(false),
    protectedRoleIds: orUnknown(idListSchema("role")).optional(),
    maxRemovals: orUnknown(integerSchema("an integer >= 0 (the most roles one run may remove)", 0)).optional(),
    restoreOnDelete: orUnknown(booleanSchema(restoreRule)).default(true),
  }),
  outputs: {
    /** The user's whole live set, as last read. */
    assignedRoleIds: z.array(z.string()),
    /** What delete removes: the listed ids minus protected ones. */
    managedRoleIds: z.array(z.string()),
    /** What an exhaustive create removed from the user; delete grants it back unless `restoreOnDelete` is false. */
    removedRoleIds: z.array(z.string()).optional(),
  },
  replaceOn: ["orgId", "userId"],
  crossFieldRules: emptyListRule("roleIds", "role"),
});

/** Checked RoleAssignment inputs, every value known (create/update). */
export type RoleAssignmentInputs = InputsOf<typeof roleAssignmentSchema>;

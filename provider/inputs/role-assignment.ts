/**
 * RoleAssignment inputs (resources.md): the roles one user holds in an OU. `exhaustive: true` makes `roleIds` (plus
 * the protected ids the user has) the whole truth; otherwise only the listed ids are managed.
 */
import { z } from "zod";
import { booleanSchema, idListSchema, idSchema, integerSchema, orgIdSchema } from "./fields";
import { emptyListRule } from "./membership-rules";
import type { CheckDefaults } from "./org-id";
import { runCheck, type CheckOutcome, type InputSpec, type RawInputs } from "./run-check";
import { orUnknown, type Known } from "./unknown";

const exhaustiveRule = "true (remove roles not listed or protected) or false (only add and remove listed roles)";

/**
 * Validates and normalises RoleAssignment inputs: id lists become sorted and unique (a protected id may also be
 * listed), `exhaustive` defaults to false, `maxRemovals` is unlimited when absent.
 */
export const roleAssignmentInputsSchema = z.strictObject({
  orgId: orUnknown(orgIdSchema),
  userId: orUnknown(idSchema("user")),
  roleIds: orUnknown(idListSchema("role")),
  exhaustive: orUnknown(booleanSchema(exhaustiveRule)).default(false),
  protectedRoleIds: orUnknown(idListSchema("role")).optional(),
  maxRemovals: orUnknown(integerSchema("an integer >= 0 (the most roles one run may remove)", 0)).optional(),
});

/** Checked RoleAssignment inputs, every value known (create/update). */
export type RoleAssignmentInputs = Known<z.output<typeof roleAssignmentInputsSchema>>;
/** What a program may pass (before defaults and normalisation). */
export type RoleAssignmentRawInputs = RawInputs<typeof roleAssignmentInputsSchema>;

/** Inputs whose change replaces the assignment (its id is `${orgId}/${userId}`). */
export const roleAssignmentReplaceOn: readonly string[] = ["orgId", "userId"];

/** Computed outputs; passing one as an input is reported as such. */
export const roleAssignmentOutputKeys: readonly string[] = ["assignedRoleIds", "managedRoleIds"];

const spec: InputSpec<typeof roleAssignmentInputsSchema> = {
  schema: roleAssignmentInputsSchema,
  outputKeys: roleAssignmentOutputKeys,
  crossFieldRules: emptyListRule("roleIds", "role"),
};

/** The RoleAssignment `check`: `olds` is unused (see org-id.ts); `defaults.orgId` fills a missing `orgId`. */
export function checkRoleAssignment(
  _olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  defaults: CheckDefaults,
): CheckOutcome<RoleAssignmentInputs> {
  return runCheck(spec, news, defaults);
}

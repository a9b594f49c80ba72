/**
 * UserGroupMembership inputs (resources.md): the user groups one user belongs to in an OU; same shape and
 * `exhaustive` semantics as RoleAssignment.
 */
import { z } from "zod";
import { booleanSchema, idListSchema, idSchema, integerSchema, orgIdSchema } from "./fields";
import { emptyListRule } from "./membership-rules";
import type { CheckDefaults } from "./org-id";
import { runCheck, type CheckOutcome, type InputSpec, type RawInputs } from "./run-check";
import { orUnknown, type Known } from "./unknown";

const exhaustiveRule = "true (remove groups not listed or protected) or false (only add and remove listed groups)";

/** Validates and normalises UserGroupMembership inputs (see RoleAssignment for the defaults). */
export const userGroupMembershipInputsSchema = z.strictObject({
  orgId: orUnknown(orgIdSchema),
  userId: orUnknown(idSchema("user")),
  userGroupIds: orUnknown(idListSchema("user group")),
  exhaustive: orUnknown(booleanSchema(exhaustiveRule)).default(false),
  protectedUserGroupIds: orUnknown(idListSchema("user group")).optional(),
  maxRemovals: orUnknown(integerSchema("an integer >= 0 (the most groups one run may remove)", 0)).optional(),
});

/** Checked UserGroupMembership inputs, every value known (create/update). */
export type UserGroupMembershipInputs = Known<z.output<typeof userGroupMembershipInputsSchema>>;
/** What a program may pass (before defaults and normalisation). */
export type UserGroupMembershipRawInputs = RawInputs<typeof userGroupMembershipInputsSchema>;

/** Inputs whose change replaces the membership (its id is `${orgId}/${userId}`). */
export const userGroupMembershipReplaceOn: readonly string[] = ["orgId", "userId"];

/** Computed outputs; passing one as an input is reported as such. */
export const userGroupMembershipOutputKeys: readonly string[] = ["assignedUserGroupIds", "managedUserGroupIds"];

const spec: InputSpec<typeof userGroupMembershipInputsSchema> = {
  schema: userGroupMembershipInputsSchema,
  outputKeys: userGroupMembershipOutputKeys,
  crossFieldRules: emptyListRule("userGroupIds", "user group"),
};

/** The UserGroupMembership `check`: `olds` is unused (see org-id.ts); `defaults.orgId` fills a missing `orgId`. */
export function checkUserGroupMembership(
  _olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  defaults: CheckDefaults,
): CheckOutcome<UserGroupMembershipInputs> {
  return runCheck(spec, news, defaults);
}

/**
 * Rule 1: privileged roles (by id, or by name in the OU) may be granted only to listed users. Checked on each
 * RoleAssignment's roleIds; protectedRoleIds only keep roles, they never grant one.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { idsNamed, labelOf, type CatalogSource, type NameCatalog } from "../catalog";
import { configSchemaOf, idList, parsePolicyConfig, type RawPolicyConfig } from "../config";
import { ouLabel, roleAssignmentProps, subjectOf, type RoleAssignmentProps, type Subject } from "../resources";
import { violationsWithNames } from "./names";

export const PRIVILEGED_ROLES = "enos-privileged-roles";

export const privilegedRolesConfig = z.object({
  roleIds: idList("ids of privileged roles"),
  roleNames: z
    .array(z.string().min(1))
    .default(["Organization Administrator"])
    .describe("names of privileged roles, resolved in each grant's OU (case-insensitive; unknown names are ignored)"),
  allowedUserIds: idList("users who may be granted privileged roles"),
});
export type PrivilegedRolesConfig = z.output<typeof privilegedRolesConfig>;

/** The messages for one grant: one per privileged role granted to a user not allowed to have it. */
export function privilegedRoleViolations(
  grant: Subject<RoleAssignmentProps>,
  config: PrivilegedRolesConfig,
  catalog: NameCatalog | undefined,
): string[] {
  const { userId, orgId, roleIds } = grant.props;
  if (config.allowedUserIds.includes(userId)) return [];
  const privileged = new Set([...config.roleIds, ...(catalog ? idsNamed(catalog, config.roleNames) : [])]);
  return roleIds
    .filter((id) => privileged.has(id))
    .map(
      (id) =>
        `RoleAssignment '${grant.name}' grants the privileged role ${labelOf(id, catalog)} to user ${userId} in ` +
        `${ouLabel(orgId)}, who is not in ${PRIVILEGED_ROLES}.allowedUserIds; remove the role from roleIds, or add ` +
        `${userId} to ${PRIVILEGED_ROLES}.allowedUserIds in the policy pack config`,
    );
}

export function privilegedRolesPolicy(source: CatalogSource): ResourceValidationPolicy {
  return {
    name: PRIVILEGED_ROLES,
    description: "Privileged roles (by id, or by name in the OU) may be granted only to the listed users.",
    enforcementLevel: "mandatory",
    configSchema: configSchemaOf(privilegedRolesConfig),
    validateResource: async (args, reportViolation) => {
      const grant = subjectOf(args, "RoleAssignment", roleAssignmentProps);
      if (grant === undefined) return;
      const config = parsePolicyConfig(PRIVILEGED_ROLES, privilegedRolesConfig, args.getConfig<RawPolicyConfig>());
      if (config.allowedUserIds.includes(grant.props.userId)) return;
      const need = {
        source,
        kind: "roles" as const,
        orgId: grant.props.orgId,
        namesKey: config.roleNames.length > 0 ? `${PRIVILEGED_ROLES}.roleNames` : undefined,
      };
      for (const message of await violationsWithNames(need, (c) => privilegedRoleViolations(grant, config, c))) {
        reportViolation(message);
      }
    },
  };
}

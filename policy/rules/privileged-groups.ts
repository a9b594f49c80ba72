/**
 * Rule 6 (from the EnOS permission model): in the Application Portal a user also holds the roles of the user groups
 * they belong to, so joining a privileged group is a privileged grant by another route. Privileged user groups (by id,
 * or by name in the OU) may be joined only by the listed users.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { idsNamed, labelOf, type CatalogSource, type NameCatalog } from "../catalog";
import { configSchemaOf, idList, parsePolicyConfig, type RawPolicyConfig } from "../config";
import {
  ouLabel,
  subjectOf,
  userGroupMembershipProps,
  type Subject,
  type UserGroupMembershipProps,
} from "../resources";
import { violationsWithNames } from "./names";

export const PRIVILEGED_GROUPS = "enos-privileged-groups";

export const privilegedGroupsConfig = z.object({
  userGroupIds: idList("ids of privileged user groups"),
  userGroupNames: z
    .array(z.string().min(1))
    .default([])
    .describe("names of privileged user groups, resolved in each membership's OU (case-insensitive)"),
  allowedUserIds: idList("users who may join privileged user groups"),
});
export type PrivilegedGroupsConfig = z.output<typeof privilegedGroupsConfig>;

export function privilegedGroupViolations(
  membership: Subject<UserGroupMembershipProps>,
  config: PrivilegedGroupsConfig,
  catalog: NameCatalog | undefined,
): string[] {
  const { userId, orgId, userGroupIds } = membership.props;
  if (config.allowedUserIds.includes(userId)) return [];
  const privileged = new Set([...config.userGroupIds, ...(catalog ? idsNamed(catalog, config.userGroupNames) : [])]);
  return userGroupIds
    .filter((id) => privileged.has(id))
    .map(
      (id) =>
        `UserGroupMembership '${membership.name}' adds user ${userId} in ${ouLabel(orgId)} to the privileged user ` +
        `group ${labelOf(id, catalog)} (members hold the group's roles), and ${userId} is not in ` +
        `${PRIVILEGED_GROUPS}.allowedUserIds; remove the group from userGroupIds, or add ${userId} to ` +
        `${PRIVILEGED_GROUPS}.allowedUserIds in the policy pack config`,
    );
}

export function privilegedGroupsPolicy(source: CatalogSource): ResourceValidationPolicy {
  return {
    name: PRIVILEGED_GROUPS,
    description: "Privileged user groups (by id, or by name in the OU) may be joined only by the listed users.",
    enforcementLevel: "mandatory",
    configSchema: configSchemaOf(privilegedGroupsConfig),
    validateResource: async (args, reportViolation) => {
      const membership = subjectOf(args, "UserGroupMembership", userGroupMembershipProps);
      if (membership === undefined) return;
      const config = parsePolicyConfig(PRIVILEGED_GROUPS, privilegedGroupsConfig, args.getConfig<RawPolicyConfig>());
      if (config.userGroupIds.length === 0 && config.userGroupNames.length === 0) return;
      const need = {
        source,
        kind: "userGroups" as const,
        orgId: membership.props.orgId,
        namesKey: config.userGroupNames.length > 0 ? `${PRIVILEGED_GROUPS}.userGroupNames` : undefined,
      };
      for (const message of await violationsWithNames(need, (c) => privilegedGroupViolations(membership, config, c))) {
        reportViolation(message);
      }
    },
  };
}

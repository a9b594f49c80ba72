/**
 * Rule 3: an exhaustive grant (RoleAssignment or UserGroupMembership with `exhaustive: true`) removes whatever it
 * does not list, so it must cap its removals (`maxRemovals`, at most the configured limit) and must protect the
 * break-glass roles and groups, or one `pulumi up` could strip the emergency access of every user it manages.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { idsNamed, labelOf, type CatalogSource, type NameCatalog } from "../catalog";
import { configSchemaOf, idList, parsePolicyConfig, type RawPolicyConfig } from "../config";
import {
  ouLabel,
  roleAssignmentProps,
  subjectOf,
  userGroupMembershipProps,
  type RoleAssignmentProps,
  type Subject,
  type UserGroupMembershipProps,
} from "../resources";
import { violationsWithNames } from "./names";

export const EXHAUSTIVE_GRANTS = "enos-exhaustive-grants";

export const exhaustiveGrantsConfig = z.object({
  maxRemovalsLimit: z
    .number()
    .int()
    .min(0)
    .default(5)
    .describe("the largest maxRemovals an exhaustive grant may set (it must set one)"),
  breakGlassRoleIds: idList("role ids every exhaustive RoleAssignment must list in protectedRoleIds"),
  breakGlassRoleNames: z
    .array(z.string().min(1))
    .default(["Organization Administrator"])
    .describe(
      "role names (resolved in the OU; unknown names are ignored) every exhaustive RoleAssignment must protect",
    ),
  breakGlassUserGroupIds: idList(
    "user group ids every exhaustive UserGroupMembership must list in protectedUserGroupIds",
  ),
});
export type ExhaustiveGrantsConfig = z.output<typeof exhaustiveGrantsConfig>;

type GrantKind = "RoleAssignment" | "UserGroupMembership";

function removalViolations(
  kind: GrantKind,
  name: string,
  who: string,
  maxRemovals: number | undefined,
  config: ExhaustiveGrantsConfig,
): string[] {
  const items = kind === "RoleAssignment" ? "roles" : "user groups";
  const limitKey = `${EXHAUSTIVE_GRANTS}.maxRemovalsLimit`;
  if (maxRemovals === undefined) {
    return [
      `exhaustive ${kind} '${name}' (${who}) sets no maxRemovals, so one run may remove any number of ${items}; ` +
        `set maxRemovals to at most ${config.maxRemovalsLimit} (${limitKey} in the policy pack config)`,
    ];
  }
  if (maxRemovals > config.maxRemovalsLimit) {
    return [
      `exhaustive ${kind} '${name}' (${who}) sets maxRemovals ${maxRemovals}, above the limit ` +
        `${config.maxRemovalsLimit}; lower maxRemovals, or raise ${limitKey} in the policy pack config`,
    ];
  }
  return [];
}

export function exhaustiveRoleViolations(
  grant: Subject<RoleAssignmentProps>,
  config: ExhaustiveGrantsConfig,
  catalog: NameCatalog | undefined,
): string[] {
  const { exhaustive, userId, orgId, maxRemovals, protectedRoleIds = [] } = grant.props;
  if (exhaustive !== true) return [];
  const who = `user ${userId} in ${ouLabel(orgId)}`;
  const breakGlass = new Set([
    ...config.breakGlassRoleIds,
    ...(catalog ? idsNamed(catalog, config.breakGlassRoleNames) : []),
  ]);
  const unprotected = [...breakGlass].filter((id) => !protectedRoleIds.includes(id)).sort();
  return [
    ...removalViolations("RoleAssignment", grant.name, who, maxRemovals, config),
    ...unprotected.map(
      (id) =>
        `exhaustive RoleAssignment '${grant.name}' (${who}) does not protect the break-glass role ` +
        `${labelOf(id, catalog)}: it would remove that role from the user; add it to protectedRoleIds ` +
        `(break-glass roles: ${EXHAUSTIVE_GRANTS}.breakGlassRoleIds and .breakGlassRoleNames in the policy pack config)`,
    ),
  ];
}

export function exhaustiveGroupViolations(
  grant: Subject<UserGroupMembershipProps>,
  config: ExhaustiveGrantsConfig,
  catalog: NameCatalog | undefined,
): string[] {
  const { exhaustive, userId, orgId, maxRemovals, protectedUserGroupIds = [] } = grant.props;
  if (exhaustive !== true) return [];
  const who = `user ${userId} in ${ouLabel(orgId)}`;
  const unprotected = config.breakGlassUserGroupIds.filter((id) => !protectedUserGroupIds.includes(id));
  return [
    ...removalViolations("UserGroupMembership", grant.name, who, maxRemovals, config),
    ...unprotected.map(
      (id) =>
        `exhaustive UserGroupMembership '${grant.name}' (${who}) does not protect the break-glass user group ` +
        `${labelOf(id, catalog)}: it would remove the user from it; add it to protectedUserGroupIds ` +
        `(${EXHAUSTIVE_GRANTS}.breakGlassUserGroupIds in the policy pack config)`,
    ),
  ];
}

export function exhaustiveGrantsPolicy(source: CatalogSource): ResourceValidationPolicy {
  return {
    name: EXHAUSTIVE_GRANTS,
    description:
      "An exhaustive grant must set maxRemovals (at most the configured limit) and protect the break-glass roles and groups.",
    enforcementLevel: "mandatory",
    configSchema: configSchemaOf(exhaustiveGrantsConfig),
    validateResource: async (args, reportViolation) => {
      const config = () =>
        parsePolicyConfig(EXHAUSTIVE_GRANTS, exhaustiveGrantsConfig, args.getConfig<RawPolicyConfig>());
      const roles = subjectOf(args, "RoleAssignment", roleAssignmentProps);
      const groups = subjectOf(args, "UserGroupMembership", userGroupMembershipProps);
      let messages: string[] = [];
      if (roles?.props.exhaustive === true) {
        const c = config();
        const need = {
          source,
          kind: "roles" as const,
          orgId: roles.props.orgId,
          namesKey: c.breakGlassRoleNames.length > 0 ? `${EXHAUSTIVE_GRANTS}.breakGlassRoleNames` : undefined,
        };
        messages = await violationsWithNames(need, (catalog) => exhaustiveRoleViolations(roles, c, catalog));
      } else if (groups?.props.exhaustive === true) {
        const c = config();
        const need = { source, kind: "userGroups" as const, orgId: groups.props.orgId, namesKey: undefined };
        messages = await violationsWithNames(need, (catalog) => exhaustiveGroupViolations(groups, c, catalog));
      }
      for (const message of messages) reportViolation(message);
    },
  };
}

/**
 * Rule 2: separation of duties. Configured pairs of roles that one user may not hold together, checked across every
 * RoleAssignment of the stack for the same OU and user (a stack validation: no single resource shows the whole set).
 * It sees the roles the stack grants; a role granted in the console is drift, which the review and drift reports show.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { z } from "zod";
import { idsNamed, labelOf, type CatalogSource, type NameCatalog } from "../catalog";
import { configSchemaOf, idPairs, parsePolicyConfig, type RawPolicyConfig } from "../config";
import { ouKey, ouLabel, roleAssignmentProps, subjectOf, type RoleAssignmentProps, type Subject } from "../resources";
import { violationsWithNames } from "./names";

export const SEPARATION_OF_DUTIES = "enos-separation-of-duties";

export const separationOfDutiesConfig = z.object({
  conflictingRoleIds: idPairs('pairs of role ids one user may not hold together, e.g. [["r-auditor", "r-admin"]]'),
  conflictingRoleNames: idPairs("pairs of role names (resolved in the OU) one user may not hold together"),
});
export type SeparationOfDutiesConfig = z.output<typeof separationOfDutiesConfig>;

/** Every RoleAssignment of one user in one OU. */
export interface UserGrants {
  orgId: string | undefined;
  userId: string;
  grants: Subject<RoleAssignmentProps>[];
}

/** Groups the stack's RoleAssignments by OU and user. */
export function grantsByUser(grants: Subject<RoleAssignmentProps>[]): UserGrants[] {
  const byUser = new Map<string, UserGrants>();
  for (const grant of grants) {
    const key = `${ouKey(grant.props.orgId)}/${grant.props.userId}`;
    let entry = byUser.get(key);
    if (entry === undefined) {
      entry = { orgId: grant.props.orgId, userId: grant.props.userId, grants: [] };
      byUser.set(key, entry);
    }
    entry.grants.push(grant);
  }
  return [...byUser.values()];
}

export interface Conflict {
  urn: string;
  message: string;
}

/** One conflict per forbidden pair the user would hold, reported on the resource granting the pair's second role. */
export function separationOfDutiesViolations(
  user: UserGrants,
  config: SeparationOfDutiesConfig,
  catalog: NameCatalog | undefined,
): Conflict[] {
  const grantedBy = new Map<string, Subject<RoleAssignmentProps>>();
  for (const grant of user.grants)
    for (const id of grant.props.roleIds) if (!grantedBy.has(id)) grantedBy.set(id, grant);
  const pairs: Array<{ a: string; b: string; key: string }> = config.conflictingRoleIds.map(([a, b]) => ({
    a: a ?? "",
    b: b ?? "",
    key: "conflictingRoleIds",
  }));
  if (catalog !== undefined) {
    for (const [nameA, nameB] of config.conflictingRoleNames) {
      for (const a of idsNamed(catalog, [nameA ?? ""]))
        for (const b of idsNamed(catalog, [nameB ?? ""])) pairs.push({ a, b, key: "conflictingRoleNames" });
    }
  }
  const conflicts: Conflict[] = [];
  for (const { a, b, key } of pairs) {
    const grantA = grantedBy.get(a);
    const grantB = grantedBy.get(b);
    if (a === b || grantA === undefined || grantB === undefined) continue;
    const by =
      grantA === grantB
        ? `RoleAssignment '${grantA.name}'`
        : `RoleAssignment '${grantA.name}' and RoleAssignment '${grantB.name}'`;
    conflicts.push({
      urn: grantB.urn,
      message:
        `user ${user.userId} in ${ouLabel(user.orgId)} would hold both ${labelOf(a, catalog)} and ` +
        `${labelOf(b, catalog)} (granted by ${by}), a pair that ${SEPARATION_OF_DUTIES}.${key} forbids one user ` +
        `to hold; grant the user only one of them, or change ${SEPARATION_OF_DUTIES}.${key} in the policy pack config`,
    });
  }
  return conflicts;
}

export function separationOfDutiesPolicy(source: CatalogSource): StackValidationPolicy {
  return {
    name: SEPARATION_OF_DUTIES,
    description: "Configured pairs of roles may not be held by one user, across every RoleAssignment of the stack.",
    enforcementLevel: "mandatory",
    configSchema: configSchemaOf(separationOfDutiesConfig),
    validateStack: async (args, reportViolation) => {
      const config = parsePolicyConfig(
        SEPARATION_OF_DUTIES,
        separationOfDutiesConfig,
        args.getConfig<RawPolicyConfig>(),
      );
      if (config.conflictingRoleIds.length === 0 && config.conflictingRoleNames.length === 0) return;
      const grants = args.resources.flatMap((r) => subjectOf(r, "RoleAssignment", roleAssignmentProps) ?? []);
      for (const user of grantsByUser(grants)) {
        const need = {
          source,
          kind: "roles" as const,
          orgId: user.orgId,
          namesKey: config.conflictingRoleNames.length > 0 ? `${SEPARATION_OF_DUTIES}.conflictingRoleNames` : undefined,
        };
        const conflicts = await violationsWithNames(need, (c) => separationOfDutiesViolations(user, config, c));
        for (const conflict of conflicts) reportViolation(conflict.message, conflict.urn);
      }
    },
  };
}

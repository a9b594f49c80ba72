/**
 * Every resource takes an optional `orgId`; when absent, `check` fills in the provider default (`enos:orgId` /
 * ENOS_ORG_ID) so the OU is recorded in state and a later change of the default shows up as a diff (resources.md).
 */
import type { CheckFailure } from "./issues";

/** What `check` may fill in. `orgId` comes from the provider settings (config.ts). */
export interface CheckDefaults {
  orgId?: string | undefined;
}

/** The failure for a resource without `orgId` when no default is configured. */
export const missingOrgIdFailure: CheckFailure = {
  property: "orgId",
  reason:
    "orgId is not set and no default OU is configured: set orgId on the resource, or run " +
    "`pulumi config set enos:orgId <ou-id>` (or set ENOS_ORG_ID)",
};

/**
 * Returns `fields` with `orgId` filled from `defaults` when the program gave none (the unknown sentinel counts as
 * given), plus the failure when neither exists. The old inputs are deliberately not consulted: configuration is the
 * declared truth, and silently reusing an old OU would hide a missing setting that new resources would trip over.
 */
export function applyDefaultOrgId(
  fields: Record<string, unknown>,
  defaults: CheckDefaults,
): { fields: Record<string, unknown>; failures: CheckFailure[] } {
  const given = fields["orgId"];
  if (given !== undefined) return { fields, failures: [] };
  if (defaults.orgId !== undefined && defaults.orgId !== "") {
    return { fields: { ...fields, orgId: defaults.orgId }, failures: [] };
  }
  return { fields, failures: [missingOrgIdFailure] };
}

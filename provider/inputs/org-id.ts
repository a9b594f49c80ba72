/**
 * Every resource takes an optional `orgId`; when absent, the provider default (`enos:orgId` / ENOS_ORG_ID) applies.
 * `check` fills it in, so the OU is recorded in state and a later change of the default shows up as a diff (README
 * "Resources"); lookups and old state without an OU resolve it the same way (`context.ts`).
 */
import { HOW_TO_SET_ORG_ID, orgIdOrDefault } from "../client/settings";
import type { CheckFailure } from "./issues";

/** What `check` may fill in. `orgId` comes from the provider settings (config.ts). */
export interface CheckDefaults {
  orgId?: string | undefined;
}

/** The failure for a resource without `orgId` when no default is configured. */
export const missingOrgIdFailure: CheckFailure = {
  property: "orgId",
  reason: `orgId is not set and no default OU is configured: ${HOW_TO_SET_ORG_ID}`,
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
  const orgId = orgIdOrDefault(fields["orgId"], defaults.orgId);
  if (orgId === undefined) return { fields, failures: [missingOrgIdFailure] };
  return { fields: { ...fields, orgId }, failures: [] };
}

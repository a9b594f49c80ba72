/**
 * The pulumi-enos policy pack: every rule with its default enforcement level. `policy/pack/` (PulumiPolicy.yaml +
 * index.js) calls createEnosPolicyPack(); a pack of your own can pick rules from enosPolicies() instead.
 */
import { PolicyPack, type Policies, type PolicyPackConfig } from "@pulumi/policy";
import { enosCatalogSource, type CatalogSource } from "./catalog";
import { appHygienePolicy } from "./rules/app-hygiene";
import { deviceBlastRadiusPolicy } from "./rules/device-blast-radius";
import { exhaustiveGrantsPolicy } from "./rules/exhaustive-grants";
import { privilegedGroupsPolicy } from "./rules/privileged-groups";
import { privilegedRolesPolicy } from "./rules/privileged-roles";
import { protectedDevicesPolicy } from "./rules/protected-devices";
import { separationOfDutiesPolicy } from "./rules/separation-of-duties";

export const ENOS_POLICY_PACK_NAME = "pulumi-enos";

/** Every rule. Role and group names are read from EnOS through `source` (default: the stack's enos:* config). */
export function enosPolicies(source: CatalogSource = enosCatalogSource()): Policies {
  return [
    privilegedRolesPolicy(source),
    separationOfDutiesPolicy(source),
    exhaustiveGrantsPolicy(source),
    deviceBlastRadiusPolicy(),
    protectedDevicesPolicy(),
    appHygienePolicy(),
    privilegedGroupsPolicy(source),
  ];
}

export interface EnosPolicyPackOptions {
  /** Pack name (letters, digits, `-_.`). Default "pulumi-enos". */
  name?: string;
  /** Rules to serve. Default: enosPolicies(). */
  policies?: Policies;
  /** Initial config, overridden by `--policy-pack-config`. */
  config?: PolicyPackConfig;
}

/**
 * Starts serving the pack: call it once from a policy pack's entry point (the process the engine starts). The pack's
 * version is its directory's package.json version, as @pulumi/policy reads it.
 */
export function createEnosPolicyPack(options: EnosPolicyPackOptions = {}): PolicyPack {
  return new PolicyPack(
    options.name ?? ENOS_POLICY_PACK_NAME,
    { policies: options.policies ?? enosPolicies(), description: "Guardrails for EnOS grants, apps and devices" },
    options.config,
  );
}

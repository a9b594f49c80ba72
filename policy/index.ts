/**
 * `pulumi-enos/policy`: CrossGuard rules for EnOS grants, apps and devices (README "Policy"). Each rule exports its
 * policy, its config schema with defaults, and its logic as a plain function of the resource properties.
 */
export { createEnosPolicyPack, enosPolicies, ENOS_POLICY_PACK_NAME, type EnosPolicyPackOptions } from "./policy-pack";
export {
  enosCatalogSource,
  stackConfigFromEnv,
  type CatalogSource,
  type NameCatalog,
  type CatalogKind,
} from "./catalog";
export { ENOS_TYPES, type EnosKind } from "./resources";
export { PolicyInputError } from "./errors";
export * from "./rules/privileged-roles";
export * from "./rules/separation-of-duties";
export * from "./rules/exhaustive-grants";
export * from "./rules/device-blast-radius";
export * from "./rules/protected-devices";
export * from "./rules/app-hygiene";
export * from "./rules/privileged-groups";

/**
 * Resource interfaces and input validation: one module per resource (its inputs, outputs and replace rule) plus the
 * shared field schemas, the check runner and the issue wording. Pure: no Pulumi, no client calls.
 */
export { UNKNOWN, isUnknown, containsUnknown, isKnown, orUnknown, type Known, type Unknown } from "./unknown";
export { isEngineKey, splitEngineKeys, type Props } from "./engine-keys";
export { byCodeUnits, sortedEntries } from "./order";
export { sortUnique, base64DecodedBytes, isHttpUrlOrEmpty } from "./fields";
export { normaliseLocaleKey, type I18nText } from "./i18n";
export { issuesToFailures, renderValue, closestKey, editDistance, type CheckFailure } from "./issues";
export type { CheckDefaults } from "./org-id";
export { checkInputs, type CheckOutcome } from "./check";
export { unknownIdFailures, type CatalogEntry, type KnownIdsCheck } from "./known-ids";
export { replacesFor, canonical } from "./replaces";
export {
  inputKeysOf,
  outputKeysOf,
  type ComputedOf,
  type InputObject,
  type InputsOf,
  type OutputKeyOf,
  type OutputShape,
  type OutputsOf,
  type PreviewedOf,
  type RawInputsOf,
  type ResourceSchema,
} from "./resource-schema";
export { enosAppSchema, type EnosAppInputs } from "./enos-app";
export { appMenuSchema, type AppMenuInputs } from "./app-menu";
export { appPermissionSchema, type AppPermissionInputs } from "./app-permission";
export { roleAssignmentSchema, type RoleAssignmentInputs } from "./role-assignment";
export { userGroupMembershipSchema, type UserGroupMembershipInputs } from "./user-group-membership";
export { deviceEnablementSchema, type DeviceEnablementInputs } from "./device-enablement";

export { EnosApp, type EnosAppArgs } from "./enos-app";
export { AppMenu, type AppMenuArgs } from "./app-menu";
export { AppPermission, type AppPermissionArgs } from "./app-permission";
export { RoleAssignment, type RoleAssignmentArgs } from "./role-assignment";
export { UserGroupMembership, type UserGroupMembershipArgs } from "./user-group-membership";
export { DeviceEnablement, type DeviceEnablementArgs, type DeviceEnablementSettings } from "./device-enablement";
export {
  getApp,
  getAppOutput,
  getApps,
  getDevice,
  getDeviceOutput,
  getOrganizationRoles,
  getRole,
  getRoleOutput,
  getUserGroup,
  getUserGroupOutput,
  getUserGroups,
  type AppLookupArgs,
  type AppLookupOutputArgs,
  type AppSummary,
  type DeviceLookupArgs,
  type DeviceLookupOutputArgs,
  type DeviceSummary,
  type Locale,
  type LocalisedLookupArgs,
  type LookupArgs,
  type NamedRef,
  type NamedRefLookupArgs,
  type NamedRefLookupOutputArgs,
} from "./lookups";
export type { DeviceIdentity, I18n, I18nInput } from "./types";

export { EnosApp, type EnosAppArgs } from "./enos-app";
export { AppMenu, type AppMenuArgs } from "./app-menu";
export { AppPermission, type AppPermissionArgs } from "./app-permission";
export { RoleAssignment, type RoleAssignmentArgs } from "./role-assignment";
export { UserGroupMembership, type UserGroupMembershipArgs } from "./user-group-membership";
export { DeviceEnablement, type DeviceEnablementArgs } from "./device-enablement";
export {
  getApps,
  getDevice,
  getOrganizationRoles,
  getUserGroups,
  type AppSummary,
  type DeviceSummary,
  type LocalisedLookupArgs,
  type LookupArgs,
  type NamedRef,
} from "./lookups";
export type { I18n, I18nInput } from "./types";

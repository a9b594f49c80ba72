/**
 * `pulumi-enos/provider`: what the serialized provider shims require at call time (design §3). It runs inside the
 * dynamic-provider process; the program process only touches it through the lookups.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configure as storeSettings } from "./config";
import { appMenuProvider } from "./resources/app-menu";
import { appPermissionProvider } from "./resources/app-permission";
import { deviceEnablementProvider } from "./resources/device-enablement";
import { enosAppProvider } from "./resources/enos-app";
import { roleAssignmentProvider } from "./resources/role-assignment";
import { userGroupMembershipProvider } from "./resources/user-group-membership";

/** Called once per serialized provider per process with the whole stack config (keys namespaced, secrets plain). */
export async function configure(request: dynamic.ConfigureRequest): Promise<void> {
  storeSettings(request.config);
}

/** The providers behind each resource kind, keyed like the sdk's `ResourceKind`. */
export const resourceProviders = {
  EnosApp: enosAppProvider,
  AppMenu: appMenuProvider,
  AppPermission: appPermissionProvider,
  RoleAssignment: roleAssignmentProvider,
  UserGroupMembership: userGroupMembershipProvider,
  DeviceEnablement: deviceEnablementProvider,
} satisfies Record<string, Required<dynamic.ResourceProvider>>;

export * as lookups from "./lookups";

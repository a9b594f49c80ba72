/**
 * `pulumi-enos/provider`: what the sdk's serialized provider shims require at call time (README "Drift, errors and
 * secrets": the shim in the state loads the installed package), plus the EnOS client for programs that call EnOS
 * directly (README "Configuration"). It runs inside the dynamic-provider process; a program touches it through the
 * sdk's lookups.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configure as storeSettings } from "./config";
import { deviceEnablementProvider } from "./resources/devices/device-enablement";
import { roleAssignmentProvider } from "./resources/grants/role-assignment";
import { userGroupMembershipProvider } from "./resources/grants/user-group-membership";
import { appMenuProvider } from "./resources/keyword/app-menu";
import { appPermissionProvider } from "./resources/keyword/app-permission";
import { enosAppProvider } from "./resources/keyword/enos-app";
import type { EngineProvider, ResourceName } from "./resources/kit/define-provider";

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
} satisfies Record<ResourceName, EngineProvider>;

export * from "./client";

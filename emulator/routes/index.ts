import { appRoutes } from "./app-service-apps";
import { menuRoutes } from "./app-service-menus";
import { permissionRoutes } from "./app-service-permissions";
import { portalRoutes } from "./app-portal-grants";
import { portalUserRoutes } from "./app-portal-users";
import { connectRoutes } from "./connect";
import type { Route } from "./route";
import { tokenRoutes } from "./token";

/** Every EnOS endpoint the emulator serves (README "EnOS API coverage"). */
export const allRoutes: readonly Route[] = [
  ...tokenRoutes,
  ...appRoutes,
  ...menuRoutes,
  ...permissionRoutes,
  ...portalRoutes,
  ...portalUserRoutes,
  ...connectRoutes,
];

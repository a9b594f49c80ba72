import { invalid } from "../service-error";
import type { PermissionRecord } from "../state-schema";
import { requireBody } from "../validation";
import { findItem, itemTarget, listTarget, readItemFields, renderItem } from "./app-service-items";
import { APP_SERVICE, REGISTRATION_ADMIN, orgFromQuery } from "./app-service-shared";
import type { Route, RouteContext } from "./route";

const PATH = `${APP_SERVICE}/permissions`;

/** Create Permission: name*, description, appId*, keyword* (unique within the app: 31408). */
function createPermission(context: RouteContext): unknown {
  const orgId = orgFromQuery(context);
  const fields = readItemFields(context, requireBody(context.body), orgId, context.store.data.permissions);
  const permission: PermissionRecord = { id: context.store.nextId("permission"), ...fields, status: null };
  context.store.data.permissions.push(permission);
  context.store.commit();
  return renderItem(context, permission);
}

/** inf: the appId of a permission cannot change; a different appId is 31400 parameter.invalid.appId. */
function updatePermission(context: RouteContext): unknown {
  const { orgId, id } = itemTarget(context, "body");
  const permissions = context.store.data.permissions;
  const permission = findItem(context, orgId, permissions, "permission", id);
  const fields = readItemFields(context, requireBody(context.body), orgId, permissions, permission.id);
  if (fields.appId !== permission.appId) throw invalid("appId", "a permission cannot move to another app");
  Object.assign(permission, fields);
  context.store.commit();
  return renderItem(context, permission);
}

function deletePermission(context: RouteContext): unknown {
  const { orgId, id } = itemTarget(context, "query");
  const permission = findItem(context, orgId, context.store.data.permissions, "permission", id);
  context.store.data.permissions = context.store.data.permissions.filter((candidate) => candidate !== permission);
  context.store.commit();
  return true;
}

export const permissionRoutes: readonly Route[] = [
  { methods: ["POST"], path: PATH, service: "app-service", policy: REGISTRATION_ADMIN, handle: createPermission },
  { methods: ["PUT"], path: PATH, service: "app-service", policy: REGISTRATION_ADMIN, handle: updatePermission },
  // inf: Delete/List Permissions mirror the documented menu endpoints (their pages exist, bodies n/f).
  { methods: ["DELETE"], path: PATH, service: "app-service", policy: REGISTRATION_ADMIN, handle: deletePermission },
  {
    methods: ["GET"],
    path: PATH,
    service: "app-service",
    policy: REGISTRATION_ADMIN,
    handle: (context) => {
      const appId = listTarget(context);
      return context.store.data.permissions
        .filter((permission) => permission.appId === appId)
        .map((permission) => renderItem(context, permission));
    },
  },
];

/**
 * The coalesced read path of apps, menus and permissions. During a refresh the engine reads every resource at once;
 * `apps/list` returns all apps of an OU and `menus`/`permissions` every item of an app, so reads issued in the same
 * short window share one list call per OU (apps) or per (OU, app) (menus, permissions).
 *
 * Each key's call is settled on its own, so one deleted app (31404 on its menu list) does not fail the reads of
 * menus of other apps that happened to share the batch window.
 */
import {
  createBatchLoader,
  type App,
  type BatchLoader,
  type EnosClient,
  type Menu,
  type Permission,
} from "../../client";
import { perClient } from "../kit/per-client";

/** The app whose items a menu or permission list covers. */
export interface AppScope {
  orgId: string;
  appId: string;
}

type Settled<V> = { ok: true; value: V } | { ok: false; error: unknown };

const scopeKey = (scope: AppScope): string => `${scope.orgId}/${scope.appId}`;

/** A batch function calling `fetch` once per distinct key, keeping each key's outcome (value or error) apart. */
function settledBatch<K, V>(fetch: (key: K) => Promise<V>): (keys: K[]) => Promise<Map<K, Settled<V>>> {
  return async (keys) => {
    const outcomes = await Promise.allSettled(keys.map(fetch));
    const settled = outcomes.map((outcome): Settled<V> =>
      outcome.status === "fulfilled" ? { ok: true, value: outcome.value } : { ok: false, error: outcome.reason },
    );
    return new Map(keys.map((key, index) => [key, settled[index] ?? { ok: false, error: new Error("no outcome") }]));
  };
}

const loadersOf = perClient((client: EnosClient) => {
  const api = client.appService;
  return {
    apps: createBatchLoader(settledBatch((orgId: string) => api.listApps(orgId))),
    menus: createBatchLoader(
      settledBatch((scope: AppScope) => api.listMenus(scope.orgId, scope.appId)),
      { keyOf: scopeKey },
    ),
    permissions: createBatchLoader(
      settledBatch((scope: AppScope) => api.listPermissions(scope.orgId, scope.appId)),
      { keyOf: scopeKey },
    ),
  };
});

async function unwrap<K, V>(loader: BatchLoader<K, Settled<V>>, key: K): Promise<V> {
  const outcome = await loader.load(key);
  if (outcome === undefined) throw new Error("the coalesced list call returned no result for this key");
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Every app of `orgId` (one `apps/list` call shared by concurrent reads of the OU). */
export function loadApps(client: EnosClient, orgId: string): Promise<App[]> {
  return unwrap(loadersOf(client).apps, orgId);
}

/** Every menu of the app (one `menus` list call shared by concurrent reads of the app's menus). */
export function loadMenus(client: EnosClient, scope: AppScope): Promise<Menu[]> {
  return unwrap(loadersOf(client).menus, scope);
}

/** Every permission of the app (one `permissions` list call shared by concurrent reads). */
export function loadPermissions(client: EnosClient, scope: AppScope): Promise<Permission[]> {
  return unwrap(loadersOf(client).permissions, scope);
}

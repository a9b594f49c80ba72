/**
 * The coalesced read path of apps, menus and permissions. During a refresh the engine reads every resource at once;
 * `apps/list` returns all apps of an OU and `menus`/`permissions` every item of an app, so reads issued in the same
 * short window share one list call per OU (apps) or per (OU, app) (menus, permissions).
 *
 * Each key's call is settled on its own, so one deleted app (31404 on its menu list) does not fail the reads of
 * menus of other apps that happened to share the batch window.
 *
 * The engine's `--parallel` workers send a refresh's reads a few at a time, so one list call per window would still
 * read the same list many times. Once a list has been read live KEEP_AFTER_LIVE_READS times (its reads keep
 * arriving), the next live read of it is kept and answers later reads, until this process writes to the list's OU:
 * a kept list is dropped when such a write is sent and again when it is answered (a list read while it was in
 * flight may not show it), so it never hides a change of this process. A provider process serves one engine
 * operation (grants/ou-snapshot.ts), so a kept list is never older than the operation. Failed reads are not kept.
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
import { epochMap } from "../kit/read-epoch";

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

/** Live reads of one list (since the last write to its OU) after which the next one is kept. */
export const KEEP_AFTER_LIVE_READS = 2;

interface ListState {
  orgId: string;
  liveReads: number;
  kept?: Promise<readonly unknown[]>;
}

/** `read()` of the list `key` of `orgId`, kept as the file comment says. */
function keptLists(client: EnosClient) {
  const byList = epochMap<string, ListState>();
  client.onWrite((write) => {
    if (write.family !== "app-service") return;
    const orgId = write.query?.["orgId"];
    const drop = () => {
      const lists = byList.current();
      for (const [key, list] of lists) if (typeof orgId !== "string" || list.orgId === orgId) lists.delete(key);
    };
    drop();
    void write.settled.then(drop);
  });
  return <T>(orgId: string, key: string, read: () => Promise<T[]>): Promise<T[]> => {
    const lists = byList.current();
    const id = `${key}@${orgId}`;
    const list = lists.get(id) ?? { orgId, liveReads: 0 };
    lists.set(id, list);
    if (list.kept === undefined) {
      const live = read();
      list.liveReads += 1;
      if (list.liveReads <= KEEP_AFTER_LIVE_READS) return live;
      list.kept = live;
      live.catch(() => lists.get(id) === list && lists.delete(id));
    }
    return (list.kept as Promise<T[]>).then((items) => [...items]);
  };
}

const loadersOf = perClient((client: EnosClient) => {
  const api = client.appService;
  const keep = keptLists(client);
  return {
    apps: createBatchLoader(settledBatch((orgId: string) => keep(orgId, "apps", () => api.listApps(orgId)))),
    menus: createBatchLoader(
      settledBatch((scope: AppScope) =>
        keep(scope.orgId, `menus/${scope.appId}`, () => api.listMenus(scope.orgId, scope.appId)),
      ),
      { keyOf: scopeKey },
    ),
    permissions: createBatchLoader(
      settledBatch((scope: AppScope) =>
        keep(scope.orgId, `permissions/${scope.appId}`, () => api.listPermissions(scope.orgId, scope.appId)),
      ),
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

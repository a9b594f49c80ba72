/**
 * A per-key mutex for grant writes. appendRoles may overwrite the user's whole role set, so two resources of one
 * deployment that reconcile the same user at once (two additive RoleAssignments, or a replace that creates the
 * new resource while deleting the old) would each write a target computed from the same stale read, and the last
 * write would silently drop the other's roles. The engine runs every resource in one provider process, so an
 * in-process lock per (kind, OU, user) is enough (the keyed-mutex pattern of the Auth0 and Keycloak providers).
 */

const tails = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task of the same `key` has settled; tasks of other keys run concurrently. */
export async function withGrantLock<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const current = previous.then(task);
  const tail = current.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  try {
    return await current;
  } finally {
    // Keep the map small: drop the entry unless a later task has already queued behind this one.
    if (tails.get(key) === tail) tails.delete(key);
  }
}

/**
 * What the creates and updates of this deployment took charge of, so that a later delete of the same EnOS object
 * does not undo them. The engine runs every dynamic resource of one deployment in one provider process, and it
 * replaces create-first: a resource renamed without an alias, or `pulumi up --replace`, is created anew and the
 * old one deleted at the end. When both point at the same object (an adopted app, menu or permission; the grants
 * of one user; one device), the old resource's delete would otherwise delete the adopted object, remove the roles
 * just granted, or "restore" a device the new resource has just set.
 */

/** Ids (role or group ids, or the object itself: {@link WHOLE}) claimed per `<Resource>/<resource id>`. */
const claims = new Map<string, Set<string>>();

/** Stands for "the whole object" in a claim. */
const WHOLE = "";

function keyOf(resource: string, id: string): string {
  return `${resource}/${id}`;
}

/** Records that a resource of this deployment now manages object `id` as a whole. */
export function claimObject(resource: string, id: string): void {
  claimIds(resource, id, [WHOLE]);
}

/** Whether a resource of this deployment took object `id` over (its delete must leave it alone). */
export function isObjectClaimed(resource: string, id: string): boolean {
  return claims.get(keyOf(resource, id))?.has(WHOLE) ?? false;
}

/** Records that a resource of this deployment manages `ids` of object `id` (e.g. the roles of one user). */
export function claimIds(resource: string, id: string, ids: readonly string[]): void {
  const key = keyOf(resource, id);
  const claimed = claims.get(key) ?? new Set<string>();
  for (const one of ids) claimed.add(one);
  claims.set(key, claimed);
}

/** Of `ids`, those that no resource of this deployment has claimed on object `id`. */
export function unclaimedIds(resource: string, id: string, ids: readonly string[]): string[] {
  const claimed = claims.get(keyOf(resource, id));
  return claimed === undefined ? [...ids] : ids.filter((one) => !claimed.has(one));
}

/** Forgets every claim: a new deployment (tests run many in one process). */
export function resetClaims(): void {
  claims.clear();
}

/**
 * A create confirmed neither way: its answer was lost and not even a lookup by keyword got through, so the object
 * may exist without anyone knowing its id. Rather than forget it (an orphan if it exists), the create records the
 * resource under a stand-in id that names the keyword (a partial create, failures.ts), and every later step finds
 * the object by keyword instead:
 * - `pulumi refresh` reads it under its real id (the engine takes a new id from a read: RefreshStep in
 *   `pkg/resource/deploy/step.go`), or drops the resource when nothing is listed;
 * - `pulumi up` replaces it (`diff`), and the replacement's create takes the listed object as the one made earlier
 *   ({@link noteResume}) instead of calling it a duplicate; the stand-in's delete then leaves it alone (claimed);
 * - `pulumi destroy` deletes the listed object when it has the recorded settings.
 * EnOS ids are service-generated and never contain ":" with this prefix, so a stand-in cannot meet a real id.
 */

const PREFIX = "unconfirmed-create:";

/** The stand-in id of an unconfirmed create of `keyword`. */
export function unconfirmedId(keyword: string): string {
  return `${PREFIX}${keyword}`;
}

/** The keyword a stand-in id names. */
export function keywordOfUnconfirmed(id: string): string {
  return id.slice(PREFIX.length);
}

/** Whether `id` is a stand-in (then the object is found by keyword). */
export function isUnconfirmedId(id: string): boolean {
  return id.startsWith(PREFIX);
}

// The engine calls diff and then create of a replacement in the one provider process of a deployment, so what diff
// notes here reaches the create (as claims.ts relies on too).
const resumes = new Set<string>();

const keyOf = (resource: string, scope: string, keyword: string) => JSON.stringify([resource, scope, keyword]);

/** Notes that the next create of `keyword` in `scope` follows an unconfirmed one. */
export function noteResume(resource: string, scope: string, keyword: string): void {
  resumes.add(keyOf(resource, scope, keyword));
}

/** Whether a create of `keyword` in `scope` follows an unconfirmed one (the note is used up). */
export function takeResume(resource: string, scope: string, keyword: string): boolean {
  return resumes.delete(keyOf(resource, scope, keyword));
}

/** Forgets every note: a new deployment (tests run many in one process). */
export function resetResumes(): void {
  resumes.clear();
}

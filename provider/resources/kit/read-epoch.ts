/**
 * The epoch of the read path's snapshots (grants/ou-snapshot.ts, keyword/loaders.ts). In the engine a provider
 * process serves one operation, so its snapshots never outlive it; tests that model a later operation in the same
 * process bump the epoch, and every snapshot of an older epoch is dropped.
 */
let epoch = 0;

/** The current epoch. */
export function readEpoch(): number {
  return epoch;
}

/** Forgets every read snapshot, as a new provider process would. */
export function resetReadSnapshots(): void {
  epoch += 1;
}

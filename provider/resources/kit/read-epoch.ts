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

/**
 * A map that starts empty again in each new epoch: what a read path keeps for the rest of one engine operation.
 * `current()` is the map to use now.
 */
export function epochMap<K, V>(): { current(): Map<K, V> } {
  const map = new Map<K, V>();
  let seen = epoch;
  return {
    current() {
      if (seen !== epoch) {
        map.clear();
        seen = epoch;
      }
      return map;
    },
  };
}

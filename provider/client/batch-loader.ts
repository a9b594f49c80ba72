/**
 * A DataLoader-style coalescer for the provider's read path: `load(key)` calls made within a short window are
 * merged (deduplicated by `keyOf`) into one `batch(keys)` call, split into chunks of `maxBatchSize`. During a
 * refresh the engine reads many resources at once, so 1,000 role assignments cost a handful of API calls.
 */

export interface BatchLoaderOptions<K> {
  /** How long to collect keys before calling `batch`. @default 5 */
  windowMs?: number;
  /** Most keys per `batch` call; a full batch is sent at once. @default Infinity */
  maxBatchSize?: number;
  /** Identity of a key, for deduplication and result lookup. @default String(key) */
  keyOf?: (key: K) => string;
}

export interface BatchLoader<K, V> {
  /** The value `batch` returned for `key`, or undefined when its Map has no entry for it. */
  load(key: K): Promise<V | undefined>;
}

interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

interface Pending<K, V> {
  key: K;
  waiters: Array<Waiter<V>>;
}

/** Creates a loader over `batch`; see the file comment. A failed batch rejects every load in it. */
export function createBatchLoader<K, V>(
  batch: (keys: K[]) => Promise<Map<K, V>>,
  opts: BatchLoaderOptions<K> = {},
): BatchLoader<K, V> {
  const windowMs = opts.windowMs ?? 5;
  const maxBatchSize = opts.maxBatchSize ?? Number.POSITIVE_INFINITY;
  const keyOf = opts.keyOf ?? ((key: K) => String(key));
  let queue = new Map<string, Pending<K, V>>();
  let timer: NodeJS.Timeout | undefined;

  async function run(entries: Array<Pending<K, V>>): Promise<void> {
    try {
      const result = await batch(entries.map((e) => e.key));
      const byId = new Map<string, V>();
      result.forEach((value, key) => byId.set(keyOf(key), value));
      entries.forEach((e) => e.waiters.forEach((w) => w.resolve(byId.get(keyOf(e.key)))));
    } catch (error) {
      entries.forEach((e) => e.waiters.forEach((w) => w.reject(error)));
    }
  }

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const entries = [...queue.values()];
    queue = new Map();
    // load() flushes as soon as the queue is full, so a batch never exceeds maxBatchSize.
    void run(entries);
  }

  return {
    load(key) {
      return new Promise((resolve, reject) => {
        const id = keyOf(key);
        const pending = queue.get(id) ?? { key, waiters: [] };
        pending.waiters.push({ resolve, reject });
        queue.set(id, pending);
        if (queue.size >= maxBatchSize) flush();
        else timer ??= setTimeout(flush, windowMs);
      });
    },
  };
}

/**
 * Time as the client sees it. Injected so tests can record requested delays instead of sleeping.
 */

/** A source of time: `now()` in epoch ms, and `sleep(ms)` that resolves after (at least) that many ms. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. The timer is kept referenced: a script awaiting a backoff must not exit mid-retry. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : resolve())),
};

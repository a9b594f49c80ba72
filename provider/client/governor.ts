/**
 * The request governor: at most N calls in flight and, optionally, at most R HTTP requests started per second. ONE
 * governor serves every client in the process that targets the same apiUrl (a module-level registry), so a
 * deployment with 1,000 resources — each building its own client — still cannot exceed the limits against the
 * gateway. A call holds its slot (`run`) for all its requests; each request waits for its own start time (`pace`).
 */
import type { Clock } from "./clock";

export interface GovernorLimits {
  maxConcurrent: number;
  /** HTTP requests started per second (token requests and retries included); undefined = unlimited. */
  maxPerSecond: number | undefined;
}

/** A FIFO semaphore for calls plus start pacing for requests. */
export class Governor {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private nextStartAt = Number.NEGATIVE_INFINITY;

  constructor(
    private limits: GovernorLimits,
    private readonly clock: Clock,
  ) {}

  /** The limits in force (the tightest of every client sharing this governor). */
  get currentLimits(): GovernorLimits {
    return { ...this.limits };
  }

  /** Runs `task` once a slot is free; the slot is held until it settles. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Adopts the stricter of the current and the given limits. */
  tighten(limits: GovernorLimits): void {
    const rates = [this.limits.maxPerSecond, limits.maxPerSecond].filter((r): r is number => r !== undefined);
    this.limits = {
      maxConcurrent: Math.min(this.limits.maxConcurrent, limits.maxConcurrent),
      maxPerSecond: rates.length ? Math.min(...rates) : undefined,
    };
  }

  private acquire(): Promise<void> {
    if (this.active < this.limits.maxConcurrent) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    this.active--;
    while (this.active < this.limits.maxConcurrent && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()?.();
    }
  }

  /**
   * Reserves the next request start, 1/R s after the previous one, and waits for it. Called before every HTTP
   * request, inside a slot; it waits only on the clock, so a slot holder can never block on another slot.
   */
  async pace(): Promise<void> {
    const rate = this.limits.maxPerSecond;
    if (rate === undefined) return;
    const now = this.clock.now();
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + 1000 / rate;
    if (startAt > now) await this.clock.sleep(startAt - now);
  }
}

interface Entry {
  governor: Governor;
  users: number;
}

const registry = new Map<string, Entry>();

/** A lease on the governor of `apiUrl`; `release()` once the client is closed. */
export interface GovernorLease {
  governor: Governor;
  release(): void;
}

/** The process-wide governor for `apiUrl`, created on first use and dropped when its last client is closed. */
export function acquireGovernor(apiUrl: string, limits: GovernorLimits, clock: Clock): GovernorLease {
  let entry = registry.get(apiUrl);
  if (entry) entry.governor.tighten(limits);
  else registry.set(apiUrl, (entry = { governor: new Governor(limits, clock), users: 0 }));
  entry.users++;
  const held = entry;
  let released = false;
  return {
    governor: held.governor,
    release: () => {
      if (released) return;
      released = true;
      if (--held.users === 0 && registry.get(apiUrl) === held) registry.delete(apiUrl);
    },
  };
}

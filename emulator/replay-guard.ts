/**
 * The token service's replay check: status 1001 "repeated request with duplicated `encryption`" (Invoke API with Access
 * Token). inf: a pair (appKey, encryption) is remembered until its timestamp leaves the skew window (after that the
 * request is refused with 1004 anyway, so a longer memory could never matter); the number of pairs is capped, oldest
 * out.
 */
export class ReplayGuard {
  /** "appKey encryption" -> epoch ms after which the pair is forgotten (Map order = insertion order). */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly clock: () => number,
    private readonly windowMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** True when the pair was used before and is still remembered; otherwise remembers it and answers false. */
  isReplay(appKey: string, encryption: string, timestamp: number): boolean {
    const key = `${appKey} ${encryption}`;
    const now = this.clock();
    const until = this.seen.get(key);
    if (until !== undefined && until >= now) return true;
    this.seen.delete(key);
    if (this.seen.size >= this.maxEntries) this.evict(now);
    this.seen.set(key, timestamp + this.windowMs);
    return false;
  }

  get size(): number {
    return this.seen.size;
  }

  /** Drops forgotten pairs; if the cap is still reached, the oldest insertion goes. */
  private evict(now: number): void {
    for (const [key, until] of this.seen) if (until < now) this.seen.delete(key);
    const oldest = this.seen.keys().next();
    if (this.seen.size >= this.maxEntries && !oldest.done) this.seen.delete(oldest.value);
  }
}

/**
 * A small seeded PRNG, so that a failing fault profile can be replayed exactly: mulberry32 (a public-domain 32-bit
 * generator, good enough to place faults; not for anything secret). FAULT_SEED picks the first seed of the matrix.
 */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An integer in [min, max]. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick() needs at least one item");
  return item;
}

/** `count` distinct items in random order (all of them when count >= length). */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return chosen;
}

/** The two seeds the suite runs: FAULT_SEED (default 1) and the next one. */
export function matrixSeeds(env: NodeJS.ProcessEnv = process.env): [number, number] {
  const raw = env["FAULT_SEED"]?.trim();
  const first = raw ? Number(raw) : 1;
  if (!Number.isSafeInteger(first) || first < 0) {
    throw new Error(`FAULT_SEED must be a non-negative integer; got ${JSON.stringify(raw)} (unset it for seed 1)`);
  }
  return [first, first + 1];
}

/**
 * Which profile each phase of each cycle runs under. A cycle (create, update, refresh preview, destroy) costs about
 * 30 s of CPU through the engine, so the suite's default is the split matrix: each seed arms every profile, on
 * create and delete for one half of them and on update for the other half, and the next seed swaps the halves, so
 * that two seeds together put every profile on every phase once (4 cycles per seed, plus the clean cycle once).
 * FAULT_MATRIX=full runs every profile on every phase under each seed (8 cycles per seed), for the figures.
 */
import { PROFILES, type Profile } from "./profiles";
import type { Phase } from "./routes";

export type CyclePlan = Readonly<Record<Phase, Profile>>;

/** A profile that arms nothing: the clean run every other one is compared with. */
export const CLEAN: Profile = { id: "clean", title: "no faults (the clean run)", faults: () => [] };

const same = (profile: Profile): CyclePlan => ({ create: profile, update: profile, delete: profile });

export function plansFor(seed: number, full: boolean): CyclePlan[] {
  if (full) return PROFILES.map(same);
  const half = (parity: number) => PROFILES.filter((_, index) => (index + seed) % 2 === parity);
  const [createDelete, update] = [half(0), half(1)];
  return createDelete.map((profile, index) => ({ create: profile, update: update[index] ?? profile, delete: profile }));
}

export function fullMatrix(env: NodeJS.ProcessEnv = process.env): boolean {
  return env["FAULT_MATRIX"] === "full";
}

/** "create+delete: 5xx, update: drop" or "all phases: 5xx". */
export function planName(plan: CyclePlan): string {
  if (plan.create === plan.update && plan.update === plan.delete) return `all phases: ${plan.create.id}`;
  if (plan.create === plan.delete) return `create+delete: ${plan.create.id}, update: ${plan.update.id}`;
  return `create: ${plan.create.id}, update: ${plan.update.id}, delete: ${plan.delete.id}`;
}

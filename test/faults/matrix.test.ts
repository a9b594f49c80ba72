import { addFigures, figuresPath, formatFigures, readFigures, startFigures } from "../../scripts/lib/fault-figures";
import { runCycle } from "./cycle";
import { createFaultStack, type FaultStack } from "./fault-stack";
import { CLEAN, fullMatrix, planName, plansFor, type CyclePlan } from "./plans";
import { matrixSeeds } from "./prng";
import type { Phase } from "./routes";

// Issue 11's fault matrix through the real Pulumi engine: cycles of create, update, refresh preview and destroy,
// each phase under a fault profile (plans.ts), under two seeds (FAULT_SEED and the next one), one stack and emulator
// per seed. A cycle passes when no operation needed a retry by the user and EnOS held exactly what the program
// declares after every phase (the seed after destroy). Figures go to FAULT_FIGURES (default
// <tmp>/pulumi-enos-faults/figures.json) and are printed at the end; `npm run faults:figures` prints them again.
jest.setTimeout(240_000);

/**
 * Profile and phase pairs that fail on main through a defect of issue 11 still open; the lead removes them as the
 * fixes land (README "Reliability" marks the same rows).
 */
// Cycles a known defect still fails ("<profile> <phase>"), run as test.failing; empty since issue 11's create fix.
const FAILING_ON_MAIN: ReadonlySet<string> = new Set<string>([]);

const failsOnMain = (plan: CyclePlan) =>
  (["create", "update", "delete"] as Phase[]).some((phase) => FAILING_ON_MAIN.has(`${plan[phase].id} ${phase}`));

const file = figuresPath();
const seeds = matrixSeeds();
beforeAll(() => startFigures(file));
afterAll(() => {
  process.stdout.write(`\n${formatFigures(readFigures(file))}\n\nfigures: ${file}\n`);
});

describe.each(seeds)("fault matrix, seed %i", (seed) => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await createFaultStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const cleanPlan: CyclePlan = { create: CLEAN, update: CLEAN, delete: CLEAN };
  if (seed === seeds[0]) {
    test("without faults the cycle is clean and sends every write once", async () => {
      const figures = await runCycle(stack, seed, cleanPlan, 0);
      addFigures(file, figures);
      expect(figures.problems).toEqual([]);
      expect(Object.values(figures.phases).map((p) => p.resent)).toEqual([0, 0, 0, 0]);
    });
  }

  plansFor(seed, fullMatrix()).forEach((plan, index) => {
    const run = failsOnMain(plan) ? test.failing : test;
    run(`${planName(plan)}: nothing for the user to do, EnOS exactly as declared`, async () => {
      const figures = await runCycle(stack, seed, plan, index + 1);
      addFigures(file, figures);
      expect(figures.problems).toEqual([]);
      for (const phase of ["create", "update", "delete"] as const) {
        expect({ phase, faulted: (figures.phases[phase]?.faults ?? 0) > 0 }).toEqual({ phase, faulted: true });
      }
    });
  });
});

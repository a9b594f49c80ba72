/**
 * The grant write-mode matrix, written once for both grant kinds (each test file calls it with its kind): under
 * every reading of the append endpoint (overwrite, additive, additive-strict: emulator README "Grant write modes"),
 * the provider learns the reading from its first writes, then costs a read and a write per step; and create with
 * held ids, additive update, drift repair, exhaustive removal, delete and a retried write after a lost answer all
 * end with exactly the intended grants.
 */
import type { Emulator, EmulatorOptions, GrantWriteMode, SeedData } from "../../emulator";
import type { EngineProvider } from "../../provider/resources/kit/define-provider";
import {
  ORG,
  callsDuring,
  newProviderProcess,
  nextDeployment,
  startProviderEmulator,
  stopProviderEmulator,
} from "./support";

type Props = Record<string, unknown>;

/** What differs between RoleAssignment and UserGroupMembership in these tests. */
export interface GrantKindSpec {
  name: "RoleAssignment" | "UserGroupMembership";
  provider: EngineProvider;
  /** The emulator option that sets this kind's mode. */
  option: keyof Pick<EmulatorOptions, "appendRolesMode" | "appendUserGroupsMode">;
  list: string;
  protectedKey: string;
  assigned: string;
  routes: { read: string; append: string; remove: string };
  /** u-alice's seeded id, u-carol's seeded id, and two ids neither holds. */
  ids: { held: string; held2: string; a: string; b: string };
  /** Out-of-band grant / revoke of one id for u-alice. */
  grant(emulator: Emulator, id: string): void;
  revoke(emulator: Emulator, id: string): void;
  /** The ids a user holds in the emulator, sorted. */
  heldBy(emulator: Emulator, userId: string): string[];
  /** This kind's grants of the whole state, to compare with the seed. */
  allGrants(emulator: Emulator): unknown;
  /** Seed additions the ids need. */
  seed?: (base: SeedData) => SeedData;
}

const MODES: readonly GrantWriteMode[] = ["overwrite", "additive", "additive-strict"];

async function checked(spec: GrantKindSpec, news: Props): Promise<Props> {
  const result = await spec.provider.check({}, news);
  expect(result.failures ?? []).toEqual([]);
  return { ...(result.inputs as Props), __provider: "serialized-shim" };
}

const sorted = (ids: string[]) => [...ids].sort();

/** The mode matrix of one grant kind. */
export function describeGrantModes(spec: GrantKindSpec): void {
  const { provider, list, ids, routes } = spec;
  const [L, AP, RM] = [routes.read, routes.append, routes.remove];

  describe.each(MODES)(`${spec.name} against a gateway whose append is %s`, (mode) => {
    let emulator: Emulator;
    let seedGrants: unknown;
    beforeAll(async () => {
      emulator = await startProviderEmulator({ [spec.option]: mode });
      if (spec.seed) emulator.reseed(spec.seed(emulator.state()));
      seedGrants = spec.allGrants(emulator);
    });
    afterAll(() => stopProviderEmulator(emulator));
    beforeEach(async () => {
      emulator.reset();
      await newProviderProcess();
    });
    afterEach(() => {
      delete process.env["ENOS_GRANT_WRITE_MODE"];
    });

    const strict = mode === "additive-strict";
    const overwrite = mode === "overwrite";

    /**
     * The first writes of a process in auto mode: what each costs while the reading is learned, down to a read and
     * one write per step. Leaves u-alice and u-carol holding [b].
     */
    async function learnTheMode(): Promise<void> {
      // Create with a held id: the full target is appended; a strict gateway refuses it (31408), then the missing id.
      // (check lists the OU's ids once per process to vet the program's ids: not a write's cost, so done first)
      const aliceInputs = await checked(spec, { userId: "u-alice", [list]: [ids.a] });
      const alice = await callsDuring(emulator, () => provider.create(aliceInputs));
      expect(alice.calls).toEqual(strict ? [L, AP, L, AP, L] : [L, AP, L]);
      expect(spec.heldBy(emulator, "u-alice")).toEqual(sorted([ids.held, ids.a]));

      // A second create with a held id: the outcome no longer depends on the reading, so it is not read back.
      const carolInputs = await checked(spec, { userId: "u-carol", [list]: [ids.a] });
      const carol = await callsDuring(emulator, () => provider.create(carolInputs));
      expect(carol.calls).toEqual([L, AP]);
      expect(spec.heldBy(emulator, "u-carol")).toEqual(sorted([ids.held2, ids.a]));

      // An exhaustive update that drops ids tells overwrite from additive (read back once).
      const exhaustive = await checked(spec, { userId: "u-carol", [list]: [ids.b], exhaustive: true });
      const swap = await callsDuring(emulator, () => provider.update(carol.result.id, carol.result.outs, exhaustive));
      expect(swap.calls).toEqual(overwrite ? [L, AP, L] : strict ? [L, AP, RM] : [L, AP, L, RM]);
      expect(spec.heldBy(emulator, "u-carol")).toEqual([ids.b]);

      // Known now: the same change costs a read and one write per step.
      const news = await checked(spec, { userId: "u-alice", [list]: [ids.b], exhaustive: true });
      const known = await callsDuring(emulator, () => provider.update(alice.result.id, alice.result.outs, news));
      expect(known.calls).toEqual(overwrite ? [L, AP] : [L, AP, RM]);
      expect(spec.heldBy(emulator, "u-alice")).toEqual([ids.b]);
    }

    it("learns the reading from the first writes (enos:grantWriteMode auto), then costs read + write", async () => {
      await learnTheMode();
    });

    describe.each(["pinned by enos:grantWriteMode", "learned earlier in the process"])("with the mode %s", (how) => {
      beforeEach(async () => {
        if (how.startsWith("pinned")) process.env["ENOS_GRANT_WRITE_MODE"] = mode;
        else await learnTheMode();
        emulator.reset();
        nextDeployment();
      });

      it("creates with held ids, updates additively, repairs drift, removes exhaustively, deletes: 2 calls a step", async () => {
        const inputs = await checked(spec, { userId: "u-alice", [list]: [ids.a] });
        const created = await callsDuring(emulator, () => provider.create(inputs));
        expect(created.calls).toEqual([L, AP]);
        expect(spec.heldBy(emulator, "u-alice")).toEqual(sorted([ids.held, ids.a]));
        const outs = created.result.outs as Props;
        expect(outs[spec.assigned]).toEqual(sorted([ids.held, ids.a]));

        // Additive update: a replaces b; the seeded id is not this resource's and stays.
        const news = await checked(spec, { userId: "u-alice", [list]: [ids.b] });
        const updated = await callsDuring(emulator, () => provider.update(created.result.id, outs, news));
        expect(updated.calls).toEqual(overwrite ? [L, AP] : [L, AP, RM]);
        expect(spec.heldBy(emulator, "u-alice")).toEqual(sorted([ids.held, ids.b]));

        // Drift: the console revokes b and grants another id; the next update restores b and keeps that one.
        spec.revoke(emulator, ids.b);
        spec.grant(emulator, ids.held2);
        const drifted = await provider.read(created.result.id, updated.result.outs as Props);
        expect(drifted.inputs).toMatchObject({ [list]: [] });
        const repaired = await callsDuring(emulator, () => provider.update(created.result.id, drifted.props, news));
        expect(repaired.calls).toEqual([L, AP]);
        expect(spec.heldBy(emulator, "u-alice")).toEqual(sorted([ids.held, ids.held2, ids.b]));

        // Exhaustive removal: everything but the listed and the protected id goes, in one remove.
        const all = await checked(spec, {
          userId: "u-alice",
          [list]: [ids.b],
          exhaustive: true,
          [spec.protectedKey]: [ids.held],
        });
        const exhaustive = await callsDuring(emulator, () =>
          provider.update(created.result.id, repaired.result.outs, all),
        );
        expect(exhaustive.calls).toEqual([L, RM]);
        expect(spec.heldBy(emulator, "u-alice")).toEqual(sorted([ids.held, ids.b]));

        nextDeployment();
        const deleted = await callsDuring(emulator, () => provider.delete(created.result.id, exhaustive.result.outs));
        expect(deleted.calls).toEqual([L, RM]);
        expect(spec.allGrants(emulator)).toEqual(seedGrants);
      });
    });

    describe.each(["auto", "pinned"])("enos:grantWriteMode %s", (setting) => {
      beforeEach(() => {
        if (setting === "pinned") process.env["ENOS_GRANT_WRITE_MODE"] = mode;
      });

      /** The logged answers of one route: "<HTTP status>/<envelope code>". */
      const answers = (path: string) =>
        emulator
          .requestLog()
          .filter((entry) => `POST ${entry.path}` === path)
          .map((entry) => `${entry.status}/${entry.code ?? "-"}`);

      it("finishes an append whose answer was lost after it committed (the retry is refused when strict)", async () => {
        emulator.faults.add({ route: { path: AP.replace("POST ", "") }, kind: "commit-then-drop" });
        const created = await provider.create(await checked(spec, { userId: "u-alice", [list]: [ids.a] }));
        expect(spec.heldBy(emulator, "u-alice")).toEqual(sorted([ids.held, ids.a]));
        expect(created.outs).toMatchObject({ [spec.assigned]: sorted([ids.held, ids.a]) });
        const appends = answers(AP);
        expect(appends[0]).toBe("0/-");
        // A strict gateway refuses the retry of the committed append; the provider re-reads instead of failing.
        if (strict && setting === "pinned") expect(appends).toEqual(["0/-", "200/31408"]);
      });

      it("finishes a remove whose answer was lost after it committed (the retry is refused when strict)", async () => {
        spec.grant(emulator, ids.a);
        const inputs = await checked(spec, {
          userId: "u-alice",
          [list]: [],
          exhaustive: true,
          [spec.protectedKey]: [ids.held],
        });
        emulator.faults.add({ route: { path: RM.replace("POST ", "") }, kind: "commit-then-drop" });
        const created = await provider.create(inputs);
        expect(spec.heldBy(emulator, "u-alice")).toEqual([ids.held]);
        expect(created.outs).toMatchObject({ [spec.assigned]: [ids.held] });
        expect(answers(RM)).toEqual(["0/-", strict ? "200/31404" : "200/0"]);
      });
    });
  });
}

/** Starts the emulator with a mode per kind, for the 3 x 3 combinations. */
export const modeCombinations: Array<[GrantWriteMode, GrantWriteMode]> = MODES.flatMap((roles) =>
  MODES.map((groups): [GrantWriteMode, GrantWriteMode] => [roles, groups]),
);

export { ORG };

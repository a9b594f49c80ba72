// @ts-check
// Section 2: refresh coalescing. N RoleAssignments read at once through the provider (as the engine does during
// `pulumi refresh`) against, in the same run: the lower bound (one direct batch call for all N users) and the naive
// way (one direct per-user call each, through the same client, so the governor keeps 8 in flight).
"use strict";
const {
  ORG,
  PROVIDER_TEXT,
  resourceProviders,
  bundledSeed,
  checked,
  clientFor,
  freshSection,
  measured,
  median,
} = require("./harness");

const USERS = 200;
/** Rounds of the three variants, in rotating order so drift in machine load hits each alike. */
const ROUNDS = 7;
const ROLES = ["r-operator", "r-viewer", "r-auditor"];

/** @typedef {import("./harness").Emulator} Emulator */
/** @typedef {import("./harness").Props} Props */

/** The bundled seed plus USERS users of o-demo, each holding one role. */
function refreshSeed() {
  const seed = bundledSeed();
  const userIds = Array.from({ length: USERS }, (_, i) => `u-bench-${String(i).padStart(3, "0")}`);
  const roleOf = (/** @type {number} */ i) => ROLES[i % ROLES.length] ?? "r-viewer";
  seed.users = [...(seed.users ?? []), ...userIds.map((id, i) => ({ id, name: `Bench User ${i}`, orgIds: [ORG] }))];
  seed.roleGrants = [
    ...(seed.roleGrants ?? []),
    ...userIds.map((userId, i) => ({ orgId: ORG, userId, roleIds: [roleOf(i)] })),
  ];
  return { seed, userIds, roleOf };
}

/**
 * The stack's state: USERS RoleAssignments created through the provider, each listing the role its user already
 * holds (so create only reads). Returns the stored state per resource and what that setup cost.
 * @param {Emulator} emulator
 * @param {string[]} userIds
 * @param {(i: number) => string} roleOf
 */
async function createAssignments(emulator, userIds, roleOf) {
  const provider = resourceProviders.RoleAssignment;
  const inputs = await Promise.all(userIds.map((userId, i) => checked(provider, {}, { userId, roleIds: [roleOf(i)] })));
  const created = await measured(emulator, () => Promise.all(inputs.map((props) => provider.create(props))));
  const stored = created.result.map((result) => ({
    id: result.id,
    props: { .../** @type {Props} */ (result.outs), __provider: PROVIDER_TEXT },
  }));
  return { stored, setup: { ms: created.ms, calls: created.calls } };
}

/** Throws unless every read found its user with the seeded role. @param {import("@pulumi/pulumi/dynamic").ReadResult[]} reads */
function verifyReads(reads, /** @type {(i: number) => string} */ roleOf) {
  reads.forEach((read, i) => {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- JSDoc cast, checked by tsc
    const props = /** @type {Props | undefined} */ (read.props);
    const assigned = props?.["assignedRoleIds"];
    if (!Array.isArray(assigned) || assigned.join() !== roleOf(i)) {
      throw new Error(`read ${i} returned ${JSON.stringify(read)}; expected assignedRoleIds [${roleOf(i)}]`);
    }
  });
}

/**
 * The three variants, each returning a `measured` result after checking what it got back.
 * @param {Emulator} emulator
 * @param {Array<{ id: string, props: Props }>} stored
 * @param {string[]} userIds
 * @param {(i: number) => string} roleOf
 */
function variants(emulator, stored, userIds, roleOf) {
  const provider = resourceProviders.RoleAssignment;
  const client = clientFor();
  return {
    provider: async () => {
      const run = await measured(emulator, () => Promise.all(stored.map((s) => provider.read(s.id, s.props))));
      verifyReads(run.result, roleOf);
      return run;
    },
    lowerBound: async () => {
      const run = await measured(emulator, () => client.appPortal.getUsersRoles(ORG, userIds));
      if (run.result.size !== userIds.length) throw new Error(`roleList returned ${run.result.size} users`);
      return run;
    },
    naive: async () => {
      const run = await measured(emulator, () =>
        Promise.all(userIds.map((userId) => client.appPortal.getUserRoles(ORG, userId))),
      );
      if (run.result.some((roles) => roles.length !== 1)) throw new Error("a per-user read returned no role");
      return run;
    },
  };
}

/** @param {Emulator} emulator */
async function refreshCoalescing(emulator) {
  const { seed, userIds, roleOf } = refreshSeed();
  await freshSection(emulator, { seed });
  const { stored, setup } = await createAssignments(emulator, userIds, roleOf);
  const runs = variants(emulator, stored, userIds, roleOf);
  const order = /** @type {const} */ (["provider", "lowerBound", "naive"]);
  /** @type {Record<(typeof order)[number], { ms: number[], calls: ReturnType<typeof import("./harness").summarize>[] }>} */
  const samples = { provider: { ms: [], calls: [] }, lowerBound: { ms: [], calls: [] }, naive: { ms: [], calls: [] } };
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < order.length; k++) {
      const name = order[(round + k) % order.length] ?? "provider";
      const run = await runs[name]();
      samples[name].ms.push(run.ms);
      samples[name].calls.push(run.calls);
    }
  }
  const summary = (/** @type {(typeof order)[number]} */ name) => ({
    medianMs: median(samples[name].ms),
    ms: samples[name].ms,
    callsPerRun: samples[name].calls[0]?.api ?? 0,
    routes: samples[name].calls[0]?.byRoute ?? {},
    sameCallsEveryRound: samples[name].calls.every(
      (c) => JSON.stringify(c.byRoute) === JSON.stringify(samples[name].calls[0]?.byRoute),
    ),
    notOk: samples[name].calls.flatMap((c) => c.notOk),
  });
  return {
    users: USERS,
    rounds: ROUNDS,
    setup,
    provider: summary("provider"),
    lowerBound: summary("lowerBound"),
    naive: summary("naive"),
  };
}

module.exports = { refreshCoalescing };

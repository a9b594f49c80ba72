// @ts-check
// Section 1: EnOS API calls per provider operation, one resource of each kind through check -> create -> read ->
// check -> diff -> update -> delete, counted from the emulator's request log. Deterministic integers.
"use strict";
const {
  ORG,
  PROVIDER_TEXT,
  resourceProviders,
  checked,
  freshSection,
  measured,
  nextDeployment,
  startBenchEmulator,
  LATENCY_MS,
} = require("./harness");

/** @typedef {import("./harness").Props} Props */
/** @typedef {import("./harness").Provider} Provider */
/** @typedef {import("./harness").Emulator} Emulator */

/**
 * One resource per kind: its inputs at create and at update (a change that updates in place, never a replace).
 * Menus and permissions get a parent app made beforehand, outside the counted calls.
 * @type {Array<{ kind: keyof typeof resourceProviders, create: (appId: string) => Props, update: (appId: string) => Props, note: string }>}
 */
const KINDS = [
  {
    kind: "EnosApp",
    create: () => ({ name: "Bench App", category: 101, keyword: "bench-app" }),
    update: () => ({ name: "Bench App v2", category: 101, keyword: "bench-app" }),
    note: "update: name",
  },
  {
    kind: "AppMenu",
    create: (appId) => ({ appId, keyword: "bench-menu", name: "Bench Menu" }),
    update: (appId) => ({ appId, keyword: "bench-menu", name: "Bench Menu v2", sortId: 2 }),
    note: "update: name, sortId",
  },
  {
    kind: "AppPermission",
    create: (appId) => ({ appId, keyword: "bench.perm", name: "Bench Permission" }),
    update: (appId) => ({ appId, keyword: "bench.perm", name: "Bench Permission v2" }),
    note: "update: name",
  },
  {
    kind: "RoleAssignment",
    create: () => ({ userId: "u-bob", roleIds: ["r-operator"] }),
    update: () => ({ userId: "u-bob", roleIds: ["r-auditor"] }),
    note: "additive; update swaps one role (appendRoles overwrites: emulator default; first writes of the process)",
  },
  {
    kind: "UserGroupMembership",
    create: () => ({ userId: "u-bob", userGroupIds: ["g-ops"] }),
    update: () => ({ userId: "u-bob", userGroupIds: ["g-eng"] }),
    note: "additive; update swaps one group",
  },
  {
    kind: "DeviceEnablement",
    create: () => ({ assetId: "a-turbine-7", enabled: false }),
    update: () => ({ assetId: "a-turbine-7", enabled: true }),
    note: "create disables an enabled device, update re-enables, delete restores (already enabled)",
  },
];

const OPS = /** @type {const} */ (["check", "create", "read", "diff", "update", "delete"]);

/**
 * The lifecycle of one resource, each step on a cleared request log.
 * @param {Emulator} emulator
 * @param {Provider} provider
 * @param {Props} first
 * @param {Props} second
 */
async function lifecycle(emulator, provider, first, second) {
  const steps = /** @type {Record<(typeof OPS)[number], ReturnType<typeof import("./harness").summarize>>} */ ({});
  const check = await measured(emulator, () => checked(provider, {}, first));
  steps.check = check.calls;
  const created = await measured(emulator, () => provider.create(check.result));
  steps.create = created.calls;
  const id = created.result.id;
  const stored = { .../** @type {Props} */ (created.result.outs), __provider: PROVIDER_TEXT };
  const read = await measured(emulator, () => provider.read(id, stored));
  if (read.result.id !== id) throw new Error(`read of ${id} did not find it: ${JSON.stringify(read.result)}`);
  steps.read = read.calls;
  const news = await checked(provider, check.result, second);
  const diff = await measured(emulator, () => provider.diff(id, stored, news));
  if ((diff.result.replaces ?? []).length > 0) throw new Error(`update of ${id} would replace it`);
  steps.diff = diff.calls;
  const updated = await measured(emulator, () => provider.update(id, stored, news));
  steps.update = updated.calls;
  const final = { ...stored, .../** @type {Props} */ (updated.result.outs) };
  // A destroy is a later deployment than the create (the provider spares objects created in the same one).
  nextDeployment();
  steps.delete = (await measured(emulator, () => provider.delete(id, final))).calls;
  return steps;
}

/** @param {Emulator} emulator */
async function parentApp(emulator) {
  const provider = resourceProviders.EnosApp;
  const inputs = await checked(provider, {}, { name: "Bench Parent", category: 101, keyword: "bench-parent" });
  emulator.clearRequestLog();
  return (await provider.create(inputs)).id;
}

/**
 * @param {Emulator} emulator
 * @returns {Promise<Array<{ kind: string, note: string, ops: Record<string, number>, token: number, routes: Record<string, Record<string, number>>, notOk: string[] }>>}
 */
async function callsPerOperation(emulator) {
  await freshSection(emulator);
  // The parent app's create also fetches the process's one token, so the rows below show the steady state.
  const appId = await parentApp(emulator);
  const rows = [];
  for (const spec of KINDS) {
    const steps = await lifecycle(emulator, resourceProviders[spec.kind], spec.create(appId), spec.update(appId));
    const entries = OPS.map((op) => /** @type {const} */ ([op, steps[op]]));
    rows.push({
      kind: spec.kind,
      note: spec.note,
      ops: Object.fromEntries(entries.map(([op, calls]) => [op, calls.api])),
      token: entries.reduce((sum, [, calls]) => sum + calls.token, 0),
      routes: Object.fromEntries(entries.map(([op, calls]) => [op, calls.byRoute])),
      notOk: entries.flatMap(([op, calls]) => calls.notOk.map((line) => `${op}: ${line}`)),
    });
  }
  if (emulator.state().apps.some((app) => app.orgId === ORG && app.keyword === "bench-app")) {
    throw new Error("EnosApp delete left the app in the emulator");
  }
  return rows;
}

/** The three readings of an append endpoint (emulator README "Grant write modes"). */
const GRANT_MODES = /** @type {const} */ (["overwrite", "additive", "additive-strict"]);

/**
 * The grant kinds' lifecycles against a gateway in each mode: for u-alice, who holds one id of each kind (the
 * strict case of issue 10), create lists a new id, update lists a second one too, delete removes both. Each mode runs three times: the first writes of a process (auto: the mode is learned),
 * the same process again (auto, known), and a new process with enos:grantWriteMode pinned.
 * @returns {Promise<Array<{ mode: string, kind: string, knowledge: string, ops: Record<string, number>, routes: Record<string, Record<string, number>>, refusals: string[] }>>}
 */
async function grantCallsPerMode() {
  const specs = [
    { kind: /** @type {const} */ ("RoleAssignment"), list: "roleIds", a: "r-auditor", b: "r-device-admin" },
    { kind: /** @type {const} */ ("UserGroupMembership"), list: "userGroupIds", a: "g-ops", b: "g-field" },
  ];
  const rows = [];
  for (const mode of GRANT_MODES) {
    const emulator = await startBenchEmulator({ appendRolesMode: mode, appendUserGroupsMode: mode });
    try {
      for (const knowledge of ["auto, first writes", "auto, learned", "pinned"]) {
        if (knowledge === "auto, learned") {
          // Same process (same client, so what it learned stays); only EnOS goes back to its seed.
          emulator.reset();
          nextDeployment();
          emulator.faults.add({ route: { path: "/*" }, latencyMs: LATENCY_MS, probability: 1 });
        } else {
          await freshSection(emulator, knowledge === "pinned" ? { extra: { "enos:grantWriteMode": mode } } : {});
        }
        for (const spec of specs) {
          const first = { userId: "u-alice", [spec.list]: [spec.a] };
          const second = { userId: "u-alice", [spec.list]: [spec.a, spec.b] };
          const steps = await lifecycle(emulator, resourceProviders[spec.kind], first, second);
          const entries = OPS.map((op) => /** @type {const} */ ([op, steps[op]]));
          rows.push({
            mode,
            kind: spec.kind,
            knowledge,
            ops: Object.fromEntries(entries.map(([op, calls]) => [op, calls.api])),
            routes: Object.fromEntries(entries.map(([op, calls]) => [op, calls.byRoute])),
            // Expected answers, not failures: a strict gateway's 31408 while the mode is learned.
            refusals: entries.flatMap(([op, calls]) => calls.notOk.map((line) => `${op}: ${line}`)),
          });
        }
      }
    } finally {
      await emulator.close();
    }
  }
  return rows;
}

module.exports = { callsPerOperation, grantCallsPerMode, GRANT_MODES, OPS };

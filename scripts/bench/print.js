// @ts-check
// One printer per bench section: the table, the ratios, and the calls behind them.
"use strict";
const { LATENCY_MS, MAX_CONCURRENT } = require("./harness");
const { fixed, heading, routeList, table } = require("./report");
const { OPS } = require("./calls-per-op");

/** @param {Awaited<ReturnType<typeof import("./calls-per-op").callsPerOperation>>} rows */
function printCallsPerOperation(rows) {
  console.log(heading("1. EnOS API calls per provider operation (token calls apart; deterministic)"));
  console.log(
    table(
      ["resource", ...OPS, "token"],
      rows.map((row) => [row.kind, ...OPS.map((op) => row.ops[op] ?? 0), row.token]),
    ),
  );
  console.log("\n  Calls behind the numbers (check and diff make none):");
  for (const row of rows) {
    console.log(`  ${row.kind}: ${row.note}`);
    for (const op of ["create", "read", "update", "delete"])
      console.log(`    ${op.padEnd(7)} ${routeList(row.routes[op] ?? {})}`);
  }
  console.log("  Token: one token call per process, made by the first call (the setup above), reused by all others.");
}

/** @param {Awaited<ReturnType<typeof import("./calls-per-op").grantCallsPerMode>>} rows */
function printGrantModes(rows) {
  console.log(heading("1b. Grant calls per operation under each appendRoles / appendUserGroups reading"));
  console.log(
    table(
      ["gateway mode", "resource", "provider knows", "create", "read", "update", "delete"],
      rows.map((row) => [
        row.mode,
        row.kind,
        row.knowledge,
        row.ops["create"] ?? 0,
        row.ops["read"] ?? 0,
        row.ops["update"] ?? 0,
        row.ops["delete"] ?? 0,
      ]),
    ),
  );
  console.log("\n  u-alice holds one id of each kind; create lists a new one, update a second one too, delete removes");
  console.log("  both. Once the mode is known (or pinned), each is a read and one write. An update that also drops");
  console.log("  an id costs one remove more unless the append overwrites (section 1's RoleAssignment row, and the");
  console.log("  UserGroupMembership row under the additive default). Answers refused while the mode was learned:");
  const refusals = rows.flatMap((row) =>
    row.refusals.map((line) => `${row.mode} ${row.kind} (${row.knowledge}) ${line}`),
  );
  for (const line of refusals.length > 0 ? refusals : ["none"]) console.log(`    ${line}`);
}

/** @param {Awaited<ReturnType<typeof import("./refresh").refreshCoalescing>>} r */
function printRefresh(r) {
  console.log(heading(`2. Refresh coalescing: ${r.users} RoleAssignment reads at once (${LATENCY_MS} ms latency)`));
  const row = (/** @type {string} */ label, /** @type {typeof r.provider} */ s) => [
    label,
    s.callsPerRun,
    fixed(s.medianMs),
    s.ms.map((ms) => fixed(ms, 0)).join(" "),
  ];
  console.log(
    table(
      ["variant", "API calls", "median ms", `each of ${r.rounds} rounds (ms)`],
      [
        row(`provider: ${r.users} x roleAssignmentProvider.read`, r.provider),
        row(`lower bound: 1 direct getUsersRoles (${r.users} users)`, r.lowerBound),
        row(`naive: ${r.users} direct getUserRoles (${MAX_CONCURRENT} in flight)`, r.naive),
      ],
    ),
  );
  console.log(`\n  provider / lower bound = ${fixed(r.provider.medianMs / r.lowerBound.medianMs, 2)}x the time`);
  console.log(`  naive / provider       = ${fixed(r.naive.medianMs / r.provider.medianMs, 1)}x the time`);
  console.log(
    `  provider calls: ${routeList(r.provider.routes)}${r.provider.sameCallsEveryRound ? " (every round)" : " (varied between rounds!)"}`,
  );
  console.log(
    `  setup (not in the ratios): ${r.users} creates of assignments the users already hold: ${r.setup.calls.api} API call(s), ${fixed(r.setup.ms, 0)} ms`,
  );
}

/** @param {Awaited<ReturnType<typeof import("./throughput").createThroughput>>} r */
function printThroughput(r) {
  console.log(
    heading(`3. Create throughput: ${r.creates} AppMenu creates of one app at once (${LATENCY_MS} ms latency)`),
  );
  const row = (/** @type {string} */ label, /** @type {typeof r.provider} */ s) => [
    label,
    s.callsPerRun,
    fixed(s.medianMs),
    fixed(s.opsPerSecond, 0),
    `${fixed((100 * s.opsPerSecond) / r.boundOpsPerSecond, 0)}%`,
    s.ms.map((ms) => fixed(ms, 0)).join(" "),
  ];
  console.log(
    table(
      ["variant", "API calls", "median ms", "ops/s", "of bound", `each of ${r.rounds} rounds (ms)`],
      [
        row(`provider: ${r.creates} x appMenuProvider.create`, r.provider),
        row(`direct: ${r.creates} x client createMenu`, r.direct),
      ],
    ),
  );
  console.log(
    `\n  theoretical bound = ${MAX_CONCURRENT} in flight / ${LATENCY_MS} ms = ${fixed(r.boundOpsPerSecond, 0)} ops/s`,
  );
  console.log(
    `  overhead ratio (direct ops/s / provider ops/s) = ${fixed(r.direct.opsPerSecond / r.provider.opsPerSecond, 2)}`,
  );
}

/** @param {Awaited<ReturnType<typeof import("./governor").governorRate>>} r */
function printGovernor(r) {
  console.log(heading(`4. Governor: enos:maxRequestsPerSecond = ${r.limit}, ${r.calls} direct GETs issued at once`));
  console.log(
    table(
      ["calls", "API calls seen", "total ms", "first-to-last ms", "measured rate /s", "limit /s", "rate / limit"],
      [
        [
          r.calls,
          r.callsMade,
          fixed(r.totalMs, 0),
          fixed(r.spanMs, 0),
          fixed(r.measuredRate),
          r.limit,
          fixed(r.ratio, 3),
        ],
      ],
    ),
  );
}

/**
 * Answers that were not a plain success, and provider warnings: expected ones (a device already in the wanted
 * state) and anything that would point at a retry or a bug.
 * @param {string[]} notOk
 * @param {string[]} warnings
 */
function printNotes(notOk, warnings) {
  console.log(heading("Notes"));
  const expected = "(an EnOS code the provider handles, e.g. 11794 device already enabled, is expected)";
  console.log(`  non-success answers seen: ${notOk.length === 0 ? "none" : `${notOk.length} ${expected}`}`);
  for (const line of notOk) console.log(`    ${line}`);
  console.log(`  provider warnings: ${warnings.length === 0 ? "none" : warnings.length}`);
  for (const line of warnings) console.log(`    ${line}`);
}

module.exports = { printCallsPerOperation, printGrantModes, printRefresh, printThroughput, printGovernor, printNotes };

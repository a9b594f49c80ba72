#!/usr/bin/env node
// @ts-check
// `npm run bench`: the provider against the in-process EnOS emulator with latency injected on every route.
//
//   1. API calls per operation of every resource kind (deterministic integers); 1b. the grant kinds' calls under
//      each append reading (overwrite, additive, additive-strict), while learned, once learned and pinned
//   2. refresh coalescing: N RoleAssignment reads vs one direct batch call (lower bound) vs N per-user calls
//   3. create throughput: N AppMenu creates through the provider vs N direct client calls
//   4. governor: measured request rate vs enos:maxRequestsPerSecond
//
// The machine is shared and noisy: compare the RATIOS (each measured side by side in this one run), read the
// absolute times as information only. No timing ever fails the bench; a provider call that throws does (exit 1).
// Prints tables on stdout and writes bench-results/bench-<ISO time>.json.
"use strict";
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { LATENCY_MS, MAX_CONCURRENT, captureWarnings, startBenchEmulator, stopBench } = require("./bench/harness");
const { callsPerOperation, grantCallsPerMode } = require("./bench/calls-per-op");
const { refreshCoalescing } = require("./bench/refresh");
const { createThroughput } = require("./bench/throughput");
const { governorRate } = require("./bench/governor");
const { machine, writeResults } = require("./bench/report");
const print = require("./bench/print");

const repoRoot = path.resolve(__dirname, "..");

/** Every non-success answer of every section, labelled by section. @param {Record<string, unknown>} sections */
function collectNotOk(sections) {
  /** @type {string[]} */
  const lines = [];
  const walk = (/** @type {unknown} */ value, /** @type {string} */ where) => {
    if (Array.isArray(value) && where.endsWith("notOk")) lines.push(...value.map((line) => `${where}: ${line}`));
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${where}[${i}]`));
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) walk(inner, where === "" ? key : `${where}.${key}`);
    }
  };
  walk(sections, "");
  return lines;
}

async function runSections() {
  const emulator = await startBenchEmulator();
  const warnings = captureWarnings();
  try {
    const calls = await callsPerOperation(emulator);
    print.printCallsPerOperation(calls);
    const grantModes = await grantCallsPerMode();
    print.printGrantModes(grantModes);
    const refresh = await refreshCoalescing(emulator);
    print.printRefresh(refresh);
    const throughput = await createThroughput(emulator);
    print.printThroughput(throughput);
    // Last: a rate limit tightens the process-wide governor, and a governor is never loosened while in use.
    const governor = await governorRate(emulator);
    print.printGovernor(governor);
    return {
      sections: { callsPerOperation: calls, grantModes, refresh, throughput, governor },
      warnings: warnings.messages,
    };
  } finally {
    warnings.restore();
    await stopBench(emulator);
  }
}

async function main() {
  const startedAt = new Date();
  const started = performance.now();
  const host = machine();
  const load = host.loadAverage.map((l) => l.toFixed(2)).join(" ");
  console.log(
    `pulumi-enos bench: in-process emulator on 127.0.0.1, ${LATENCY_MS} ms injected on every route, ` +
      `maxConcurrentRequests ${MAX_CONCURRENT}; ${host.cpus} CPUs, load average ${load}`,
  );
  const { sections, warnings } = await runSections();
  const notOk = collectNotOk(sections);
  print.printNotes(notOk, warnings);
  const seconds = (performance.now() - started) / 1000;
  const file = writeResults(repoRoot, startedAt, {
    startedAt: startedAt.toISOString(),
    seconds,
    machine: host,
    settings: { latencyMs: LATENCY_MS, maxConcurrentRequests: MAX_CONCURRENT },
    ...sections,
    notOk,
    warnings,
  });
  console.log(`\nDone in ${seconds.toFixed(1)} s; results in ${path.relative(repoRoot, file)}`);
}

main().catch((error) => {
  console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});

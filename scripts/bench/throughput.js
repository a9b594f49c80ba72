// @ts-check
// Section 3: create throughput. N AppMenu creates of one app run at once through the provider, against N direct
// createMenu calls through the same client (same latency, same governor) in the same run. Each round uses a fresh
// app, so both variants always create into an empty menu list.
"use strict";
const {
  ORG,
  LATENCY_MS,
  MAX_CONCURRENT,
  resourceProviders,
  checked,
  clientFor,
  freshSection,
  measured,
  median,
} = require("./harness");

const CREATES = 100;
/** Rounds per variant, alternating provider/direct, then direct/provider, ... */
const ROUNDS = 6;

/** @typedef {import("./harness").Emulator} Emulator */

/** @param {number} round @param {string} variant */
async function freshApp(round, variant) {
  const write = {
    name: { default: `Throughput ${variant} ${round}` },
    category: 101,
    type: 0,
    keyword: `tp-${variant}-${round}`,
  };
  return (await clientFor().appService.createApp(ORG, write)).id;
}

/** @param {Emulator} emulator @param {number} round */
async function throughProvider(emulator, round) {
  const provider = resourceProviders.AppMenu;
  const appId = await freshApp(round, "provider");
  const inputs = await Promise.all(
    Array.from({ length: CREATES }, (_, i) => checked(provider, {}, { appId, keyword: `m-${i}`, name: `Menu ${i}` })),
  );
  const run = await measured(emulator, () => Promise.all(inputs.map((props) => provider.create(props))));
  if (new Set(run.result.map((r) => r.id)).size !== CREATES) throw new Error("provider creates returned duplicate ids");
  return run;
}

/**
 * The same creates as direct client calls, with the body the provider sends for those inputs (app-menu.ts menuWrite).
 * @param {Emulator} emulator
 * @param {number} round
 */
async function direct(emulator, round) {
  const client = clientFor();
  const appId = await freshApp(round, "direct");
  const writes = Array.from({ length: CREATES }, (_, i) => ({
    appId,
    keyword: `m-${i}`,
    name: { default: `Menu ${i}` },
    parentId: null,
    sortId: 1,
  }));
  const run = await measured(emulator, () => Promise.all(writes.map((w) => client.appService.createMenu(ORG, w))));
  if (new Set(run.result.map((m) => m.id)).size !== CREATES) throw new Error("direct creates returned duplicate ids");
  return run;
}

/** @param {Emulator} emulator */
async function createThroughput(emulator) {
  await freshSection(emulator);
  /** @type {Record<"provider" | "direct", { ms: number[], calls: ReturnType<typeof import("./harness").summarize>[] }>} */
  const samples = { provider: { ms: [], calls: [] }, direct: { ms: [], calls: [] } };
  for (let round = 0; round < ROUNDS; round++) {
    const order =
      round % 2 === 0 ? /** @type {const} */ (["provider", "direct"]) : /** @type {const} */ (["direct", "provider"]);
    for (const name of order) {
      const run = name === "provider" ? await throughProvider(emulator, round) : await direct(emulator, round);
      samples[name].ms.push(run.ms);
      samples[name].calls.push(run.calls);
    }
  }
  const summary = (/** @type {"provider" | "direct"} */ name) => {
    const medianMs = median(samples[name].ms);
    return {
      medianMs,
      ms: samples[name].ms,
      opsPerSecond: (CREATES * 1000) / medianMs,
      callsPerRun: samples[name].calls[0]?.api ?? 0,
      routes: samples[name].calls[0]?.byRoute ?? {},
      notOk: samples[name].calls.flatMap((c) => c.notOk),
    };
  };
  const boundOpsPerSecond = (MAX_CONCURRENT * 1000) / LATENCY_MS;
  return {
    creates: CREATES,
    rounds: ROUNDS,
    boundOpsPerSecond,
    provider: summary("provider"),
    direct: summary("direct"),
  };
}

module.exports = { createThroughput };

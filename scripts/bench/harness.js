// @ts-check
// The bench's shared plumbing: one in-process emulator with a latency fault on every EnOS route, the provider
// configured against it exactly as the engine does (`configure({ config })`), call counting from the emulator's
// request log, and timing helpers. Everything runs on loopback.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { startEmulator } = require("../../dist/emulator");
const { configure: configureProvider, resourceProviders } = require("../../dist/provider");
const { configure: storeSettings } = require("../../dist/provider/config");
const { clientFor, resetClient } = require("../../dist/provider/context");
const { resetClaims } = require("../../dist/provider/resources/kit/claims");

const repoRoot = path.resolve(__dirname, "..", "..");
const ORG = "o-demo";
const SERVICE_ACCOUNT = { accessKey: "demo-access-key", secretKey: "demo-secret-key" };
/** Injected on every EnOS route (token service included): a plausible gateway round trip, far above loopback. */
const LATENCY_MS = 20;
/** The client default, set explicitly so the theoretical bound printed next to the results is the one in force. */
const MAX_CONCURRENT = 8;
/** Stands in for the serialized provider the engine adds to every input and output set. */
const PROVIDER_TEXT = "exports.handler = require('pulumi-enos/provider'); // bench";

/** @typedef {import("../../dist/emulator").Emulator} Emulator */
/** @typedef {import("../../dist/emulator").RequestLogEntry} RequestLogEntry */
/** @typedef {import("../../dist/emulator").SeedData} SeedData */
/** @typedef {Record<string, unknown>} Props */
/** @typedef {import("../../dist/provider/resources/kit/define-provider").EngineProvider} Provider */

/** The bundled seed, as a fresh object each time (sections extend it). @returns {SeedData} */
function bundledSeed() {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- JSDoc cast, checked by tsc
  return /** @type {SeedData} */ (JSON.parse(fs.readFileSync(path.join(repoRoot, "emulator", "seed.json"), "utf8")));
}

/**
 * Latency on every route, for as long as the emulator is not reset. A fault with only `probability` has no hit
 * count (emulator/faults.ts), and probability 1 always fires, so this is "every route, unlimited".
 * @param {Emulator} emulator
 */
function addLatency(emulator) {
  emulator.faults.add({ route: { path: "/*" }, latencyMs: LATENCY_MS, probability: 1 });
}

/**
 * A clean slate for a section: a new client (new token, new governor), the emulator back to `seed` (or its seed)
 * with the latency fault re-applied (reset clears faults), and the provider configured with `extra` settings.
 * @param {Emulator} emulator
 * @param {{ seed?: SeedData, extra?: Record<string, string> }} [options]
 */
async function freshSection(emulator, options = {}) {
  await resetClient();
  resetClaims();
  if (options.seed) emulator.reseed(options.seed);
  else emulator.reset();
  addLatency(emulator);
  /** @type {Record<string, string>} */
  const config = {
    "enos:apiUrl": emulator.url,
    "enos:accessKey": SERVICE_ACCOUNT.accessKey,
    "enos:secretKey": SERVICE_ACCOUNT.secretKey,
    "enos:orgId": ORG,
    "enos:maxConcurrentRequests": String(MAX_CONCURRENT),
    ...options.extra,
  };
  await configureProvider({ config: { get: (key) => config[key], require: (key) => requireKey(config, key) } });
}

/** @param {Record<string, string>} config @param {string} key @returns {string} */
function requireKey(config, key) {
  const value = config[key];
  if (value === undefined) throw new Error(`bench config has no ${key}`);
  return value;
}

/** @param {import("../../dist/emulator").EmulatorOptions} [options] e.g. the grant write modes */
async function startBenchEmulator(options = {}) {
  return startEmulator({ ...options, port: 0, host: "127.0.0.1" });
}

/** @param {Emulator} emulator */
async function stopBench(emulator) {
  await resetClient();
  storeSettings(undefined);
  await emulator.close();
}

/** "POST menus", "POST userRoles/roleList", "GET devices?action=get": the service path after its version. */
function routeLabel(/** @type {RequestLogEntry} */ entry) {
  const route = entry.path.split("/").slice(3).join("/");
  const action = entry.query["action"];
  return `${entry.method} ${route}${action === undefined ? "" : `?action=${action}`}`;
}

/**
 * What a stretch of the request log holds: API calls (token calls apart), calls per route, and every answer that
 * was not a plain success (an HTTP error or a non-zero EnOS code), which would hide a retry or a failure.
 * @param {RequestLogEntry[]} log
 */
function summarize(log) {
  const api = log.filter((entry) => entry.service !== "token");
  /** @type {Record<string, number>} */
  const byRoute = {};
  for (const entry of api) byRoute[routeLabel(entry)] = (byRoute[routeLabel(entry)] ?? 0) + 1;
  const notOk = log
    .filter((entry) => entry.status !== 200 || (entry.code !== null && entry.code !== 0))
    .map((entry) => `${routeLabel(entry)} -> HTTP ${entry.status}${entry.code === null ? "" : ` code ${entry.code}`}`);
  return { api: api.length, token: log.length - api.length, byRoute, notOk };
}

/**
 * Runs `operation` on a cleared request log: its result, the calls it made and its wall time (ms).
 * @template T
 * @param {Emulator} emulator
 * @param {() => Promise<T>} operation
 */
async function measured(emulator, operation) {
  emulator.clearRequestLog();
  const started = performance.now();
  const result = await operation();
  const ms = performance.now() - started;
  return { result, ms, calls: summarize(emulator.requestLog()) };
}

/**
 * `check` as the engine runs it before create/update; a check failure is a bench bug, so it throws.
 * @param {Provider} provider
 * @param {Props} olds
 * @param {Props} news
 * @returns {Promise<Props>}
 */
async function checked(provider, olds, news) {
  const result = await provider.check(olds, { ...news, __provider: PROVIDER_TEXT });
  const failures = result.failures ?? [];
  if (failures.length > 0) throw new Error(`check failed: ${JSON.stringify(failures)}`);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- JSDoc cast, checked by tsc
  const inputs = /** @type {Props} */ (result.inputs);
  return inputs;
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/**
 * Provider warnings go to console.warn; they are collected (and kept off the table) so the report can list them.
 * @returns {{ messages: string[], restore: () => void }}
 */
function captureWarnings() {
  const original = console.warn;
  /** @type {string[]} */
  const messages = [];
  console.warn = (...args) => void messages.push(args.map(String).join(" "));
  return { messages, restore: () => void (console.warn = original) };
}

module.exports = {
  ORG,
  LATENCY_MS,
  MAX_CONCURRENT,
  PROVIDER_TEXT,
  resourceProviders,
  clientFor,
  bundledSeed,
  freshSection,
  startBenchEmulator,
  stopBench,
  summarize,
  measured,
  checked,
  median,
  captureWarnings,
  nextDeployment: resetClaims,
};

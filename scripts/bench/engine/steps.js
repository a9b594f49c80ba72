// @ts-check
// One engine step of one bench stack: the real `pulumi` CLI through the Automation API (LocalWorkspace over the
// project directory, so the language host and the dynamic provider start there, as with `pulumi up` in a shell).
// Measured: wall time of the whole command, EnOS calls (the emulator's request log, token requests left out), the
// dynamic provider process's peak memory, and the engine's change summary.
"use strict";
const { sampleProviderPeak } = require("./memory");

/** @typedef {"up" | "refresh" | "preview" | "destroy"} StepName */
/** @typedef {import("@pulumi/pulumi/automation").Stack} Stack */
/** @typedef {import("../../../dist/emulator").Emulator} Emulator */
/** @typedef {import("../../../dist/emulator").RequestLogEntry} RequestLogEntry */
/**
 * @typedef {{ step: StepName, stack: string, seconds: number, calls: number, routes: Record<string, number>,
 *   providerPeakMiB: number | null, changes: Record<string, number> | undefined }} StepResult
 */

/** @param {Stack} stack @param {StepName} step @returns {Promise<Record<string, number> | undefined>} */
async function runCommand(stack, step) {
  switch (step) {
    case "up":
      return (await stack.up({ color: "never" })).summary.resourceChanges;
    case "refresh":
      return (await stack.refresh({ color: "never" })).summary.resourceChanges;
    case "preview":
      return (await stack.preview({ color: "never", expectNoChanges: true })).changeSummary;
    case "destroy":
      return (await stack.destroy({ color: "never" })).summary.resourceChanges;
  }
}

/** "POST /app-portal-service/v2.2/userRoles/roleList" -> count, token requests left out. @param {RequestLogEntry[]} log */
function routesOf(log) {
  /** @type {Record<string, number>} */
  const routes = {};
  for (const entry of log) {
    if (entry.path.startsWith("/apim-token-service")) continue;
    const route = `${entry.method} ${entry.path}`;
    routes[route] = (routes[route] ?? 0) + 1;
  }
  return routes;
}

/**
 * @param {{ stack: Stack, name: string, step: StepName, emulator: Emulator, projectDir: string }} options
 * @returns {Promise<StepResult>}
 */
async function measureStep({ stack, name, step, emulator, projectDir }) {
  emulator.clearRequestLog();
  const memory = sampleProviderPeak(projectDir);
  const started = process.hrtime.bigint();
  /** @type {Record<string, number> | undefined} */
  let changes;
  /** @type {number | null} */
  let providerPeakMiB = null;
  try {
    changes = await runCommand(stack, step);
  } finally {
    providerPeakMiB = memory.stop();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const routes = routesOf(emulator.requestLog());
  const calls = Object.values(routes).reduce((sum, count) => sum + count, 0);
  return { step, stack: name, seconds, calls, routes, providerPeakMiB, changes };
}

module.exports = { measureStep };

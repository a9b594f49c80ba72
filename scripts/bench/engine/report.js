// @ts-check
// The engine bench's results: one row per step with both stacks side by side, as JSON and as a Markdown table
// (the README's performance section quotes one).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/** @typedef {import("./steps").StepResult} StepResult */

const STEP_LABELS = {
  up: "`pulumi up`",
  refresh: "`pulumi refresh`",
  preview: "`pulumi preview` (no change)",
  destroy: "`pulumi destroy`",
};

/** @param {number} value */
const seconds = (value) => `${value.toFixed(1)} s`;

/**
 * The run of median wall time among one stack's runs of a step (the lower middle one of an even count).
 * @param {StepResult[]} runs @returns {StepResult | undefined}
 */
function median(runs) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * @typedef {{ step: string, enos: StepResult, noop: StepResult, shaped: StepResult, ratio: number,
 *   shapedRatio: number, runs: number }} StepRow
 */

/**
 * One row per step: each stack's median run, pulumi-enos's ratio to each no-op stack, and how many runs each
 * median is of.
 * @param {StepResult[]} results @returns {StepRow[]}
 */
function pairs(results) {
  const steps = [...new Set(results.map((r) => r.step))];
  return steps.flatMap((step) => {
    const runsOf = (/** @type {string} */ stack) => results.filter((r) => r.step === step && r.stack === stack);
    const enos = median(runsOf("enos"));
    const noop = median(runsOf("noop"));
    const shaped = median(runsOf("shaped"));
    const runs = runsOf("enos").length;
    if (!enos || !noop || !shaped) return [];
    return [
      {
        step,
        enos,
        noop,
        shaped,
        ratio: enos.seconds / noop.seconds,
        shapedRatio: enos.seconds / shaped.seconds,
        runs,
      },
    ];
  });
}

/**
 * @param {{ n: number, users: number, menus: number, latencyMs: number, repeat: number, machine: { cpus: number },
 *   loadBefore: number[], loadAfter: number[], results: StepResult[] }} run
 */
function markdown(run) {
  const load = (/** @type {number[]} */ l) => l.map((x) => x.toFixed(2)).join(" / ");
  const lines = [
    `N = ${run.n} grants (${run.users} RoleAssignment + ${run.users} UserGroupMembership) + 1 EnosApp + ` +
      `${run.menus} AppMenus, against ${run.n + 1 + run.menus} no-op dynamic resources, bare or with a grant's ` +
      `state shape (same-shape no-op); ${run.latencyMs} ms latency ` +
      `on every EnOS call; ${run.machine.cpus} CPUs, load average (1/5/15 min) ${load(run.loadBefore)} before, ` +
      `${load(run.loadAfter)} after.` +
      (run.repeat > 1
        ? ` Refresh and preview: median of ${run.repeat} runs a stack, alternating which goes first.`
        : ""),
    "",
    "| step | pulumi-enos stack | no-op stack | ratio | same-shape no-op | ratio | EnOS API calls | " +
      "provider peak RSS (enos / no-op) |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const { step, enos, noop, shaped, ratio, shapedRatio } of pairs(run.results)) {
    const mem = (/** @type {number | null} */ m) => (m === null ? "n/a" : `${m} MiB`);
    lines.push(
      `| ${STEP_LABELS[/** @type {keyof typeof STEP_LABELS} */ (step)]} | ${seconds(enos.seconds)} | ` +
        `${seconds(noop.seconds)} | ${ratio.toFixed(2)} | ${seconds(shaped.seconds)} | ${shapedRatio.toFixed(2)} | ` +
        `${enos.calls.toLocaleString("en-US")} | ${mem(enos.providerPeakMiB)} / ${mem(noop.providerPeakMiB)} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Writes bench-results/engine-<ISO time>.json and .md; returns their paths.
 * @param {string} repoRoot @param {Date} startedAt @param {Parameters<typeof markdown>[0]} run
 */
function writeEngineResults(repoRoot, startedAt, run) {
  const dir = path.join(repoRoot, "bench-results");
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `engine-${startedAt.toISOString().replace(/[:.]/g, "-")}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify({ ...run, pairs: pairs(run.results) }, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown(run));
  return { json: `${base}.json`, markdown: `${base}.md` };
}

module.exports = { markdown, writeEngineResults };

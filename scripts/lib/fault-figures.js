// @ts-check
// The fault matrix's figures (test/faults): one record per seed and profile, kept as JSON in a temp directory so the
// README and closing notes can quote a run, and printed as a table by the matrix and by `npm run faults:figures`.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { machine, table } = require("../bench/report");

/**
 * @typedef {"ok" | "+1 up" | "+1 destroy" | "failed" | "skipped"} Outcome
 * `ok`: the first run succeeded; `+1 up` / `+1 destroy`: it failed and the user's one retry succeeded.
 */
/**
 * @typedef {object} PhaseFigures
 * @property {number} faults    requests a fault hit
 * @property {number} calls     EnOS requests (token requests included)
 * @property {number} resent    writes sent more than once (the clean run sends each write once)
 * @property {number} pulumiOps pulumi operations run (the first, plus the retry if any)
 * @property {Outcome} outcome
 * @property {string} [error]   the first failure's message, shortened
 */
/**
 * @typedef {object} ProfileFigures
 * @property {number} seed
 * @property {string} profile
 * @property {string} title
 * @property {{ create?: PhaseFigures, update?: PhaseFigures, refresh?: PhaseFigures, delete?: PhaseFigures }} phases
 * @property {number} orphans    orphans seen after any phase
 * @property {number} duplicates duplicates seen after any phase
 * @property {string[]} problems what the checks found (empty: EnOS held exactly what was declared after every phase)
 * @property {number} durationMs
 */
/**
 * @typedef {object} FiguresFile
 * @property {string} startedAt
 * @property {{ cpus: number, loadAverage: number[], node: string, platform: string, cpuModel: string }} machine
 * @property {ProfileFigures[]} runs
 */

const PHASES = /** @type {const} */ (["create", "update", "refresh", "delete"]);

/** FAULT_FIGURES, else <tmp>/pulumi-enos-faults/figures.json. */
function figuresPath(env = process.env) {
  return env["FAULT_FIGURES"] || path.join(os.tmpdir(), "pulumi-enos-faults", "figures.json");
}

/** Starts a new figures file (a new matrix run). @param {string} file */
function startFigures(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  /** @type {FiguresFile} */
  const empty = { startedAt: new Date().toISOString(), machine: machine(), runs: [] };
  fs.writeFileSync(file, `${JSON.stringify(empty, null, 2)}\n`);
}

/** @param {string} file @returns {FiguresFile} */
function readFigures(file) {
  const raw = /** @type {unknown} */ (JSON.parse(fs.readFileSync(file, "utf8")));
  return /** @type {FiguresFile} */ (raw);
}

/** Adds one profile's record, written at once so an interrupted run keeps what it measured. */
function addFigures(/** @type {string} */ file, /** @type {ProfileFigures} */ run) {
  const figures = readFigures(file);
  figures.runs.push(run);
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}

/** @param {ProfileFigures} run @param {(p: PhaseFigures) => number} of */
const sum = (run, of) => PHASES.reduce((total, phase) => total + (run.phases[phase] ? of(run.phases[phase]) : 0), 0);

/** "ok / ok / ok / +1 destroy" @param {ProfileFigures} run */
const outcomes = (run) => PHASES.map((phase) => run.phases[phase]?.outcome ?? "skipped").join(" / ");

/** @param {ProfileFigures} run */
const faultsPerPhase = (run) =>
  ["create", "update", "delete"].map((p) => run.phases[/** @type {"create"} */ (p)]?.faults ?? 0).join("/");

const HEADERS = [
  "seed · profile",
  "faults c/u/d",
  "EnOS calls",
  "re-sent",
  "pulumi ops",
  "outcome create / update / refresh / delete",
  "orphans/dupes",
  "checks",
  "s",
];

/** @param {ProfileFigures} run @returns {Array<string | number>} */
function row(run) {
  return [
    `${run.seed} · ${run.profile}`,
    faultsPerPhase(run),
    sum(run, (p) => p.calls),
    sum(run, (p) => p.resent),
    sum(run, (p) => p.pulumiOps),
    outcomes(run),
    `${run.orphans}/${run.duplicates}`,
    run.problems.length === 0 ? "pass" : `${run.problems.length} failed`,
    (run.durationMs / 1000).toFixed(1),
  ];
}

/** The figures as an aligned text table, with the failures' first lines under it. @param {FiguresFile} figures */
function formatFigures(figures) {
  const total = figures.runs.reduce((ms, run) => ms + run.durationMs, 0);
  const lines = [
    `Fault matrix, started ${figures.startedAt}: ${figures.runs.length} profile runs in ${(total / 1000).toFixed(0)} s ` +
      `(${figures.machine.cpus} CPUs, load ${figures.machine.loadAverage.map((l) => l.toFixed(2)).join(" / ")} at start)`,
    table(HEADERS, figures.runs.map(row)),
  ];
  for (const run of figures.runs) {
    for (const problem of run.problems.slice(0, 3)) lines.push(`  ${run.seed} · ${run.profile}: ${problem}`);
  }
  return lines.join("\n");
}

/** The same rows as a Markdown table (for README "Reliability"). @param {FiguresFile} figures */
function markdownFigures(figures) {
  const cells = figures.runs.map(row);
  return [HEADERS, HEADERS.map(() => "---"), ...cells].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

module.exports = { figuresPath, startFigures, readFigures, addFigures, formatFigures, markdownFigures };

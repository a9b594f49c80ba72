// @ts-check
// The fault matrix's figures (test/faults): one record per seed and cycle, each phase naming the fault profile it
// ran under, kept as JSON in a temp directory so the README and closing notes can quote a run, and printed as
// tables by the matrix and by `npm run faults:figures` (`-- --markdown` for README).
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { machine, table } = require("../bench/report");

/**
 * @typedef {"ok" | "+1 up" | "+1 destroy" | "failed"} Outcome
 * `ok`: the first run succeeded; `+1 up` / `+1 destroy`: it failed and the user's one retry succeeded.
 */
/**
 * @typedef {object} PhaseFigures
 * @property {string} profile   the fault profile armed ("none" for the refresh preview)
 * @property {number} faults    requests a fault hit
 * @property {number} calls     EnOS requests (token requests included)
 * @property {number} resent    writes sent more than once (the clean run sends each write once)
 * @property {number} pulumiOps pulumi operations run (the first, plus the retry if any)
 * @property {Outcome} outcome
 * @property {string} [error]   the first failure's message, shortened
 */
/**
 * @typedef {object} CycleFigures
 * @property {number} seed
 * @property {string} cycle      which profile each phase ran under
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
 * @property {CycleFigures[]} runs
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

/** Adds one cycle's record, written at once so an interrupted run keeps what it measured. */
function addFigures(/** @type {string} */ file, /** @type {CycleFigures} */ run) {
  const figures = readFigures(file);
  figures.runs.push(run);
  fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
}

/** Every phase record with its seed and cycle. @param {FiguresFile} figures */
function phaseRows(figures) {
  return figures.runs.flatMap((run) =>
    PHASES.flatMap((phase) => {
      const p = run.phases[phase];
      return p ? [{ seed: run.seed, phase, ...p }] : [];
    }),
  );
}

const CYCLE_HEADERS = [
  "seed · cycle",
  "create",
  "update",
  "refresh",
  "delete",
  "EnOS calls",
  "orphans/dupes",
  "checks",
  "s",
];

/** @param {CycleFigures} run @returns {Array<string | number>} */
function cycleRow(run) {
  const calls = PHASES.reduce((n, phase) => n + (run.phases[phase]?.calls ?? 0), 0);
  return [
    `${run.seed} · ${run.cycle}`,
    ...PHASES.map((phase) => run.phases[phase]?.outcome ?? "-"),
    calls,
    `${run.orphans}/${run.duplicates}`,
    run.problems.length === 0 ? "pass" : `${run.problems.length} failed`,
    (run.durationMs / 1000).toFixed(1),
  ];
}

const PROFILE_HEADERS = [
  "profile",
  "phase",
  "runs",
  "faults",
  "EnOS calls",
  "re-sent writes",
  "pulumi ops",
  "outcomes",
];

/** Per profile and phase, summed over seeds: what README "Reliability" quotes. @param {FiguresFile} figures */
function profileRows(figures) {
  /** @type {Map<string, { profile: string, phase: string, runs: number, faults: number, calls: number, resent: number, ops: number, outcomes: Map<string, number> }>} */
  const rows = new Map();
  for (const p of phaseRows(figures)) {
    if (p.phase === "refresh") continue;
    const key = `${p.profile} ${p.phase}`;
    const row = rows.get(key) ?? {
      profile: p.profile,
      phase: p.phase,
      runs: 0,
      faults: 0,
      calls: 0,
      resent: 0,
      ops: 0,
      outcomes: /** @type {Map<string, number>} */ (new Map()),
    };
    row.runs += 1;
    row.faults += p.faults;
    row.calls += p.calls;
    row.resent += p.resent;
    row.ops += p.pulumiOps;
    row.outcomes.set(p.outcome, (row.outcomes.get(p.outcome) ?? 0) + 1);
    rows.set(key, row);
  }
  return [...rows.values()].map((r) => [
    r.profile,
    r.phase,
    r.runs,
    r.faults,
    r.calls,
    r.resent,
    r.ops,
    [...r.outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(", "),
  ]);
}

/** The figures as aligned text tables, with the checks' failures under them. @param {FiguresFile} figures */
function formatFigures(figures) {
  const total = figures.runs.reduce((ms, run) => ms + run.durationMs, 0);
  const load = figures.machine.loadAverage.map((l) => l.toFixed(2)).join(" / ");
  const lines = [
    `Fault matrix, started ${figures.startedAt}: ${figures.runs.length} cycles in ${(total / 1000).toFixed(0)} s ` +
      `(${figures.machine.cpus} CPUs, load ${load} at start)`,
    table(CYCLE_HEADERS, figures.runs.map(cycleRow)),
    "",
    table(PROFILE_HEADERS, profileRows(figures)),
  ];
  for (const run of figures.runs) {
    for (const problem of run.problems.slice(0, 4)) lines.push(`  ${run.seed} · ${run.cycle}: ${problem}`);
  }
  return lines.join("\n");
}

/** The per-profile table in Markdown (README "Reliability"). @param {FiguresFile} figures */
function markdownFigures(figures) {
  const rows = [PROFILE_HEADERS, PROFILE_HEADERS.map(() => "---"), ...profileRows(figures)];
  return rows.map((r) => `| ${r.join(" | ")} |`).join("\n");
}

module.exports = { figuresPath, startFigures, readFigures, addFigures, formatFigures, markdownFigures };

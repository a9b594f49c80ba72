// @ts-check
// Printing the bench: aligned text tables on stdout, and the raw results as JSON in bench-results/.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/**
 * An aligned table: the first column left-aligned, the others right-aligned (they hold numbers).
 * @param {string[]} headers
 * @param {Array<Array<string | number>>} rows
 * @returns {string}
 */
function table(headers, rows) {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? "").length)));
  const line = (/** @type {string[]} */ row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join("  ");
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].map((text) => `  ${text.trimEnd()}`).join("\n");
}

/** @param {string} title */
function heading(title) {
  return `\n${title}\n${"=".repeat(title.length)}`;
}

/** @param {number} value @param {number} [digits] */
function fixed(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** "POST role/appendRoles x2, POST userRoles/roleList" @param {Record<string, number>} routes */
function routeList(routes) {
  const parts = Object.entries(routes).map(([route, count]) => (count === 1 ? route : `${route} x${count}`));
  return parts.length > 0 ? parts.join(", ") : "-";
}

/** What the machine was doing: the numbers are only comparable within one run. */
function machine() {
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    loadAverage: os.loadavg(),
  };
}

/**
 * Writes bench-results/bench-<ISO time>.json (":" and "." replaced so every file system accepts the name).
 * @param {string} repoRoot
 * @param {Date} startedAt
 * @param {unknown} results
 * @returns {string} the path written
 */
function writeResults(repoRoot, startedAt, results) {
  const dir = path.join(repoRoot, "bench-results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

module.exports = { table, heading, fixed, routeList, machine, writeResults };

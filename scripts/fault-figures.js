#!/usr/bin/env node
// @ts-check
// `npm run faults:figures [-- --markdown]`: prints the figures of the last fault-matrix run (test/faults; the file
// is FAULT_FIGURES, default <tmp>/pulumi-enos-faults/figures.json).
"use strict";
const fs = require("node:fs");
const { figuresPath, formatFigures, markdownFigures, readFigures } = require("./lib/fault-figures");

const file = figuresPath();
if (!fs.existsSync(file)) {
  console.error(`no fault-matrix figures at ${file}: run \`npx jest --selectProjects faults\` first`);
  process.exit(1);
}
const figures = readFigures(file);
console.log(process.argv.includes("--markdown") ? markdownFigures(figures) : formatFigures(figures));

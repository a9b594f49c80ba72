#!/usr/bin/env node
// @ts-check
// Makes `require("pulumi-enos/provider")` resolve inside this repository, as it does in a user's program. The
// serialized dynamic provider requires the package by name from the program's directory (README "Using it"), and the
// examples live inside this repo, so node_modules/pulumi-enos must point back at the repo root.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-enos");

try {
  const target = fs.readlinkSync(link);
  if (path.resolve(path.dirname(link), target) === root) process.exit(0);
  fs.unlinkSync(link);
} catch (error) {
  if (/** @type {NodeJS.ErrnoException} */ (error).code !== "ENOENT") throw error;
}
fs.mkdirSync(path.dirname(link), { recursive: true });
fs.symlinkSync("..", link, "dir");

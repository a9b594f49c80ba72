// @ts-check
// Shared by the demo and the engine tests: find the Pulumi CLI, build an offline environment, and run stack
// operations through stack-runner.js in a child process.
"use strict";
const { execFileSync, execFile } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const repoRoot = path.resolve(__dirname, "..", "..");

/** Runs scripts/ensure-pulumi (builds the CLI on first use) and returns the directory holding `pulumi`. */
function ensurePulumi() {
  const out = execFileSync("bash", [path.join(repoRoot, "scripts", "ensure-pulumi")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = out.trim().split("\n");
  return lines[lines.length - 1] ?? "";
}

/**
 * A private Pulumi home and file backend under `dir`: no Pulumi Cloud, no update checks, no plugin downloads
 * (pulumi.md §B5). The passphrase only protects this throw-away state.
 */
function offlineWorkspace(dir, passphrase = "pulumi-enos-local") {
  const pulumiHome = path.join(dir, "pulumi-home");
  const backendDir = path.join(dir, "backend");
  fs.mkdirSync(pulumiHome, { recursive: true });
  fs.mkdirSync(backendDir, { recursive: true });
  return {
    pulumiHome,
    backendUrl: `file://${backendDir}`,
    env: {
      PULUMI_CONFIG_PASSPHRASE: passphrase,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
      PULUMI_SUPPRESS_NEO_LINK: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      PULUMI_HOME: pulumiHome,
      PULUMI_BACKEND_URL: `file://${backendDir}`,
    },
  };
}

/**
 * Runs the request's operations in a fresh `node stack-runner.js` process and resolves to its per-operation results.
 * @param {object} request see stack-runner.js
 * @param {{ runner?: string, cwd?: string, timeoutMs?: number }} [options]
 */
function runStack(request, options = {}) {
  const runner = options.runner ?? path.join(__dirname, "stack-runner.js");
  const requestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "enos-stack-")), "request.json");
  fs.writeFileSync(requestFile, JSON.stringify(request));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [runner, requestFile],
      { cwd: options.cwd ?? repoRoot, maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs ?? 600_000 },
      (error, stdout, stderr) => {
        fs.rmSync(path.dirname(requestFile), { recursive: true, force: true });
        if (error) reject(new Error(`stack runner failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

module.exports = { repoRoot, ensurePulumi, offlineWorkspace, runStack };

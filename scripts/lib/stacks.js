// @ts-check
// Shared by the demo and the engine tests: find the Pulumi CLI, build an offline environment, and open a stack of a
// real project directory through the Automation API. The program then runs in Pulumi's Node.js language host, in a
// Node process of its own, exactly as with `pulumi up` in that directory.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const repoRoot = path.resolve(__dirname, "..", "..");

/**
 * Runs scripts/ensure-pulumi (builds the CLI and the language host on first use) and returns the directory holding
 * `pulumi`, `pulumi-language-nodejs` and `pulumi-resource-pulumi-nodejs`. Throws when they cannot be had.
 * `{ policy: true }`: the directory whose language host also runs Node.js policy packs (ensure-pulumi --policy).
 * @param {{ policy?: boolean }} [options]
 */
function ensurePulumi(options = {}) {
  const args = [path.join(repoRoot, "scripts", "ensure-pulumi"), ...(options.policy ? ["--policy"] : [])];
  const out = execFileSync("bash", args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = out.trim().split("\n");
  return lines[lines.length - 1] ?? "";
}

/**
 * A private Pulumi home and file backend under `dir`: no Pulumi Cloud, no update checks, no plugin downloads (Pulumi
 * docs: CLI environment variables). The passphrase only protects this throw-away state. @param {string} dir
 */
function offlineWorkspace(dir, passphrase = "pulumi-enos-local") {
  const pulumiHome = path.join(dir, "pulumi-home");
  const backendDir = path.join(dir, "backend");
  fs.mkdirSync(pulumiHome, { recursive: true });
  fs.mkdirSync(backendDir, { recursive: true });
  return {
    pulumiHome,
    env: {
      PULUMI_HOME: pulumiHome,
      PULUMI_BACKEND_URL: `file://${backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: passphrase,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
      PULUMI_SUPPRESS_NEO_LINK: "true",
    },
  };
}

/**
 * Selects stack `stackName` of the project in `workDir` (creating it when new), run by the `pulumi` in `binDir`
 * with the environment of `workspace`.
 * @param {{ workDir: string, stackName: string, binDir: string, workspace: ReturnType<typeof offlineWorkspace> }} options
 */
async function selectStack({ workDir, stackName, binDir, workspace }) {
  const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
  // PulumiCommand runs <root>/bin/pulumi and puts <root>/bin first on PATH, where the engine finds both plugins.
  const pulumiCommand = await PulumiCommand.get(path.basename(binDir) === "bin" ? { root: path.dirname(binDir) } : {});
  return LocalWorkspace.createOrSelectStack(
    { stackName, workDir },
    { pulumiCommand, pulumiHome: workspace.pulumiHome, envVars: workspace.env },
  );
}

module.exports = { repoRoot, ensurePulumi, offlineWorkspace, selectStack };

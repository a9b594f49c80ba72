// @ts-check
// The bench project as a user has it: `npm pack` of this repository installed with @pulumi/pulumi into a fresh
// directory (as test/engine/packed-tarball.test.ts does), a Pulumi.yaml, and the program of program.js.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

/** @typedef {{ devDependencies: Record<string, string> }} Manifest */
/** @typedef {Array<{ filename: string }>} PackOutput */

/** JSON.parse, typed as what it is. @param {string} text @returns {unknown} */
function parseJson(text) {
  /** @type {unknown} */
  const value = JSON.parse(text);
  return value;
}

/** The @pulumi/pulumi this repository develops against (package.json devDependencies). @param {string} repoRoot */
function pulumiVersion(repoRoot) {
  const manifest = /** @type {Manifest} */ (parseJson(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")));
  return String(manifest.devDependencies["@pulumi/pulumi"]);
}

/** @param {string[]} args @param {string} cwd */
function npm(args, cwd) {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Packs `repoRoot` (its dist/ must be built) and installs the tarball into `dir`/project.
 * @param {string} repoRoot @param {string} dir @returns {string} the project directory
 */
function installBenchProject(repoRoot, dir) {
  const packDir = path.join(dir, "pack");
  const projectDir = path.join(dir, "project");
  fs.mkdirSync(packDir, { recursive: true });
  fs.mkdirSync(projectDir, { recursive: true });
  const packed = /** @type {PackOutput} */ (
    parseJson(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", packDir], repoRoot))
  );
  const tarball = path.join(packDir, packed[0]?.filename ?? "");
  const manifest = {
    name: "enos-engine-bench",
    private: true,
    main: "index.js",
    dependencies: { "@pulumi/pulumi": pulumiVersion(repoRoot), "pulumi-enos": `file:${tarball}` },
  };
  fs.writeFileSync(path.join(projectDir, "package.json"), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(
    path.join(projectDir, "Pulumi.yaml"),
    "name: enos-engine-bench\ndescription: pulumi-enos engine benchmark\nruntime: nodejs\n",
  );
  fs.copyFileSync(path.join(__dirname, "program.js"), path.join(projectDir, "index.js"));
  npm(["install", "--no-audit", "--no-fund", "--prefer-offline"], projectDir);
  return projectDir;
}

module.exports = { installBenchProject, parseJson };

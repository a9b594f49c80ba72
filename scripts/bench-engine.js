// @ts-check
// `npm run bench:engine -- --n 1000 [--menus 10] [--latency 20] [--repeat 3]`: pulumi-enos through the real Pulumi
// CLI and the packed package, like a user's stack, against stacks of as many no-op dynamic resources, side by side in
// one run: `noop` (a bare no-op resource) and `shaped` (no-op resources whose state has a grant's shape, so that the
// engine's own cost of such state is measured apart from this provider's code).
// N grants (N/2 RoleAssignment + N/2 UserGroupMembership, one of each per seeded user) plus an app and menus, with
// `--latency` ms added to every EnOS call by the emulator's fault API. Steps, each run on the no-op stacks and then
// on the pulumi-enos stack: up, refresh, no-change preview, destroy. `--repeat K` runs the read-only steps (refresh,
// preview) K times, the stack order reversed every other round so that no stack always meets a warmer machine; the
// report takes each stack's median. Results: bench-results/engine-*.json and .md.
// Not part of `npm test`: at N = 1000 a run takes many minutes.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { ensurePulumi, offlineWorkspace, repoRoot, selectStack } = require("./lib/stacks");
const { machine } = require("./bench/report");
const { installBenchProject, parseJson } = require("./bench/engine/project");
const { measureStep } = require("./bench/engine/steps");
const { markdown, writeEngineResults } = require("./bench/engine/report");

/** @param {string[]} argv */
function parseArgs(argv) {
  const options = { n: 200, menus: 10, latency: 20, repeat: 1, keep: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = Number(argv[i + 1]);
    if (flag === "--keep") options.keep = true;
    else if (flag === "--n" || flag === "--menus" || flag === "--latency" || flag === "--repeat") {
      if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number`);
      options[/** @type {"n" | "menus" | "latency" | "repeat"} */ (flag.slice(2))] = value;
      i += 1;
    } else throw new Error(`unknown option ${flag} (use --n, --menus, --latency, --repeat, --keep)`);
  }
  if (options.n % 2 !== 0) throw new Error("--n must be even (one RoleAssignment and one UserGroupMembership a user)");
  if (options.repeat < 1) throw new Error("--repeat must be at least 1");
  return options;
}

/**
 * The order of the stacks in each round of a step: up and destroy once (no-op stacks first), the read-only steps
 * `repeat` times, the order reversed every other round.
 * @param {"up" | "refresh" | "preview" | "destroy"} step @param {number} repeat @returns {string[][]}
 */
function roundsOf(step, repeat) {
  const rounds = step === "refresh" || step === "preview" ? repeat : 1;
  return Array.from({ length: rounds }, (_, round) => (round % 2 === 0 ? [...STACKS] : [...STACKS].reverse()));
}

/** The stacks of a run, in their first round's order. */
const STACKS = /** @type {const} */ (["noop", "shaped", "enos"]);

/** @typedef {import("../dist/emulator").SeedData} SeedData */
/** @typedef {import("../dist/emulator").Emulator} Emulator */
/** @typedef {import("@pulumi/pulumi/automation").Stack} Stack */

/**
 * The bundled seed plus `users` users of o-demo, none of them granted anything yet.
 * @param {number} users @returns {SeedData}
 */
function benchSeed(users) {
  const seed = /** @type {SeedData & { users: NonNullable<SeedData["users"]> }} */ (
    parseJson(fs.readFileSync(path.join(repoRoot, "emulator", "seed.json"), "utf8"))
  );
  const extra = Array.from({ length: users }, (_, i) => {
    const id = `u-bench-${String(i).padStart(5, "0")}`;
    return { id, name: id, email: `${id}@example.com`, orgIds: ["o-demo"] };
  });
  return { ...seed, users: [...seed.users, ...extra] };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const users = options.n / 2;
  const startedAt = new Date();
  const binDir = ensurePulumi();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enos-bench-engine-"));
  /** @type {{ startEmulator: (options: { port: number, seed: SeedData }) => Promise<Emulator> }} */
  const { startEmulator } = require("../dist/emulator");
  const emulator = await startEmulator({ port: 0, seed: benchSeed(users) });
  try {
    console.log(`bench:engine: packing and installing into ${dir}`);
    const projectDir = installBenchProject(repoRoot, dir);
    const workspace = offlineWorkspace(dir);
    /** @type {Record<string, Stack>} */
    const stacks = {};
    for (const name of STACKS) {
      const stack = await selectStack({ workDir: projectDir, stackName: name, binDir, workspace });
      await stack.setAllConfig({
        "enos:apiUrl": { value: emulator.url },
        "enos:accessKey": { value: "demo-access-key", secret: true },
        "enos:secretKey": { value: "demo-secret-key", secret: true },
        "enos:orgId": { value: "o-demo" },
        "bench:kind": { value: name },
        "bench:users": { value: String(users) },
        "bench:menus": { value: String(options.menus) },
      });
      stacks[name] = stack;
    }
    if (options.latency > 0) emulator.faults.add({ route: { path: "*" }, latencyMs: options.latency, probability: 1 });
    // Unmeasured warm-up: the first CLI run of a process tree pays cold caches (plugins, the program's modules).
    for (const name of STACKS) await stacks[name]?.preview({ color: "never" });
    const loadBefore = os.loadavg();
    const results = [];
    for (const step of /** @type {const} */ (["up", "refresh", "preview", "destroy"])) {
      for (const order of roundsOf(step, options.repeat)) {
        for (const name of order) {
          const stack = stacks[name];
          if (stack === undefined) throw new Error(`no stack ${name}`);
          const result = await measureStep({ stack, name, step, emulator, projectDir });
          console.log(
            `  ${step.padEnd(8)} ${name.padEnd(6)} ${result.seconds.toFixed(1).padStart(7)} s  ` +
              `${String(result.calls).padStart(6)} calls  peak ${result.providerPeakMiB ?? "n/a"} MiB`,
          );
          results.push(result);
        }
      }
    }
    const run = {
      n: options.n,
      users,
      menus: options.menus,
      latencyMs: options.latency,
      repeat: options.repeat,
      machine: machine(),
      loadBefore,
      loadAfter: os.loadavg(),
      results,
    };
    const files = writeEngineResults(repoRoot, startedAt, run);
    console.log(`\n${markdown(run)}\nwrote ${files.json} and ${files.markdown}`);
  } finally {
    await emulator.close();
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

// One project per test layer (README "Development": tests mirror the layers under test/). Type-checking is `npm run
// typecheck`'s job, so ts-jest only transpiles here: fast, and the suite cannot pass on code that `tsc` would reject
// anyway.
/** @type {import('ts-jest').TsJestTransformerOptions} */
const tsJest = { tsconfig: "tsconfig.json", diagnostics: false };

/** @param {string} name @param {Partial<import('jest').Config>} extra */
function project(name, extra = {}) {
  return {
    displayName: name,
    testEnvironment: "node",
    testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
    transform: { "^.+\\.ts$": ["ts-jest", tsJest] },
    moduleFileExtensions: ["ts", "js", "json"],
    ...extra,
  };
}

/** @type {import('jest').Config} */
module.exports = {
  coverageProvider: "v8",
  projects: [
    project("unit"),
    project("emulator", { slowTestThreshold: 10 }),
    project("provider", { slowTestThreshold: 10 }),
    // Engine tests run `pulumi` on a temporary project directory (CLI, language host and provider process per
    // operation): long timeouts per file. Each file has its own project dir, emulator, file backend and PULUMI_HOME,
    // so files may run in parallel on big machines; on 2 cores Jest uses a single worker and runs every file
    // serially (all four projects take ~80 s, the engine files ~70 s of it).
    project("engine", { slowTestThreshold: 120 }),
    // Issue 11's fault matrix: the engine harness again, one stack per seed running every fault profile's cycle
    // (README "Reliability"); about 3 minutes on 2 cores.
    project("faults", { slowTestThreshold: 60 }),
  ],
};

// Three projects, one per test layer (style.md "Testing layers"). Type-checking is `npm run typecheck`'s job, so
// ts-jest only transpiles here: fast, and the suite cannot pass on code that `tsc` would reject anyway.
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
    // Engine tests spawn the Pulumi CLI: long timeouts, and run one file at a time via `maxWorkers` in the script.
    project("engine", { slowTestThreshold: 120 }),
  ],
};

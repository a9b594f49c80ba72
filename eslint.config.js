// @ts-check
const tseslint = require("typescript-eslint");

// Layer rules (README "Development"): sdk -> provider -> provider/client -> HTTP, and the emulator is an independent
// oracle that shares nothing with the provider. Inside the provider, the inner directions: inputs (pure validation)
// and failures know no resource, the resource kit knows no family, and no family knows another.
/** @param {...[string[], string]} groups gitignore-style pattern lists (`!` re-allows), each with its message */
const patterns = (...groups) => groups.map(([group, message]) => ({ group, message }));
/** @param {...[string[], string]} groups */
const restrict = (...groups) => ({ "no-restricted-imports": ["error", { patterns: patterns(...groups) }] });

/**
 * The command-line tools and the policy pack sit beside the sdk: they use the EnOS client and the lookups, never the
 * provider's internals, the sdk's resource classes or the emulator.
 * @param {string} who
 * @returns {[string[], string]}
 */
const besideTheSdk = (who) => [
  [
    "**/provider/resources/*",
    "**/provider/inputs",
    "**/provider/inputs/*",
    "**/provider/config",
    "**/provider/context",
    "**/provider/failures",
    "**/sdk",
    "**/sdk/*",
    "**/emulator",
    "**/emulator/*",
  ],
  `${who} uses provider/client and provider/lookups only, never provider internals`,
];
/** @type {[string[], string]} */
const providerLayer = [["**/sdk/*", "**/emulator/*"], "the provider knows only the client below it"];
/** @type {[string[], string]} */
const belowResources = [["**/resources/*"], "only provider/index.ts and the resources know the resources"];
const inputsRule = "provider/inputs is pure validation: zod and the client's setting rules only";
/** @param {string} family */
const familyOnly = (family) =>
  /** @type {[string[], string]} */ ([
    ["keyword", "grants", "devices"].filter((other) => other !== family).map((other) => `**/${other}/*`),
    "a resource family (keyword, grants, devices) builds on the kit only, never on another family",
  ]);

module.exports = tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "coverage/",
      "examples/*/node_modules/",
      "**/*.js",
      "!scripts/**/*.js",
      "bench-results/",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["provider/client/**/*.ts"],
    rules: restrict([
      ["@pulumi/*", "**/resources/*", "**/sdk/*", "**/emulator/*", "**/inputs", "**/inputs/*", "**/failures"],
      "provider/client is the bottom layer",
    ]),
  },
  {
    files: ["provider/**/*.ts"],
    ignores: ["provider/client/**"],
    rules: restrict(providerLayer),
  },
  {
    files: ["provider/config.ts", "provider/context.ts", "provider/lookups.ts", "provider/failures.ts"],
    rules: restrict(providerLayer, belowResources, [
      ["**/inputs", "**/inputs/*"],
      "settings, client context, lookups and failures sit below the inputs",
    ]),
  },
  {
    // The client's index is refused by name ("../client"): a directory pattern would also refuse client/settings.
    files: ["provider/inputs/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: patterns(providerLayer, belowResources, [
            ["@pulumi/*", "**/failures", "**/context", "**/config", "**/lookups", "**/client/*", "!**/client/settings"],
            inputsRule,
          ]),
          paths: [{ name: "../client", message: inputsRule }],
        },
      ],
    },
  },
  {
    files: ["provider/resources/kit/**/*.ts"],
    rules: restrict(providerLayer, [["**/keyword/*", "**/grants/*", "**/devices/*"], "the kit serves every family"]),
  },
  ...["keyword", "grants", "devices"].map((family) => ({
    files: [`provider/resources/${family}/**/*.ts`],
    rules: restrict(providerLayer, familyOnly(family)),
  })),
  {
    files: ["emulator/**/*.ts"],
    rules: restrict([
      ["**/provider/*", "**/sdk/*", "@pulumi/*"],
      "the emulator is an independent oracle: no shared code",
    ]),
  },
  {
    files: ["sdk/**/*.ts"],
    rules: restrict([["**/emulator/*", "**/client/*"], "the sdk talks to the provider module only"]),
  },
  {
    // The scripts are CommonJS run by node as they are: `require` is how they load the built package.
    files: ["scripts/**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["policy/**/*.ts"],
    rules: restrict(besideTheSdk("the policy pack")),
  },
  {
    // The command line sits beside the sdk (design §2): it uses the EnOS client and the lookups, never the
    // providers' internals, the sdk or the emulator.
    files: ["cli/**/*.ts"],
    rules: restrict(besideTheSdk("cli/ (review, drift)")),
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
);

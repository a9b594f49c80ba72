// @ts-check
const tseslint = require("typescript-eslint");

// Layer rules (design §2): sdk -> provider/resources -> provider/client -> HTTP, and the emulator is an independent
// oracle that shares nothing with the provider.
const restrict = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: patterns.map((pattern) => ({ group: [pattern], message })) }],
});

module.exports = tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "examples/*/node_modules/", "**/*.js", "bench-results/"] },
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
    rules: restrict(
      ["@pulumi/*", "**/resources/*", "**/sdk/*", "**/emulator/*"],
      "provider/client is the bottom layer",
    ),
  },
  {
    files: ["provider/**/*.ts"],
    ignores: ["provider/client/**"],
    rules: restrict(["**/sdk/*", "**/emulator/*"], "the provider knows only the client below it"),
  },
  {
    files: ["emulator/**/*.ts"],
    rules: restrict(
      ["**/provider/*", "**/sdk/*", "@pulumi/*"],
      "the emulator is an independent oracle: no shared code",
    ),
  },
  {
    files: ["sdk/**/*.ts"],
    rules: restrict(["**/emulator/*", "**/client/*"], "the sdk talks to the provider module only"),
  },
  {
    // The command line sits beside the sdk (design §2): it uses the EnOS client and the lookups, never the
    // providers' internals, the sdk or the emulator.
    files: ["cli/**/*.ts"],
    rules: restrict(
      [
        "**/provider/resources/*",
        "**/provider/inputs/*",
        "**/provider/inputs",
        "**/provider/config",
        "**/provider/context",
        "**/provider/failures",
        "**/sdk",
        "**/sdk/*",
        "**/emulator",
        "**/emulator/*",
      ],
      "cli/ uses provider/client and provider/lookups only",
    ),
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

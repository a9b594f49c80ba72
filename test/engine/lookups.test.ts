import * as path from "node:path";
import { createEngineStack, expectOk, type EngineStack, type StackResult } from "./harness";

// Singular lookups in a real program run by the language host: what they return, in both forms, and how a failure
// reads in the CLI's output (once, naming the argument and the candidates, no stack trace or object dump). The
// Output form fails through the same RunError (test/provider/sdk-lookups.test.ts); a program that throws from its
// main function takes the CLI about a minute to wind down here, so one failing preview is all this file runs.
jest.setTimeout(240_000);

let stack: EngineStack;

beforeAll(async () => {
  stack = await createEngineStack({ project: path.join(__dirname, "programs", "lookups") });
});
afterAll(async () => {
  await stack?.close();
});

/** Everything the CLI printed for a failed operation. */
function printed(result: StackResult | undefined): string {
  expect(result?.ok).toBe(false);
  return `${result?.stdout ?? ""}${result?.stderr ?? ""}`;
}

/** A lookup failure as Pulumi printed it: one message, no stack trace, no colour codes, no inspected object. */
function expectCleanFailure(output: string, message: string): void {
  // The CLI shows each diagnostic while it runs and again under "Diagnostics:"; there it must be the only error.
  const diagnostics = output.slice(output.indexOf("Diagnostics:"));
  expect(diagnostics.split(message)).toHaveLength(2);
  expect(diagnostics.match(/\berror: /g)).toHaveLength(1);
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(output).not.toContain("\u001b[");
  expect(output).not.toMatch(/LookupError|RunError|\[cause\]|\{\s*$/m);
}

test("promise and Output lookups return the objects they name; the app's lookup waits for the app", async () => {
  const up = expectOk(await stack.run({ op: "up" }));
  expect(up.summary?.resourceChanges).toEqual({ create: 2 });
  const outputs = Object.fromEntries(Object.entries(up.outputs ?? {}).map(([key, { value }]) => [key, value]));
  expect(outputs).toEqual({
    roleIds: ["r-operator", "r-viewer"],
    groupId: "g-ops",
    appKeyword: "energy-mgmt",
    turbineAssetId: "a-turbine-7",
  });
});

test("a name no role has fails the preview once, naming the closest roles", async () => {
  stack.config = { "lookups:roleName": "Operater" };
  const [preview] = await stack.run({ op: "preview" });
  expectCleanFailure(
    printed(preview),
    "getRole failed: no role has name 'Operater' in OU o-demo (names in en_US); closest of 5: 'Operator' (r-operator)",
  );
});

test("destroy removes the app again", async () => {
  stack.config = {};
  expectOk(await stack.run({ op: "destroy" }));
  expect(stack.emulator.state().apps).toEqual([]);
});

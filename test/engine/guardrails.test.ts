import * as path from "node:path";
import { createEngineStack, type EngineStack } from "./harness";

jest.setTimeout(120_000);

let stack: EngineStack;

beforeAll(async () => {
  stack = await createEngineStack({ project: path.join(__dirname, "programs", "duplicate-exhaustive") });
});
afterAll(async () => {
  await stack?.close();
});

test("two exhaustive RoleAssignments for one user fail the preview, naming both, before any write", async () => {
  const [preview] = await stack.run({ op: "preview" });
  expect(preview?.ok).toBe(false);
  const output = `${preview?.error}${preview?.stdout}${preview?.stderr}`;
  expect(output).toMatch(/RoleAssignment 'alice-viewer' and 'alice-admin' are both exhaustive for user 'u-alice'/);
  expect(output).toContain("exhaustive: false");
  const writes = stack.emulator.requestLog().filter((e) => e.method !== "GET" && !e.path.startsWith("/apim-token"));
  expect(writes).toEqual([]);
});

import * as fs from "node:fs";
import * as path from "node:path";
import { createEngineStack, type EngineStack } from "./harness";

// Conflicts the sdk catches while the program runs: each fails the conflicting resource's check, so `pulumi preview`
// fails with one message that names the resources and the fix, printed once, without a stack trace, before any EnOS
// write, and in seconds (a program that throws would cost the engine tens of seconds to wind down).
jest.setTimeout(240_000);

let stack: EngineStack;

beforeAll(async () => {
  stack = await createEngineStack({ project: path.join(__dirname, "programs", "program-checks") });
});
afterAll(async () => {
  await stack?.close();
});

/** Token requests and app-portal's reads, which are POSTs (an exhaustive grant's check reads the user's roles). */
function isPostRead(path: string): boolean {
  return path.startsWith("/apim-token") || /\/(userRoles\/roleList|userGroup\/getUsersUserGroupList)$/.test(path);
}

/** Previews the program's `name` case and returns what the engine printed. */
async function failedPreview(name: string): Promise<string> {
  fs.writeFileSync(path.join(stack.projectDir, "case"), name);
  stack.emulator.clearRequestLog();
  const [preview] = await stack.run({ op: "preview" });
  expect(preview?.ok).toBe(false);
  const writes = stack.emulator.requestLog().filter((e) => e.method !== "GET" && !isPostRead(e.path));
  expect(writes).toEqual([]);
  return `${preview?.stdout ?? ""}${preview?.stderr ?? ""}`;
}

/**
 * The engine's diagnostics hold `message` exactly once (the live progress lines above them repeat every diagnostic),
 * and the output holds no JavaScript stack frame.
 */
function expectPrintedOnce(output: string, message: RegExp): void {
  const diagnostics = output.slice(output.indexOf("Diagnostics:"));
  expect(output).toContain("Diagnostics:");
  expect(diagnostics.match(new RegExp(message.source, "g")) ?? []).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
}

test("two exhaustive RoleAssignments for one user fail the preview, naming both, before any write", async () => {
  const output = await failedPreview("duplicate-exhaustive");
  expectPrintedOnce(output, /RoleAssignment 'alice-viewer' and 'alice-admin' are both exhaustive for user 'u-alice'/);
  expect(output).toContain("exhaustive: false");
});

test("two EnosApps with one keyword in an OU fail the preview, naming both and the fix", async () => {
  const output = await failedPreview("duplicate-app-keyword");
  expectPrintedOnce(output, /EnosApp 'energy-copy' and 'energy' both declare keyword 'energy-mgmt' in OU 'o-demo'/);
  expect(output).toContain("EnosApp resource 'energy-copy': property keyword value {energy-mgmt} has a problem");
  expect(output).toContain("Give each resource its own keyword");
});

test("two AppMenus with one keyword in a new app fail the preview, though the app's id is not known yet", async () => {
  const output = await failedPreview("duplicate-menu-keyword");
  expectPrintedOnce(output, /AppMenu 'overview-again' and 'overview' both declare keyword 'overview' in the same app/);
});

test("the import option fails the preview with a pointer to adopt, not the dynamic-provider host's crash", async () => {
  const output = await failedPreview("import-option");
  expectPrintedOnce(output, /EnosApp 'legacy': the `import` resource option/);
  expect(output).toContain("set `adopt: true` instead");
  expect(output).not.toContain("toJavaScript");
});

test("an exhaustive grant that would strip a live admin role fails the preview on maxRemovals, not the up", async () => {
  const output = await failedPreview("exhaustive-strips-admin");
  expectPrintedOnce(output, /would remove 1 role\(s\) \[r-org-admin\], more than maxRemovals \(0\)/);
  expect(output).toContain("property maxRemovals");
});

test("a role granted in the console to an exhaustive user shows in a plain preview; destroy gives back the seed", async () => {
  fs.writeFileSync(path.join(stack.projectDir, "case"), "exhaustive-carol");
  const [up] = await stack.run({ op: "up" });
  expect(up?.ok).toBe(true);
  expect(stack.emulator.state().roleGrants.find((g) => g.userId === "u-carol")?.roleIds).toEqual(["r-auditor"]);

  stack.emulator.mutate({ type: "grant-role", userId: "u-carol", roleId: "r-org-admin" });
  const [preview] = await stack.run({ op: "preview" });
  expect(preview?.ok).toBe(true);
  expect(preview?.changeSummary).toMatchObject({ update: 1 });
  expect(`${preview?.stdout ?? ""}`).toContain(
    "removes roles [r-org-admin] the user holds now but roleIds does not list",
  );

  const [destroy] = await stack.run({ op: "destroy" });
  expect(destroy?.ok).toBe(true);
  // The create took r-operator away; destroy gives it back (the console's r-org-admin was never this stack's).
  expect([...(stack.emulator.state().roleGrants.find((g) => g.userId === "u-carol")?.roleIds ?? [])].sort()).toEqual([
    "r-operator",
    "r-org-admin",
  ]);
});

import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../../scripts/lib/stacks";
import { createEngineStack, expectOk, type EngineStack, type StackResult } from "./harness";

// `pulumi preview --policy-pack policy/pack` through the real engine: one stack of the policy programs (the file `case`
// in its project directory picks the program) and one of the quickstart. Both run with the Pulumi directory whose language host
// runs policy packs (scripts/ensure-pulumi --policy), as a normal Pulumi install does.

jest.setTimeout(300_000);

const PACK = path.join(repoRoot, "policy", "pack");

/** The pack config of these tests: rules 1, 3 and 5 keep their defaults, the others get something to check. */
const TEST_CONFIG = {
  "enos-separation-of-duties": { conflictingRoleIds: [["r-auditor", "r-operator"]] },
  "enos-device-blast-radius": { maxDisabledDevices: 2 },
  "enos-protected-devices": { neverDisable: ["a-turbine-7"] },
  "enos-privileged-groups": { userGroupNames: ["Operations"], allowedUserIds: ["u-alice"] },
};

let stack: EngineStack;
let quickstart: EngineStack;
let configFile: string;
let allowBobFile: string;

beforeAll(async () => {
  stack = await createEngineStack({ project: path.join(__dirname, "programs", "policy"), policy: true });
  configFile = path.join(stack.dir, "policy-config.json");
  fs.writeFileSync(configFile, JSON.stringify(TEST_CONFIG));
  allowBobFile = path.join(stack.dir, "policy-config-allow-bob.json");
  fs.writeFileSync(
    allowBobFile,
    JSON.stringify({ ...TEST_CONFIG, "enos-privileged-roles": { allowedUserIds: ["u-bob"] } }),
  );
});
afterAll(async () => {
  await stack?.close();
  await quickstart?.close();
});

/** A preview of program `name` with the pack (and `config`), after clearing the emulator's request log. */
async function preview(name: string, config = configFile): Promise<StackResult> {
  fs.writeFileSync(path.join(stack.projectDir, "case"), name);
  stack.emulator.clearRequestLog();
  const [result] = await stack.run({ op: "preview", policyPacks: [PACK], policyPackConfigs: [config] });
  if (!result) throw new Error("no preview result");
  return result;
}

/** Fails unless the preview made no EnOS call but reads: the pack's role and group names, an exhaustive grant's live set. */
function expectNoProviderCall(): void {
  const calls = stack.emulator
    .requestLog()
    .filter((e) => e.service !== "token")
    .map((e) => `${e.method} ${e.path}`);
  for (const call of calls)
    expect(call).toMatch(
      /^(GET \/app-portal-service\/v2\.[23]\/organization\/(role|userGroup)\/list|POST \/app-portal-service\/v2\.2\/(userRoles\/roleList|userGroup\/getUsersUserGroupList))$/,
    );
}

/** The preview failed, before any change, for exactly these mandatory violations, each printed in the output. */
function expectMandatory(result: StackResult, violations: Array<[policy: string, message: string]>): void {
  expect(result.ok).toBe(false);
  const reported = (result.policyViolations ?? []).map((v) => [v.policyName, v.message]);
  expect(reported.sort()).toEqual([...violations].sort());
  for (const v of result.policyViolations ?? []) expect(v.enforcementLevel).toBe("mandatory");
  const output = `${result.error}${result.stdout}${result.stderr}`.replace(/\s+/g, " ");
  for (const [name, message] of violations) {
    expect(output).toContain(`[mandatory] ${name}`);
    expect(output).toContain(message);
  }
  expectNoProviderCall();
}

test("a program within every rule previews cleanly with the pack", async () => {
  const result = expectOk([await preview("pass")]);
  expect(result.policyViolations).toEqual([]);
  expect(result.changeSummary).toEqual({ create: 7 });
  expect(result.stdout).toMatch(/✅ pulumi-enos@v0\.1\.0/);
});

test("rule 1: a privileged role (by name, resolved in the OU) for an unlisted user fails the preview", async () => {
  expectMandatory(await preview("privileged-role"), [
    [
      "enos-privileged-roles",
      `RoleAssignment 'bob-roles' grants the privileged role r-org-admin ("Organization Administrator") to user ` +
        `u-bob in OU o-demo, who is not in enos-privileged-roles.allowedUserIds; remove the role from roleIds, or ` +
        `add u-bob to enos-privileged-roles.allowedUserIds in the policy pack config`,
    ],
  ]);
});

test("the pack config changes the verdict: the same grant passes once u-bob is an allowed user", async () => {
  const result = expectOk([await preview("privileged-role", allowBobFile)]);
  expect(result.policyViolations).toEqual([]);
});

test("rule 3: an exhaustive grant without maxRemovals or break-glass protection fails the preview", async () => {
  const who = "exhaustive RoleAssignment 'carol-roles' (user u-carol in OU o-demo)";
  expectMandatory(await preview("exhaustive-grant"), [
    [
      "enos-exhaustive-grants",
      `${who} sets no maxRemovals, so one run may remove any number of roles; set maxRemovals to at most 5 ` +
        `(enos-exhaustive-grants.maxRemovalsLimit in the policy pack config)`,
    ],
    [
      "enos-exhaustive-grants",
      `${who} does not protect the break-glass role r-org-admin ("Organization Administrator"): it would remove ` +
        `that role from the user; add it to protectedRoleIds (break-glass roles: ` +
        `enos-exhaustive-grants.breakGlassRoleIds and .breakGlassRoleNames in the policy pack config)`,
    ],
  ]);
});

test("rule 4: disabling a device of neverDisable fails the preview", async () => {
  expectMandatory(await preview("protected-device"), [
    [
      "enos-protected-devices",
      `DeviceEnablement 'turbine-7' disables device a-turbine-7 in OU o-demo, which ` +
        `enos-protected-devices.neverDisable lists as a-turbine-7; set enabled: true, or remove it from ` +
        `enos-protected-devices.neverDisable in the policy pack config`,
    ],
  ]);
});

test("rule 6: joining a privileged user group (by name) fails the preview", async () => {
  expectMandatory(await preview("privileged-group"), [
    [
      "enos-privileged-groups",
      `UserGroupMembership 'bob-groups' adds user u-bob in OU o-demo to the privileged user group g-ops ` +
        `("Operations") (members hold the group's roles), and u-bob is not in enos-privileged-groups.allowedUserIds; ` +
        `remove the group from userGroupIds, or add u-bob to enos-privileged-groups.allowedUserIds in the policy ` +
        `pack config`,
    ],
  ]);
});

test("rules 2 and 4: the stack validations (separation of duties, devices disabled) fail the preview", async () => {
  expectMandatory(await preview("stack-rules"), [
    [
      "enos-separation-of-duties",
      `user u-dave in OU o-demo would hold both r-auditor ("Auditor") and r-operator ("Operator") (granted by ` +
        `RoleAssignment 'dave-audit' and RoleAssignment 'dave-ops'), a pair that ` +
        `enos-separation-of-duties.conflictingRoleIds forbids one user to hold; grant the user only one of them, or ` +
        `change enos-separation-of-duties.conflictingRoleIds in the policy pack config`,
    ],
    [
      "enos-device-blast-radius",
      `this stack disables 3 devices, more than 2 (enos-device-blast-radius.maxDisabledDevices): a-inverter-2 ` +
        `('inverter-2'), a-turbine-8 ('turbine-8'), p-meter/meter-1 ('meter-1'); disable fewer devices per stack, ` +
        `or raise enos-device-blast-radius.maxDisabledDevices in the policy pack config`,
    ],
  ]);
});

test("rule 5 is advisory: an http app URL is a warning and the preview succeeds", async () => {
  const result = expectOk([await preview("app-hygiene")]);
  const message =
    "EnosApp 'energy': url uses http: instead of https:; use an https URL without credentials, or set " +
    "enos-app-hygiene.requireHttps false (enos-app-hygiene in the policy pack config)";
  expect(result.policyViolations).toEqual([
    {
      policyName: "enos-app-hygiene",
      enforcementLevel: "advisory",
      message,
      resourceUrn: expect.stringContaining("::energy"),
    },
  ]);
  expect((result.stdout ?? "").replace(/\s+/g, " ")).toContain(`[advisory] enos-app-hygiene`);
  expect(result.stdout).not.toContain("energy.example.com");
  expect(result.changeSummary).toEqual({ create: 5 });
});

test("the quickstart passes the default pack", async () => {
  quickstart = await createEngineStack({ policy: true });
  // The path README gives users: the pack as installed in the project's node_modules.
  const installed = path.join(quickstart.projectDir, "node_modules", "pulumi-enos", "policy", "pack");
  const result = expectOk(await quickstart.run({ op: "preview", policyPacks: [installed] }));
  expect(result.policyViolations).toEqual([]);
  expect(result.stdout).toMatch(/✅ pulumi-enos@v0\.1\.0/);
});

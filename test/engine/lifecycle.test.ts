import {
  comparableState,
  createEngineStack,
  currentCheckpoint,
  expectOk,
  filesAtRest,
  opsByName,
  SERVICE_ACCOUNT,
  stepsByName,
  type EngineStack,
} from "./harness";

// One stack of a copy of examples/quickstart walked through its whole life with the real Pulumi engine and language
// host (`pulumi up` of a project directory); the tests run in order and share it. Once per reading of the grant
// append endpoints (emulator README "Grant write modes"; both kinds in the same mode): the whole life under the
// strict reading (issue 10's failure), and under the other two the runs that write grants (up, edit, a two-run drift
// repair, destroy), where the readings differ, to keep the added run time small (43-84 s a mode, measured, against
// about 5.5 min for the whole life on a loaded 2-CPU machine). Each `pulumi up` is a new provider process that
// learns the mode.
jest.setTimeout(240_000);

type Mode = "overwrite" | "additive" | "additive-strict";
const MODES: ReadonlyArray<[Mode, "whole life" | "grant runs"]> = [
  ["additive-strict", "whole life"],
  ["overwrite", "grant runs"],
  ["additive", "grant runs"],
];

const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

describe.each(MODES)("the quickstart with grant appends %s (%s)", (mode, scope) => {
  /** The steps that do not depend on the grant reading run once, under the strict one. */
  const wholeLife = (name: string, fn: () => Promise<void>): void => {
    if (scope === "whole life") test(name, fn);
  };
  const grantRuns = (name: string, fn: () => Promise<void>): void => {
    if (scope === "grant runs") test(name, fn);
  };

  let stack: EngineStack;
  let seeded: unknown;
  /** Every app secretKey EnOS ever issued to this stack: a replaced app's old key must not surface either. */
  const appSecretKeys = new Set<string>();

  /**
   * What lies on disk (backend files and the stack settings), not `pulumi stack export`, which the Automation API runs
   * with --show-secrets: no app secretKey and neither key of the service account, in plaintext.
   */
  function expectNoPlaintextSecretsAtRest(): void {
    const apps = stack.emulator.state().apps;
    for (const app of apps) appSecretKeys.add(app.secretKey);
    const atRest = filesAtRest(stack);
    for (const app of apps) expect(atRest).toContain(app.id); // the scan does see the current state
    expect(appSecretKeys.size).toBeGreaterThan(0);
    for (const secretKey of appSecretKeys) expect(atRest).not.toContain(secretKey);
    expect(atRest).not.toContain(SERVICE_ACCOUNT.secretKey);
    expect(atRest).not.toContain(SERVICE_ACCOUNT.accessKey);
  }

  beforeAll(async () => {
    stack = await createEngineStack({ emulator: { appendRolesMode: mode, appendUserGroupsMode: mode } });
    seeded = comparableState(stack.emulator);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const grantsOf = (userId: string) =>
    stack.emulator.state().roleGrants.find((g) => g.orgId === "o-demo" && g.userId === userId)?.roleIds ?? [];
  const groupsOf = (userId: string) =>
    [
      ...(stack.emulator.state().groupGrants.find((g) => g.orgId === "o-demo" && g.userId === userId)?.userGroupIds ??
        []),
    ].sort();
  const device = (assetId: string) => stack.emulator.state().devices.find((d) => d.assetId === assetId);

  test("up creates every resource in EnOS and returns the outputs, with secretKey as a secret", async () => {
    const up = expectOk(await stack.run({ op: "up" }));
    expect(up.summary?.resourceChanges).toEqual({ create: 9 });
    const state = stack.emulator.state();
    expect(state.apps).toHaveLength(1);
    const app = state.apps[0]!;
    expect(app).toMatchObject({ keyword: "energy-mgmt", categoryId: 101, name: { default: "Energy Management" } });
    expect(state.menus.map((m) => m.keyword).sort()).toEqual(["alarms", "dashboard"]);
    const dashboard = state.menus.find((m) => m.keyword === "dashboard")!;
    expect(state.menus.find((m) => m.keyword === "alarms")?.parentId).toBe(dashboard.id);
    expect(state.permissions.map((p) => p.keyword)).toEqual(["device.delete"]);
    // exhaustive, yet the seeded r-org-admin stays: it is listed in protectedRoleIds
    expect(grantsOf("u-alice").sort()).toEqual(["r-device-admin", "r-org-admin"]);
    expect(grantsOf("u-bob")).toEqual(expect.arrayContaining(["r-operator", "r-viewer"]));
    // u-alice held g-eng already: additive, so she keeps it (a strict gateway refused the full list; issue 10)
    expect(groupsOf("u-alice")).toEqual(["g-eng", "g-ops"]);
    expect(device("a-turbine-7")?.enabled).toBe(false);

    const outputs = up.outputs!;
    expect(outputs["appId"]).toEqual({ value: app.id, secret: false });
    expect(outputs["accessKey"]).toEqual({ value: app.accessKey, secret: false });
    expect(outputs["secretKey"]).toEqual({ value: app.secretKey, secret: true });
    expect(outputs["turbineStatus"]?.value).toBe("disable");
  });

  wholeLife(
    "the exported state holds no plaintext secret: not the app's secretKey, not the service account's keys",
    async () => {
      expectNoPlaintextSecretsAtRest();

      const current = JSON.parse(currentCheckpoint(stack)) as {
        checkpoint: { latest: { resources: Array<Record<string, unknown>> } };
      };
      const appResource = current.checkpoint.latest.resources.find((r) => String(r["urn"]).endsWith("::energy"));
      const secretKey = (appResource?.["outputs"] as Record<string, Record<string, unknown>>)["secretKey"];
      expect(secretKey?.[SECRET_SIGNATURE]).toBe("1b47061264138c4ac30d75fd1eb44270");
      expect(secretKey?.["ciphertext"]).toEqual(expect.any(String));
    },
  );

  test("a second preview reports no changes", async () => {
    const preview = expectOk(await stack.run({ op: "preview", expectNoChanges: true }));
    expect(preview.changeSummary).toEqual({ same: 9 });
  });

  test("edited inputs show a per-property diff in preview, up applies exactly that, no plaintext secret at rest after", async () => {
    stack.config = {
      "quickstart:aliceRoles": '["Device Administrator","Operator"]',
      "quickstart:dashboardName": "Overview",
    };
    const preview = expectOk(await stack.run({ op: "preview", diff: true }));
    const steps = stepsByName(preview);
    expect(steps["alice-roles"]).toMatchObject({ op: "update", diffs: ["roleIds"] });
    expect(steps["dashboard"]).toMatchObject({ op: "update", diffs: ["name"] });
    expect(steps["energy"]?.op).toBe("same");
    expect(preview.changeSummary).toEqual({ same: 7, update: 2 });

    stack.emulator.clearRequestLog();
    const up = expectOk(await stack.run({ op: "up" }));
    expect(up.summary?.resourceChanges).toEqual({ same: 7, update: 2 });
    expect(grantsOf("u-alice").sort()).toEqual(["r-device-admin", "r-operator", "r-org-admin"]);
    expect(stack.emulator.state().menus.find((m) => m.keyword === "dashboard")?.name["default"]).toBe("Overview");
    // Accepted writes only: a strict gateway refuses the first full-target append of each process (31408).
    const writes = stack.emulator
      .requestLog()
      .filter((e) => e.method !== "GET" && !e.path.includes("token") && !/List|roleList/.test(e.path) && e.code === 0);
    expect(writes.map((e) => `${e.method} ${e.path}`).sort()).toEqual([
      "POST /app-portal-service/v2.2/role/appendRoles",
      "PUT /enos-app-service/v2.5/menus",
    ]);
    // after an update, too, nothing secret is at rest in plaintext
    expectNoPlaintextSecretsAtRest();
  });

  wholeLife("changing an immutable input replaces the resource", async () => {
    stack.config = { ...stack.config, "quickstart:turbineAssetId": "a-turbine-8" };
    const preview = expectOk(await stack.run({ op: "preview" }));
    // DeviceEnablement replaces delete-before-create: the old device is restored before the new one is switched.
    expect(opsByName(preview)["turbine-7"]).toEqual(["delete-replaced", "replace", "create-replacement"]);
    expect(stepsByName(preview)["turbine-7"]?.keys).toEqual(["assetId"]);
    expectOk(await stack.run({ op: "up" }));
    expect(device("a-turbine-8")?.enabled).toBe(false);
    expect(device("a-turbine-7")?.enabled).toBe(true); // the replaced resource restored what it found
  });

  wholeLife(
    "out-of-band changes are reported by refresh (no plaintext secret at rest after it), repaired by the next up",
    async () => {
      stack.emulator.mutate({ type: "grant-role", userId: "u-alice", roleId: "r-viewer" });
      stack.emulator.mutate({ type: "enable-device", assetId: "a-turbine-8" });
      const drifted = await stack.run({ op: "preview", refresh: true, expectNoChanges: true });
      expect(drifted[0]?.ok).toBe(false);
      const driftOutput = `${drifted[0]?.stdout}${drifted[0]?.stderr}`;
      expect(driftOutput).toMatch(/no changes were expected for preview but changes were proposed/);
      expect(driftOutput).toMatch(/~ 2 to update/); // the role grant and the device, nothing else

      const refresh = expectOk(await stack.run({ op: "refresh" }));
      expect(refresh.summary?.resourceChanges).toEqual({ same: 7, update: 2 });
      // refresh rewrote state from what read returned: still nothing secret at rest in plaintext
      expectNoPlaintextSecretsAtRest();
      // read returned the live inputs, so the next preview names the drifted property of each resource
      const repair = stepsByName(expectOk(await stack.run({ op: "preview", diff: true })));
      expect(repair["alice-roles"]).toMatchObject({ op: "update", diffs: ["roleIds"] });
      expect(repair["turbine-7"]).toMatchObject({ op: "update", diffs: ["enabled"] });
      expectOk(await stack.run({ op: "up" }));
      expect(grantsOf("u-alice").sort()).toEqual(["r-device-admin", "r-operator", "r-org-admin"]);
      expect(device("a-turbine-8")?.enabled).toBe(false);
      expectOk(await stack.run({ op: "preview", refresh: true, expectNoChanges: true }));
    },
  );

  /** The grant runs' drift step, in two runs: the repair is what depends on the reading. */
  grantRuns("grants changed in the console are repaired by one up --refresh, and then show no drift", async () => {
    stack.emulator.mutate({ type: "grant-role", userId: "u-alice", roleId: "r-viewer" }); // exhaustive: removed
    stack.emulator.mutate({ type: "revoke-role", userId: "u-bob", roleId: "r-operator" }); // additive: granted again
    stack.emulator.mutate({ type: "revoke-group", userId: "u-alice", userGroupId: "g-ops" }); // likewise
    const up = expectOk(await stack.run({ op: "up", refresh: true }));
    expect(up.summary?.resourceChanges).toEqual({ same: 6, update: 3 });
    expect(grantsOf("u-alice").sort()).toEqual(["r-device-admin", "r-operator", "r-org-admin"]);
    expect(grantsOf("u-bob").sort()).toEqual(["r-operator", "r-viewer"]);
    expect(groupsOf("u-alice")).toEqual(["g-eng", "g-ops"]);
    expectOk(await stack.run({ op: "preview", refresh: true, expectNoChanges: true }));
  });

  wholeLife(
    "an app deleted in the console: up --refresh refuses to recreate it, naming it; recreateIfDeleted recreates it",
    async () => {
      const appId = stack.emulator.state().apps[0]!.id;
      stack.emulator.mutate({ type: "delete-app", appId });
      const [refused] = await stack.run({ op: "up", refresh: true });
      expect(refused?.ok).toBe(false);
      const said = `${refused?.error}${refused?.stdout}${refused?.stderr}`;
      // the refresh's warning, then the check failure the engine prints with the Pulumi name
      expect(said).toMatch(new RegExp(`EnosApp '${appId}'( \\(keyword '[^']+'\\))? was deleted outside Pulumi`));
      expect(said).toMatch(
        new RegExp(
          `EnosApp resource 'energy': property recreateIfDeleted .*app '${appId}'.*new accessKey and secretKey`,
        ),
      );
      expect(stack.emulator.state().apps).toHaveLength(0); // nothing was created

      stack.config = { ...stack.config, "quickstart:recreateApp": "true" };
      const preview = expectOk(await stack.run({ op: "preview" }));
      expect(opsByName(preview)["energy"]).toEqual(["create-replacement", "replace", "delete-replaced"]);
      const up = expectOk(await stack.run({ op: "up" }));
      // the app is replaced; its menus and permission, gone with it, are created again
      expect(up.summary?.resourceChanges).toMatchObject({ replace: 1, create: 3 });
      const apps = stack.emulator.state().apps;
      expect(apps).toHaveLength(1);
      expect(apps[0]?.id).not.toBe(appId);
      expect(stack.emulator.state().menus).toHaveLength(2);
      expectNoPlaintextSecretsAtRest(); // neither the new app's secretKey nor the deleted one's
      expectOk(await stack.run({ op: "preview", refresh: true, expectNoChanges: true }));
    },
  );

  wholeLife("bad input fails preview naming the property, before any write reaches EnOS", async () => {
    stack.config = { ...stack.config, "quickstart:menuSortId": "0" };
    stack.emulator.clearRequestLog();
    const [preview] = await stack.run({ op: "preview" });
    expect(preview?.ok).toBe(false);
    expect(`${preview?.error}${preview?.stdout}${preview?.stderr}`).toMatch(/sortId.*integer >= 1/);
    const calls = stack.emulator.requestLog().map((e) => e.path);
    // Only the program's role lookup and the exhaustive grant's live read (diff) may have run: no write, and check
    // asks EnOS only about ids the program adds (none here).
    const reads = /organization\/role\/list|userRoles\/roleList|getUsersUserGroupList/;
    expect(calls.filter((p) => !p.includes("token") && !reads.test(p))).toEqual([]);
    stack.config = { ...stack.config, "quickstart:menuSortId": "2" };
  });

  test("destroy leaves the emulator exactly as seeded", async () => {
    const destroy = expectOk(await stack.run({ op: "destroy" }));
    expect(destroy.summary?.result).toBe("succeeded");
    expect(comparableState(stack.emulator)).toEqual(seeded);
  });
});

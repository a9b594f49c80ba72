import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator, type RequestLogEntry, type StateData } from "../../emulator";
import { admin, APPS, DEMO, DEVICES, MENUS, PERMISSIONS, PORTAL, setup, TestClient } from "./support";

const org = { orgId: DEMO.orgId };
const APP = { name: { default: "Energy", zh_CN: "能源" }, category: 101, type: 0, keyword: "energy" };

describe("admin API: mutations, request log, reset, seed, state", () => {
  let emulator: Emulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await setup());
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const mutate = (body: Record<string, unknown>) =>
    admin<{ ok?: boolean; error?: string }>(emulator.url, "POST", "mutations", body);
  const deviceStatus = async (assetId: string) =>
    (await client.call<{ status: string }>("GET", DEVICES, { query: { ...org, action: "get", assetId } })).body.data
      .status;
  const roles = async (userId: string) =>
    (
      await client.call<{ roles: Array<{ id: string }> }>("GET", `${PORTAL}/v2.2/user/role/assignedList`, {
        query: { ...org, userId },
      })
    ).body.data.roles.map((role) => role.id);
  const groups = async (userId: string) =>
    (
      await client.call<{ usersUserGroups: Array<{ userGroupIds: string[] }> }>(
        "POST",
        `${PORTAL}/v2.2/userGroup/getUsersUserGroupList`,
        { body: { organizationId: DEMO.orgId, userIds: [userId] } },
      )
    ).body.data.usersUserGroups[0]?.userGroupIds;

  async function appWithItems() {
    const app = (await client.call<{ id: string }>("POST", APPS, { query: org, body: APP })).body.data;
    const item = { appId: app.id, keyword: "k", name: { default: "K" } };
    const menu = (await client.call<{ id: string }>("POST", MENUS, { query: org, body: { ...item, sortId: 1 } })).body;
    const permission = (await client.call<{ id: string }>("POST", PERMISSIONS, { query: org, body: item })).body;
    return { appId: app.id, menuId: menu.data.id, permissionId: permission.data.id };
  }

  it("disables and enables a device out of band", async () => {
    expect((await mutate({ type: "disable-device", assetId: "a-turbine-8" })).body).toEqual({ ok: true });
    expect(await deviceStatus("a-turbine-8")).toBe("disable");
    await mutate({ type: "enable-device", assetId: "a-turbine-8" });
    expect(await deviceStatus("a-turbine-8")).toBe("offline");
  });

  it("grants and revokes roles and user groups out of band", async () => {
    await mutate({ type: "grant-role", userId: "u-dave", roleId: "r-auditor" });
    expect(await roles("u-dave")).toEqual(["r-auditor"]);
    await mutate({ type: "revoke-role", userId: "u-bob", roleId: "r-viewer" });
    expect(await roles("u-bob")).toEqual([]);
    await mutate({ type: "grant-group", userId: "u-dave", userGroupId: "g-ops" });
    expect(await groups("u-dave")).toEqual(["g-ops"]);
    await mutate({ type: "revoke-group", userId: "u-carol", userGroupId: "g-field" });
    expect(await groups("u-carol")).toEqual([]);
  });

  it("renames and deletes apps, menus and permissions out of band (drift)", async () => {
    const { appId, menuId, permissionId } = await appWithItems();
    await mutate({ type: "rename-app", appId, name: "Energy 2" });
    await mutate({ type: "rename-menu", menuId, name: { default: "Renamed" } });
    const apps = await client.call<Array<{ name: unknown }>>("GET", `${APPS}/list`, { query: org });
    expect(apps.body.data[0]?.name).toEqual({ default: "Energy 2", zh_CN: "能源" });
    const menus = await client.call<Array<{ name: unknown }>>("GET", MENUS, { query: { ...org, appId } });
    expect(menus.body.data[0]?.name).toEqual({ default: "Renamed" });
    await mutate({ type: "rename-permission", permissionId, name: "Drifted" });
    const permissions = await client.call<Array<{ name: unknown }>>("GET", PERMISSIONS, { query: { ...org, appId } });
    expect(permissions.body.data[0]?.name).toEqual({ default: "Drifted" });
    await mutate({ type: "rename-permission", permissionId, name: { default: "P", zh_CN: "权限" } });
    expect(emulator.state().permissions[0]?.name).toEqual({ default: "P", zh_CN: "权限" });
    expect((await mutate({ type: "rename-permission", permissionId: "permission-x", name: "N" })).status).toBe(404);
    await mutate({ type: "delete-menu", menuId });
    await mutate({ type: "delete-permission", permissionId });
    expect(emulator.state()).toMatchObject({ menus: [], permissions: [] });
    await mutate({ type: "delete-app", appId });
    expect((await client.call("GET", MENUS, { query: { ...org, appId } })).body.code).toBe(31404);
  });

  it("refuses malformed mutations with 400 and unknown targets with 404", async () => {
    expect((await mutate({ type: "explode" })).status).toBe(400);
    expect((await mutate({ type: "delete-app" })).status).toBe(400);
    const unknown = await mutate({ type: "delete-app", appId: "app-ghost" });
    expect(unknown).toEqual({ status: 404, body: { error: "app app-ghost does not exist" } });
    expect(() => emulator.mutate({ type: "grant-role", userId: "u-zed", roleId: "r-viewer" })).toThrow(/not in o-demo/);
  });

  it("logs EnOS calls (not admin calls) with method, path, query, status, code, signed and service", async () => {
    await admin(emulator.url, "DELETE", "requests");
    await client.call("GET", DEVICES, { query: { ...org, action: "get", assetId: "a-ghost" }, sign: false });
    await admin(emulator.url, "GET", "state");
    const log = await admin<RequestLogEntry[]>(emulator.url, "GET", "requests");
    expect(log.body).toEqual([
      {
        method: "GET",
        path: DEVICES,
        query: { ...org, action: "get", assetId: "a-ghost" },
        status: 200,
        code: 11404,
        signed: false,
        service: "connect",
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    await admin(emulator.url, "DELETE", "requests");
    expect(emulator.requestLog()).toEqual([]);
  });

  it("resets to the seed, replaces the seed and dumps the state", async () => {
    await client.call("POST", APPS, { query: org, body: APP });
    expect((await admin(emulator.url, "POST", "reset")).status).toBe(200);
    expect((await admin<StateData>(emulator.url, "GET", "state")).body.apps).toEqual([]);
    const seed = {
      organizations: [{ id: "o-demo", name: "Tiny" }],
      serviceAccounts: [{ ...DEMO, id: "sa", name: "SA" }],
    };
    expect((await admin(emulator.url, "POST", "seed", seed)).status).toBe(200);
    const state = (await admin<StateData>(emulator.url, "GET", "state")).body;
    expect(state).toMatchObject({ organizations: [{ name: "Tiny" }], roles: [], devices: [] });
    expect((await admin(emulator.url, "POST", "seed", { organizations: "nope" })).status).toBe(400);
    emulator.reset();
    expect(emulator.state().organizations).toEqual([{ id: "o-demo", name: "Tiny" }]);
    emulator.reseed({});
    expect(emulator.state().users).toEqual([]);
  });
});

describe("persistence (stateFile)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "enos-emulator-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps apps, grants and device state across a restart, and the app's credentials keep working", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await startEmulator({ port: 0, stateFile });
    const client = new TestClient(first.url);
    const app = (
      await client.call<{ id: string; accessKey: string; secretKey: string }>("POST", APPS, { query: org, body: APP })
    ).body.data;
    first.mutate({ type: "disable-device", assetId: "a-turbine-7" });
    await first.close();
    expect(readdirSync(dir)).toEqual(["state.json"]);

    const second = await startEmulator({ port: 0, stateFile });
    try {
      const state = second.state();
      expect(state.apps.map((entry) => entry.id)).toEqual([app.id]);
      expect(state.devices.find((device) => device.assetId === "a-turbine-7")?.enabled).toBe(false);
      const appClient = new TestClient(second.url, app);
      const list = await appClient.call<Array<{ id: string }>>("GET", `${APPS}/list`, { query: org });
      expect(list.body.data.map((entry) => entry.id)).toEqual([app.id]);
      const next = await appClient.call<{ id: string }>("POST", APPS, { query: org, body: { ...APP, keyword: "b" } });
      expect(next.body.data.id).not.toBe(app.id);
    } finally {
      await second.close();
    }
  });
});

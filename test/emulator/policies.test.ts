import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Emulator, SeedData } from "../../emulator";
import { APPS, DEMO, DEVICES, MENUS, PORTAL, setup, TestClient } from "./support";

type Policy = NonNullable<NonNullable<SeedData["serviceAccounts"]>[number]["policies"]>[number];

const seed = JSON.parse(readFileSync(path.resolve(__dirname, "../../emulator/seed.json"), "utf8")) as SeedData;
const account = (id: string, policies: Policy[]) => ({
  id,
  name: id,
  accessKey: `${id}-ak`,
  secretKey: `${id}-sk`,
  orgId: DEMO.orgId,
  policies,
});

const org = { orgId: DEMO.orgId };
const V22 = `${PORTAL}/v2.2`;
const APP = { name: { default: "Energy" }, category: 101, type: 0, keyword: "energy" };

describe("service-account policies", () => {
  let emulator: Emulator;
  let demo: TestClient;
  // One client per account: two fresh clients could sign token requests in the same millisecond (1001 replay).
  const clients = new Map<string, TestClient>();
  const as = (id: string): TestClient => {
    const client = clients.get(id) ?? new TestClient(emulator.url, { accessKey: `${id}-ak`, secretKey: `${id}-sk` });
    clients.set(id, client);
    return client;
  };

  beforeAll(async () => {
    const serviceAccounts = [
      ...(seed.serviceAccounts ?? []),
      account("sa-none", []),
      account("sa-reader", ["Device Management Read", "Obtain the ID and name of all roles in the OU"]),
      account("sa-operator", ["Device Management Full Access", "Authorize users in this OU"]),
      account("sa-registrar", ["Application Registration Administrator"]),
    ];
    ({ emulator, client: demo } = await setup({ seed: { ...seed, serviceAccounts } }));
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const device = (client: TestClient, action: string) =>
    client.call(action === "get" ? "GET" : "POST", DEVICES, { query: { ...org, action, assetId: "a-turbine-7" } });

  it("allows everything to an account without `policies` (existing seeds keep working)", async () => {
    expect((await device(demo, "disable")).body.code).toBe(0);
    expect((await demo.call("POST", APPS, { query: org, body: APP })).body.code).toBe(0);
  });

  it("refuses connect calls without Device Management with 99403; Full Access includes Read", async () => {
    const none = await device(as("sa-none"), "get");
    expect(none.body).toMatchObject({ code: 99403, data: null });
    expect(none.body.msg).toMatch(/^Denied resource: orgId o-demo, missing policy "Device Management Read"/);
    expect((await device(as("sa-reader"), "get")).body.code).toBe(0);
    expect((await device(as("sa-reader"), "disable")).body).toMatchObject({
      code: 99403,
      msg: 'Denied resource: orgId o-demo, missing policy "Device Management Full Access"',
    });
    expect(emulator.state().devices.find((entry) => entry.assetId === "a-turbine-7")?.enabled).toBe(true);
    expect((await device(as("sa-operator"), "get")).body.code).toBe(0);
    expect((await device(as("sa-operator"), "disable")).body.code).toBe(0);
  });

  it("refuses app-portal grant writes without 'Authorize users in this OU' with 31403", async () => {
    const body = { organizationId: DEMO.orgId, userId: "u-bob", roleIds: ["r-auditor"] };
    const refused = await as("sa-reader").call("POST", `${V22}/role/appendRoles`, { body });
    expect(refused.body).toEqual({ code: 31403, message: "permission.denied", data: null });
    const groups = { organizationId: DEMO.orgId, userId: "u-bob", userGroupIds: ["g-ops"] };
    expect((await as("sa-reader").call("POST", `${V22}/userGroup/appendUserGroups`, { body: groups })).body.code).toBe(
      31403,
    );
    expect((await as("sa-operator").call("POST", `${V22}/role/appendRoles`, { body })).body.code).toBe(0);
  });

  it("refuses app-portal reads without their permission: role list vs per-user reads", async () => {
    const roleList = (client: TestClient) => client.call("GET", `${V22}/organization/role/list`, { query: org });
    const assigned = (client: TestClient) =>
      client.call("GET", `${V22}/user/role/assignedList`, { query: { ...org, userId: "u-bob" } });
    expect((await roleList(as("sa-reader"))).body.code).toBe(0);
    expect((await roleList(as("sa-operator"))).body.code).toBe(31403);
    expect((await assigned(as("sa-reader"))).body.code).toBe(31403);
  });

  it("refuses enos-app-service calls without Application Registration Administrator with 31403", async () => {
    const refused = await as("sa-operator").call("POST", APPS, { query: org, body: APP });
    expect(refused.body).toMatchObject({ code: 31403, msg: "permission.denied", data: null });
    expect(refused.body.subMsg).toContain("Application Registration Administrator");
    expect((await as("sa-operator").call("GET", MENUS, { query: { ...org, appId: "app-1" } })).body.code).toBe(31403);
    expect(emulator.state().apps).toEqual([]);
    expect((await as("sa-registrar").call("POST", APPS, { query: org, body: APP })).body.code).toBe(0);
  });

  it("still answers an unknown OU as not found before checking policies", async () => {
    const reply = await as("sa-none").call("GET", `${APPS}/list`, { query: { orgId: "o-nope" } });
    expect(reply.body).toMatchObject({ code: 31404, msg: "organization.not.exist" });
  });

  it("refuses an unknown policy name in a seed", () => {
    const bad = { serviceAccounts: [{ ...account("sa-typo", []), policies: ["Device Management Writ"] }] };
    expect(() => emulator.reseed(bad as unknown as SeedData)).toThrow(/serviceAccounts\.0\.policies\.0/);
  });
});

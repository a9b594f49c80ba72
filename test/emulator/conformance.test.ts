import type { Emulator } from "../../emulator";
import { allRoutes } from "../../emulator/routes";
import {
  APPS,
  DEMO,
  DEVICES,
  manualClock,
  MENUS,
  PERMISSIONS,
  PORTAL,
  setup,
  signRequest,
  type TestClient,
} from "./support";

// Gateway conformance over every EnOS route the emulator serves (EnOS docs: Invoke API with Access Token): no token, an
// expired token and a wrong apim-signature are refused before the service runs, and nothing changes.

interface Case {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: Record<string, unknown>;
}

const org = { orgId: DEMO.orgId };
const forUser = { organizationId: DEMO.orgId, userId: "u-bob" };
const APP = { name: { default: "Energy" }, category: 101, type: 0, keyword: "energy" };
const ITEM = { appId: "app-1", keyword: "k", name: { default: "K" } };

const CASES: readonly Case[] = [
  { method: "POST", path: APPS, query: org, body: APP },
  { method: "PUT", path: APPS, query: org, body: { ...APP, id: "app-1" } },
  { method: "DELETE", path: APPS, query: { ...org, id: "app-1" } },
  { method: "GET", path: `${APPS}/list`, query: org },
  { method: "GET", path: `${APPS}/purchase/retrieve`, query: { ...org, key: "energy" } },
  { method: "POST", path: MENUS, query: org, body: { ...ITEM, sortId: 1 } },
  { method: "PUT", path: MENUS, query: org, body: { ...ITEM, id: "menu-2", sortId: 1 } },
  { method: "DELETE", path: MENUS, query: { ...org, id: "menu-2" } },
  { method: "GET", path: MENUS, query: { ...org, appId: "app-1" } },
  { method: "POST", path: PERMISSIONS, query: org, body: ITEM },
  { method: "PUT", path: PERMISSIONS, query: org, body: { ...ITEM, id: "permission-3" } },
  { method: "DELETE", path: PERMISSIONS, query: { ...org, id: "permission-3" } },
  { method: "GET", path: PERMISSIONS, query: { ...org, appId: "app-1" } },
  { method: "GET", path: `${PORTAL}/v2.2/organization/role/list`, query: org },
  { method: "GET", path: `${PORTAL}/v2.2/user/role/assignedList`, query: { ...org, userId: "u-bob" } },
  {
    method: "POST",
    path: `${PORTAL}/v2.2/userRoles/roleList`,
    query: {},
    body: { organizationId: DEMO.orgId, userIds: ["u-bob"] },
  },
  { method: "POST", path: `${PORTAL}/v2.2/role/appendRoles`, query: {}, body: { ...forUser, roleIds: ["r-auditor"] } },
  { method: "POST", path: `${PORTAL}/v2.2/role/removeRoles`, query: {}, body: { ...forUser, roleIds: ["r-viewer"] } },
  {
    method: "POST",
    path: `${PORTAL}/v2.2/userGroup/appendUserGroups`,
    query: {},
    body: { ...forUser, userGroupIds: ["g-ops"] },
  },
  {
    method: "POST",
    path: `${PORTAL}/v2.2/userGroup/removeUserGroups`,
    query: {},
    body: { organizationId: DEMO.orgId, userId: "u-alice", userGroupIds: ["g-eng"] },
  },
  {
    method: "POST",
    path: `${PORTAL}/v2.2/userGroup/getUsersUserGroupList`,
    query: {},
    body: { organizationId: DEMO.orgId, userIds: ["u-bob"] },
  },
  { method: "GET", path: `${PORTAL}/v2.3/organization/userGroup/list`, query: org },
  {
    method: "POST",
    path: `${PORTAL}/v2.2/user/organization/roster`,
    query: {},
    body: { orgId: DEMO.orgId, pagination: { pageNo: 0, pageSize: 1000 } },
  },
  { method: "GET", path: DEVICES, query: { ...org, action: "get", assetId: "a-turbine-7" } },
  { method: "POST", path: DEVICES, query: { ...org, action: "disable", assetId: "a-turbine-7" } },
];

const title = (entry: Case) =>
  `${entry.method} ${entry.path}${entry.query["action"] ? `?action=${entry.query["action"]}` : ""}`;
const INVALID_CREDENTIALS = { message: "Invalid authentication credentials" };
const BAD_SIGNATURE = { status: 1003, msg: "signature is not valid" };

describe("gateway auth conformance over every served route", () => {
  const clock = manualClock();
  let emulator: Emulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await setup({ clock: clock.now, tokenLifetimeSeconds: 60 }));
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  it("covers every non-public route and method the emulator serves", () => {
    const served = allRoutes
      .filter((route) => !route.public)
      .flatMap((route) => route.methods.map((m) => `${m} ${route.path}`));
    const covered = new Set(CASES.map((entry) => `${entry.method} ${entry.path}`));
    expect(served.filter((route) => !covered.has(route))).toEqual([]);
  });

  /** Sends `entry` with exactly these headers and checks the refusal left the state untouched. */
  async function refused(entry: Case, headers: Record<string, string>, body = entry.body) {
    const before = emulator.state();
    const reply = await client.raw(entry.method, entry.path, { query: entry.query, body, headers });
    expect(emulator.state()).toEqual(before);
    return { status: reply.status, body: reply.body };
  }

  function signed(token: string, entry: Case, secretKey: string = DEMO.secretKey) {
    const timestamp = String(clock.now());
    const raw = entry.body === undefined ? "" : JSON.stringify(entry.body);
    const signature = signRequest(token, Object.entries(entry.query), raw, timestamp, secretKey);
    return { "apim-accesstoken": token, "apim-timestamp": timestamp, "apim-signature": signature };
  }

  it.each(CASES.map((entry) => [title(entry), entry] as const))("%s: no token -> 401", async (_title, entry) => {
    expect(await refused(entry, {})).toEqual({ status: 401, body: INVALID_CREDENTIALS });
  });

  it.each(CASES.map((entry) => [title(entry), entry] as const))(
    "%s: expired token -> 401 with 1203",
    async (_title, entry) => {
      const token = await client.login();
      clock.advance(61_000);
      const reply = await refused(entry, signed(token, entry));
      expect(reply).toEqual({ status: 401, body: { status: 1203, msg: "access token has expired" } });
    },
  );

  it.each(CASES.map((entry) => [title(entry), entry] as const))(
    "%s: a signature made with the wrong secret -> 401 with 1003",
    async (_title, entry) => {
      const token = await client.login();
      expect(await refused(entry, signed(token, entry, "not-the-secret"))).toEqual({
        status: 401,
        body: BAD_SIGNATURE,
      });
    },
  );

  const withBody = CASES.filter((entry) => entry.body !== undefined);
  it.each(withBody.map((entry) => [title(entry), entry] as const))(
    "%s: a body changed after signing -> 401 with 1003",
    async (_title, entry) => {
      const token = await client.login();
      const headers = signed(token, entry);
      const tampered = { ...entry.body, tampered: true };
      expect(await refused(entry, headers, tampered)).toEqual({ status: 401, body: BAD_SIGNATURE });
    },
  );

  const withoutBody = CASES.filter((entry) => entry.body === undefined);
  it.each(withoutBody.map((entry) => [title(entry), entry] as const))(
    "%s: a query changed after signing -> 401 with 1003",
    async (_title, entry) => {
      const token = await client.login();
      const headers = signed(token, entry);
      const tampered = { ...entry, query: { ...entry.query, orgId: "o-other" } };
      expect(await refused(tampered, headers)).toEqual({ status: 401, body: BAD_SIGNATURE });
    },
  );

  it("serves the same body-signed POST when it is sent untampered", async () => {
    const token = await client.login();
    const entry = CASES.find((candidate) => candidate.path.endsWith("/role/appendRoles")) as Case;
    const reply = await client.raw(entry.method, entry.path, {
      query: entry.query,
      body: entry.body,
      headers: signed(token, entry),
    });
    expect(reply.body).toEqual({ code: 0, message: "OK", data: true });
  });
});

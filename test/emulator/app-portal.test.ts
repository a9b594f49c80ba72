import type { Emulator } from "../../emulator";
import { DEMO, PORTAL, setup, type TestClient } from "./support";

type Named = Array<{ id: string; name: string }>;

const org = { orgId: DEMO.orgId };
const V22 = `${PORTAL}/v2.2`;

describe("app-portal roles and user groups", () => {
  let emulator: Emulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await setup());
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const post = <D = unknown>(path: string, body: Record<string, unknown>) =>
    client.call<D>("POST", `${V22}${path}`, { body: { organizationId: DEMO.orgId, ...body } });
  const assigned = async (userId: string) =>
    (await client.call<{ roles: Named }>("GET", `${V22}/user/role/assignedList`, { query: { ...org, userId } })).body
      .data.roles;

  it("lists the OU's roles in the {code, message, data} envelope, localised by `locale`", async () => {
    const reply = await client.call<{ roles: Named }>("GET", `${V22}/organization/role/list`, { query: org });
    expect(reply.body).toMatchObject({ code: 0, message: "OK" });
    expect(reply.body.data.roles.map((role) => role.id)).toEqual([
      "r-org-admin",
      "r-device-admin",
      "r-operator",
      "r-viewer",
      "r-auditor",
    ]);
    expect(reply.body.data.roles[3]).toEqual({ id: "r-viewer", name: "Viewer" });
    const zh = await client.call<{ roles: Named }>("GET", `${V22}/organization/role/list`, {
      query: { ...org, locale: "zh_CN" },
    });
    expect(zh.body.data.roles[3]?.name).toBe("访客");
  });

  it("refuses role lists without orgId (31400), for an unknown OU (31404) or another OU (31403)", async () => {
    const list = (query: Record<string, string>) => client.call("GET", `${V22}/organization/role/list`, { query });
    expect((await list({})).body).toEqual({ code: 31400, message: "parameter.invalid.orgId", data: null });
    expect((await list({ orgId: "o-nope" })).body).toMatchObject({ code: 31404, data: null });
    expect((await list({ orgId: "o-other" })).body).toMatchObject({ code: 31403, message: "permission.denied" });
    expect((await list({ ...org, locale: "xx" })).body).toMatchObject({ code: 31400 });
  });

  it("reads one user's roles and refuses a user outside the OU (31404)", async () => {
    expect(await assigned("u-carol")).toEqual([{ id: "r-operator", name: "Operator" }]);
    const outsider = await client.call("GET", `${V22}/user/role/assignedList`, { query: { ...org, userId: "u-zed" } });
    expect(outsider.body).toMatchObject({ code: 31404, message: "organization.user.not.exist" });
  });

  it("reads many users' roles in one call and refuses more than 1000 userIds (31400)", async () => {
    const reply = await post<{ usersUserRoles: unknown; userRoles: Named }>("/userRoles/roleList", {
      userIds: ["u-bob", "u-carol", "u-dave"],
    });
    expect(reply.body.data).toEqual({
      usersUserRoles: [
        { userId: "u-bob", roleIds: ["r-viewer"] },
        { userId: "u-carol", roleIds: ["r-operator"] },
        { userId: "u-dave", roleIds: [] },
      ],
      userRoles: [
        { id: "r-operator", name: "Operator" },
        { id: "r-viewer", name: "Viewer" },
      ],
    });
    const tooMany = Array.from({ length: 1001 }, (_, index) => `u-${index}`);
    expect((await post("/userRoles/roleList", { userIds: tooMany })).body).toMatchObject({
      code: 31400,
      message: "parameter.invalid.userIds",
    });
    expect((await post("/userRoles/roleList", { userIds: ["u-bob", "u-zed"] })).body.code).toBe(31404);
  });

  it("overwrites the user's roles on appendRoles (newest docs, default mode)", async () => {
    const reply = await post("/role/appendRoles", { userId: "u-bob", roleIds: ["r-operator", "r-auditor"] });
    expect(reply.body).toEqual({ code: 0, message: "OK", data: true });
    expect((await assigned("u-bob")).map((role) => role.id)).toEqual(["r-operator", "r-auditor"]);
  });

  it("removes roles and refuses unknown role ids (31404) or missing fields (31400)", async () => {
    await post("/role/removeRoles", { userId: "u-carol", roleIds: ["r-operator"] });
    expect(await assigned("u-carol")).toEqual([]);
    const unknown = await post("/role/appendRoles", { userId: "u-bob", roleIds: ["r-ghost"] });
    expect(unknown.body).toMatchObject({ code: 31404, message: "role.not.exist" });
    const foreign = await post("/role/appendRoles", { userId: "u-bob", roleIds: ["r-other-admin"] });
    expect(foreign.body.code).toBe(31404);
    expect((await post("/role/appendRoles", { userId: "u-bob" })).body.code).toBe(31400);
    const denied = await post("/role/removeRoles", { organizationId: "o-other", userId: "u-dave", roleIds: ["x"] });
    expect(denied.body.code).toBe(31403);
  });

  it("appends and removes user groups additively and reads them in batch", async () => {
    await post("/userGroup/appendUserGroups", { userId: "u-carol", userGroupIds: ["g-ops"] });
    await post("/userGroup/removeUserGroups", { userId: "u-alice", userGroupIds: ["g-eng"] });
    const reply = await post<unknown>("/userGroup/getUsersUserGroupList", { userIds: ["u-alice", "u-carol"] });
    expect(reply.body.data).toEqual({
      usersUserGroups: [
        { userId: "u-alice", userGroupIds: [] },
        { userId: "u-carol", userGroupIds: ["g-ops", "g-field"] },
      ],
      userGroups: [
        { id: "g-ops", name: "Operations" },
        { id: "g-field", name: "Field Service" },
      ],
    });
  });

  it("refuses unknown user groups (31404), users outside the OU (31404) and >1000 userIds (31400)", async () => {
    const unknown = await post("/userGroup/appendUserGroups", { userId: "u-bob", userGroupIds: ["g-ghost"] });
    expect(unknown.body).toMatchObject({ code: 31404, message: "userGroup.not.exist" });
    const outsider = await post("/userGroup/getUsersUserGroupList", { userIds: ["u-zed"] });
    expect(outsider.body).toMatchObject({ code: 31404, message: "organization.user.not.exist" });
    const tooMany = Array.from({ length: 1001 }, (_, index) => `u-${index}`);
    expect((await post("/userGroup/getUsersUserGroupList", { userIds: tooMany })).body.code).toBe(31400);
  });

  it("refuses removeUserGroups for unknown groups, users outside the OU (31404) or without ids (31400)", async () => {
    const remove = (body: Record<string, unknown>) => post("/userGroup/removeUserGroups", body);
    expect((await remove({ userId: "u-alice", userGroupIds: ["g-ghost"] })).body).toEqual({
      code: 31404,
      message: "userGroup.not.exist",
      data: null,
    });
    const outsider = await remove({ userId: "u-zed", userGroupIds: ["g-eng"] });
    expect(outsider.body).toMatchObject({ code: 31404, message: "organization.user.not.exist" });
    expect((await remove({ userId: "u-alice" })).body).toMatchObject({
      code: 31400,
      message: "parameter.invalid.userGroupIds",
    });
    const denied = await remove({ organizationId: "o-other", userId: "u-dave", userGroupIds: ["g-eng"] });
    expect(denied.body).toMatchObject({ code: 31403, message: "permission.denied" });
    expect(emulator.state().groupGrants).toContainEqual({
      orgId: DEMO.orgId,
      userId: "u-alice",
      userGroupIds: ["g-eng"],
    });
  });

  it("lists the OU's user groups on the v2.3 endpoint", async () => {
    const reply = await client.call<{ userGroups: Named }>("GET", `${PORTAL}/v2.3/organization/userGroup/list`, {
      query: { ...org, locale: "zh_CN" },
    });
    expect(reply.body).toMatchObject({ code: 0, message: "OK" });
    expect(reply.body.data.userGroups).toEqual([
      { id: "g-ops", name: "运维组" },
      { id: "g-eng", name: "工程组" },
      { id: "g-field", name: "现场服务组" },
    ]);
    const denied = await client.call("GET", `${PORTAL}/v2.3/organization/userGroup/list`, {
      query: { orgId: "o-other" },
    });
    expect(denied.body.code).toBe(31403);
  });
});

describe("appendRoles in additive mode (older docs)", () => {
  it("adds the given roles to the user's existing ones", async () => {
    const { emulator, client } = await setup({ appendRolesMode: "additive" });
    try {
      const body = { organizationId: DEMO.orgId, userId: "u-bob", roleIds: ["r-operator"] };
      expect((await client.call("POST", `${V22}/role/appendRoles`, { body })).body.data).toBe(true);
      const query = { orgId: DEMO.orgId, userId: "u-bob" };
      const reply = await client.call<{ roles: Named }>("GET", `${V22}/user/role/assignedList`, { query });
      expect(reply.body.data.roles.map((role) => role.id)).toEqual(["r-operator", "r-viewer"]);
    } finally {
      await emulator.close();
    }
  });
});

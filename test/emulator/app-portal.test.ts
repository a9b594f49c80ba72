import type { Emulator, EmulatorOptions } from "../../emulator";
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

type Mode = NonNullable<EmulatorOptions["appendRolesMode"]>;

/** The two grant kinds: their endpoints, id field, strict-refusal key, and a held / an unheld id of u-alice. */
const KINDS = [
  {
    kind: "roles",
    option: "appendRolesMode",
    append: "/role/appendRoles",
    remove: "/role/removeRoles",
    field: "roleIds",
    entity: "organization.user.role",
    held: "r-org-admin",
    other: "r-viewer",
  },
  {
    kind: "user groups",
    option: "appendUserGroupsMode",
    append: "/userGroup/appendUserGroups",
    remove: "/userGroup/removeUserGroups",
    field: "userGroupIds",
    entity: "organization.user.userGroup",
    held: "g-eng",
    other: "g-ops",
  },
] as const;

/**
 * Whether appending [held, other] to u-alice (seed: r-org-admin; g-eng) is accepted, and the answer of removing
 * `other`, which she does not hold, in each mode.
 */
const MODES: ReadonlyArray<[Mode, { heldAppend: true | 31408; unheldRemove: true | 31404 }]> = [
  ["overwrite", { heldAppend: true, unheldRemove: true }],
  ["additive", { heldAppend: true, unheldRemove: true }],
  ["additive-strict", { heldAppend: 31408, unheldRemove: 31404 }],
];

describe.each(KINDS)("$kind grant writes per mode", (spec) => {
  describe.each(MODES)("%s", (mode, expected) => {
    let emulator: Emulator;
    let client: TestClient;
    beforeAll(async () => {
      ({ emulator, client } = await setup({ [spec.option]: mode }));
    });
    beforeEach(() => emulator.reset());
    afterAll(() => emulator.close());

    const write = (path: string, ids: string[]) =>
      client.call("POST", `${V22}${path}`, {
        body: { organizationId: DEMO.orgId, userId: "u-alice", [spec.field]: ids },
      });
    const held = () => {
      const state = emulator.state();
      const grants =
        spec.kind === "roles"
          ? state.roleGrants.find((g) => g.userId === "u-alice")?.roleIds
          : state.groupGrants.find((g) => g.userId === "u-alice")?.userGroupIds;
      return [...(grants ?? [])].sort();
    };

    it("appends a held and a new id, or refuses the whole call when strict", async () => {
      const reply = await write(spec.append, [spec.held, spec.other]);
      if (expected.heldAppend === 31408) {
        expect(reply.body).toMatchObject({ code: 31408, message: `${spec.entity}.already.existed` });
        expect(held()).toEqual([spec.held]); // nothing changed
      } else {
        expect(reply.body).toMatchObject({ code: 0, data: true });
        expect(held()).toEqual([spec.held, spec.other].sort());
      }
    });

    it("appends only new ids without complaint, keeping the held ones unless it overwrites", async () => {
      expect((await write(spec.append, [spec.other])).body).toMatchObject({ code: 0, data: true });
      expect(held()).toEqual(mode === "overwrite" ? [spec.other] : [spec.held, spec.other].sort());
    });

    it("removes a held id in every mode, and an unheld one as the mode says", async () => {
      const unheld = await write(spec.remove, [spec.other]);
      if (expected.unheldRemove === 31404) {
        expect(unheld.body).toMatchObject({ code: 31404, message: `${spec.entity}.not.exist` });
      } else {
        expect(unheld.body).toMatchObject({ code: 0, data: true });
      }
      expect(held()).toEqual([spec.held]);
      expect((await write(spec.remove, [spec.held])).body).toMatchObject({ code: 0, data: true });
      expect(held()).toEqual([]);
    });
  });
});

import { appPortalOk, createHarness, mockTokenGet, pathIs, type Harness, bodyText } from "./helpers";

const V22 = "/app-portal-service/v2.2";

function record(
  h: Harness,
  method: string,
  path: string,
  reply: (body: Record<string, unknown>) => unknown,
  times = 1,
) {
  const calls: Array<{ path: string; body: Record<string, unknown> }> = [];
  h.pool
    .intercept({ path: pathIs(path), method })
    .reply(200, (opts) => {
      const body = opts.body ? (JSON.parse(bodyText(opts)) as Record<string, unknown>) : {};
      calls.push({ path: opts.path, body });
      return reply(body) as object;
    })
    .times(times);
  return calls;
}

describe("app-portal calls", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
    mockTokenGet(h.pool);
  });
  afterEach(() => h.finish());

  it("lists organization roles with the locale in the query", async () => {
    const calls = record(h, "GET", `${V22}/organization/role/list`, () =>
      appPortalOk({ roles: [{ id: "r1", name: "Admin" }] }),
    );
    await expect(h.client.appPortal.listOrganizationRoles("o1", "en_US")).resolves.toEqual([
      { id: "r1", name: "Admin" },
    ]);
    expect(calls[0]?.path).toBe(`${V22}/organization/role/list?orgId=o1&locale=en_US`);
  });

  it("gets one user's roles", async () => {
    const calls = record(h, "GET", `${V22}/user/role/assignedList`, () =>
      appPortalOk({ roles: [{ id: 7, name: null }] }),
    );
    await expect(h.client.appPortal.getUserRoles("o1", "u1")).resolves.toEqual([{ id: "7", name: "" }]);
    expect(calls[0]?.path).toBe(`${V22}/user/role/assignedList?orgId=o1&userId=u1`);
  });

  it("reads the roles of 2,500 users in chunks of 1,000 and merges them", async () => {
    const calls = record(
      h,
      "POST",
      `${V22}/userRoles/roleList`,
      (body) => {
        const ids = body["userIds"] as string[];
        return appPortalOk({
          usersUserRoles: ids.map((userId) => ({ userId, roleIds: [`r-${userId}`] })),
          userRoles: [],
        });
      },
      3,
    );
    const userIds = Array.from({ length: 2500 }, (_, i) => `u${i}`);

    const roles = await h.client.appPortal.getUsersRoles("o1", userIds);

    expect(calls.map((c) => (c.body["userIds"] as string[]).length)).toEqual([1000, 1000, 500]);
    expect(calls[0]?.body["organizationId"]).toBe("o1");
    expect(roles.size).toBe(2500);
    expect(roles.get("u2499")).toEqual(["r-u2499"]);
  });

  it("reads users' user groups", async () => {
    record(h, "POST", `${V22}/userGroup/getUsersUserGroupList`, () =>
      appPortalOk({ usersUserGroups: [{ userId: "u1", userGroupIds: ["g1", "g2"] }], userGroups: [] }),
    );
    await expect(h.client.appPortal.getUsersUserGroups("o1", ["u1", "u1"])).resolves.toEqual(
      new Map([["u1", ["g1", "g2"]]]),
    );
  });

  it.each([
    ["appendRoles", `${V22}/role/appendRoles`, "roleIds"],
    ["removeRoles", `${V22}/role/removeRoles`, "roleIds"],
    ["appendUserGroups", `${V22}/userGroup/appendUserGroups`, "userGroupIds"],
    ["removeUserGroups", `${V22}/userGroup/removeUserGroups`, "userGroupIds"],
  ] as const)("%s posts organizationId, userId and %s", async (method, path, key) => {
    const calls = record(h, "POST", path, () => appPortalOk(true));
    await h.client.appPortal[method]("o1", "u1", ["x1", "x2"]);
    expect(calls[0]?.body).toEqual({ organizationId: "o1", userId: "u1", [key]: ["x1", "x2"] });
  });

  it("retries role assignment after a 503: it is idempotent by nature", async () => {
    h.pool
      .intercept({ path: pathIs(`${V22}/role/appendRoles`), method: "POST" })
      .reply(503, { message: "Service unavailable" });
    record(h, "POST", `${V22}/role/appendRoles`, () => appPortalOk(true));
    await expect(h.client.appPortal.appendRoles("o1", "u1", ["r1"])).resolves.toBeUndefined();
  });

  it("lists organization user groups on v2.3", async () => {
    const calls = record(h, "GET", "/app-portal-service/v2.3/organization/userGroup/list", () =>
      appPortalOk({ userGroups: [{ id: "g1", name: "Ops" }] }),
    );
    await expect(h.client.appPortal.listOrganizationUserGroups("o1")).resolves.toEqual([{ id: "g1", name: "Ops" }]);
    expect(calls[0]?.path).toBe("/app-portal-service/v2.3/organization/userGroup/list?orgId=o1");
  });

  it("maps 31404 in the app-portal envelope to not-found", async () => {
    record(h, "GET", `${V22}/user/role/assignedList`, () => ({ code: 31404, message: "user.not.exist", data: null }));
    await expect(h.client.appPortal.getUserRoles("o1", "ghost")).rejects.toMatchObject({
      category: "not-found",
      msg: "user.not.exist",
    });
  });
});

it("makes no call, not even for a token, for an empty user list", async () => {
  const h = createHarness();
  await expect(h.client.appPortal.getUsersUserGroups("o1", [])).resolves.toEqual(new Map());
  await expect(h.client.appPortal.getUsersRoles("o1", [])).resolves.toEqual(new Map());
  await h.finish(); // disableNetConnect: any request would have failed
});

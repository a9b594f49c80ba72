import { appPortalOk, bodyText, createHarness, mockTokenGet, pathIs, type Harness } from "./helpers";

const ROSTER = "/app-portal-service/v2.2/user/organization/roster";

function roster(h: Harness, pages: Array<Array<Record<string, unknown>>>, total: number | undefined) {
  const bodies: Array<Record<string, unknown>> = [];
  h.pool
    .intercept({ path: pathIs(ROSTER), method: "POST" })
    .reply(200, (opts) => {
      const body = JSON.parse(bodyText(opts)) as { pagination: { pageNo: number; pageSize: number } };
      bodies.push(body);
      const users = pages[body.pagination.pageNo] ?? [];
      const pagination = total === undefined ? null : { ...body.pagination, totalElements: total };
      return appPortalOk({ users, pagination });
    })
    .times(pages.length);
  return bodies;
}

const user = (n: number) => ({ userId: `u${n}`, name: `User ${n}`, email: null, phone: "+1", phoneArea: "1" });

describe("app-portal user roster", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
    mockTokenGet(h.pool);
  });
  afterEach(() => h.finish());

  it("pages by 1,000 from pageNo 0 until totalElements, keeping id, name and email only", async () => {
    const page0 = Array.from({ length: 1000 }, (_, n) => user(n));
    const bodies = roster(h, [page0, [user(1000)]], 1001);
    const users = await h.client.appPortalUsers.listOrganizationUsers("o1");
    expect(users).toHaveLength(1001);
    expect(users[1000]).toEqual({ userId: "u1000", name: "User 1000", email: "" });
    expect(bodies.map((body) => body["pagination"])).toEqual([
      { pageNo: 0, pageSize: 1000, sorters: [] },
      { pageNo: 1, pageSize: 1000, sorters: [] },
    ]);
    expect(bodies[0]).toMatchObject({ orgId: "o1" });
    expect(bodies[0]).not.toHaveProperty("userIds");
  });

  it("stops at a short page when no pagination comes back, and filters by userIds even if EnOS ignores them", async () => {
    const bodies = roster(h, [[user(1), user(2), user(3)]], undefined);
    const users = await h.client.appPortalUsers.listOrganizationUsers("o1", { userIds: ["u2", "u3", "u9"] });
    expect(users.map((one) => one.userId)).toEqual(["u2", "u3"]);
    expect(bodies[0]?.["userIds"]).toEqual(["u2", "u3", "u9"]);
  });

  it("reads an OU whole up to a size, and stops after the first page of a larger one", async () => {
    const page0 = Array.from({ length: 1000 }, (_, n) => user(n));
    roster(h, [page0, [user(1000)]], 1001);
    expect(await h.client.appPortalUsers.listOrganizationUsersUpTo("o1", 5000)).toHaveLength(1001);
    const bodies = roster(h, [page0], 5001);
    expect(await h.client.appPortalUsers.listOrganizationUsersUpTo("o1", 5000)).toBeUndefined();
    expect(bodies).toHaveLength(1);
  });
});

import type { Emulator } from "../../emulator";
import { DEMO, PORTAL, setup, TestClient } from "./support";

interface Roster {
  users: Array<{ userId: string; name: string; email: string; phone: string; phoneArea: string }>;
  pagination: { pageNo: number; pageSize: number; totalElements: number };
}

const ROSTER = `${PORTAL}/v2.2/user/organization/roster`;

describe("app-portal Get Organization User List (user/organization/roster)", () => {
  let emulator: Emulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await setup());
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const roster = (body: Record<string, unknown>) => client.call<Roster>("POST", ROSTER, { body });

  it("lists the OU's users with name and email in the {code, message, data} envelope", async () => {
    const reply = await roster({ orgId: DEMO.orgId, pagination: { pageNo: 0, pageSize: 1000, sorters: [] } });
    expect(reply.body).toMatchObject({ code: 0, message: "OK" });
    expect(reply.body.data.pagination).toEqual({ pageNo: 0, pageSize: 1000, totalElements: 4 });
    expect(reply.body.data.users.map((user) => user.userId)).toEqual(["u-alice", "u-bob", "u-carol", "u-dave"]);
    expect(reply.body.data.users[0]).toEqual({
      userId: "u-alice",
      name: "Alice Chen",
      email: "alice.chen@example.com",
      phone: "",
      phoneArea: "",
    });
  });

  it("pages from pageNo 0 and narrows to userIds (unknown ids are absent)", async () => {
    const second = await roster({ orgId: DEMO.orgId, pagination: { pageNo: 1, pageSize: 3 } });
    expect(second.body.data.users.map((user) => user.userId)).toEqual(["u-dave"]);
    expect(second.body.data.pagination.totalElements).toBe(4);
    const some = await roster({
      orgId: DEMO.orgId,
      pagination: { pageNo: 0, pageSize: 10 },
      userIds: ["u-bob", "u-x"],
    });
    expect(some.body.data.users.map((user) => user.userId)).toEqual(["u-bob"]);
    expect(some.body.data.pagination.totalElements).toBe(1);
  });

  it("refuses a missing orgId or pagination (31400), a page over 1000 (31400), an unknown OU (31404), another OU (31403)", async () => {
    expect((await roster({ pagination: { pageNo: 0 } })).body).toMatchObject({ code: 31400 });
    expect((await roster({ orgId: DEMO.orgId })).body).toMatchObject({
      code: 31400,
      message: "parameter.invalid.pagination",
    });
    expect((await roster({ orgId: DEMO.orgId, pagination: { pageSize: 1001 } })).body.code).toBe(31400);
    expect((await roster({ orgId: "o-nope", pagination: {} })).body.code).toBe(31404);
    expect((await roster({ orgId: "o-other", pagination: {} })).body.code).toBe(31403);
  });

  it("needs the documented 'Obtain the ID, username, email, and phone number ...' policy when policies are modelled", async () => {
    const policy = "Obtain the ID, username, email, and phone number of all users in the OU" as const;
    const account = (id: string, policies: Array<typeof policy | "Obtain all user permissions in the OU">) => ({
      id,
      name: id,
      accessKey: `${id}-ak`,
      secretKey: `${id}-sk`,
      orgId: DEMO.orgId,
      policies,
    });
    const base = emulator.state();
    emulator.reseed({
      ...base,
      serviceAccounts: [account("sa-roster", [policy]), account("sa-other", ["Obtain all user permissions in the OU"])],
    });
    try {
      const body = { body: { orgId: DEMO.orgId, pagination: {} } };
      const allowed = new TestClient(emulator.url, { accessKey: "sa-roster-ak", secretKey: "sa-roster-sk" });
      expect((await allowed.call<Roster>("POST", ROSTER, body)).body.code).toBe(0);
      const refused = new TestClient(emulator.url, { accessKey: "sa-other-ak", secretKey: "sa-other-sk" });
      expect((await refused.call("POST", ROSTER, body)).body).toMatchObject({
        code: 31403,
        message: "permission.denied",
      });
    } finally {
      emulator.reseed(base); // the later tests run on the bundled seed again
    }
  });

  it("no longer lists a user removed from the OU in the console, and that user's grants there are gone", async () => {
    emulator.mutate({ type: "remove-user", userId: "u-carol", orgId: DEMO.orgId });
    const reply = await roster({ orgId: DEMO.orgId, pagination: {} });
    expect(reply.body.data.users.map((user) => user.userId)).toEqual(["u-alice", "u-bob", "u-dave"]);
    const state = emulator.state();
    expect(state.roleGrants.some((grant) => grant.userId === "u-carol")).toBe(false);
    expect(state.groupGrants.some((grant) => grant.userId === "u-carol")).toBe(false);
    expect(() => emulator.mutate({ type: "remove-user", userId: "u-carol", orgId: DEMO.orgId })).toThrow(
      /not in o-demo/,
    );
  });
});

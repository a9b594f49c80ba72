import type { Emulator } from "../../emulator";
import { APPS, DEMO, MENUS, PERMISSIONS, PORTAL, setup, type TestClient } from "./support";

// The enos-app-service's error codes are undocumented: a gateway may answer in the app-portal 31xxx family or in the
// legacy generic table's plain codes (Application Portal overview). The emulator answers either, by a switch; the
// message keys are the same in both.

const APP = { name: { default: "Energy" }, type: 0, keyword: "energy", category: 101 };
const org = { orgId: DEMO.orgId };

describe.each([
  ["portal", 31400, 31403, 31404, 31408],
  ["legacy", 400, 403, 404, 408],
] as const)("app-service error codes: %s", (codes, invalid, denied, notFound, exists) => {
  let emulator: Emulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await setup({ appServiceCodes: codes }));
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  it("answers not-found, duplicate, invalid and denied with the codes of its form and the same keys", async () => {
    const gone = await client.call("DELETE", APPS, { query: { ...org, id: "app-missing" } });
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ code: notFound, msg: "app.not.exist", data: null });
    expect((await client.call("POST", APPS, { query: org, body: APP })).body).toMatchObject({ code: 0 });
    const dup = await client.call("POST", APPS, { query: org, body: APP });
    expect(dup.body).toMatchObject({ code: exists, msg: "keyword.already.existed" });
    const bad = await client.call("POST", APPS, { query: org, body: { ...APP, keyword: "other", type: 7 } });
    expect(bad.body).toMatchObject({ code: invalid, msg: "parameter.invalid.type" });
    const other = await client.call("GET", `${APPS}/list`, { query: { orgId: "o-other" } });
    expect(other.body).toMatchObject({ code: denied, msg: "permission.denied" });
  });

  it("answers a menu or permission list of a missing app in the same form", async () => {
    for (const path of [MENUS, PERMISSIONS]) {
      const reply = await client.call("GET", path, { query: { ...org, appId: "app-missing" } });
      expect(reply.body).toMatchObject({ code: notFound, msg: "app.not.exist" });
    }
  });

  it("leaves the app-portal family on its documented 31xxx codes", async () => {
    const reply = await client.call("GET", `${PORTAL}/v2.2/user/role/assignedList`, {
      query: { ...org, userId: "u-nobody" },
    });
    expect(reply.body).toMatchObject({ code: 31404, message: "organization.user.not.exist" });
  });
});

import type { Emulator } from "../../emulator";
import { APPS, DEMO, MENUS, PERMISSIONS, setup, TestClient } from "./support";

/** The request sample of the docs (EnOS docs: Application Registration API, Create App). */
const SAMPLE = {
  icon: "",
  name: { en_US: "Energy Management", default: "Energy Management" },
  description: { en_US: "Energy Management", zh_CN: "", default: "Energy Management" },
  type: 0,
  keyword: "energy-management",
  category: 101,
  url: "",
};

type App = Record<string, unknown> & { id: string; accessKey: string; secretKey: string | null };

const org = { orgId: DEMO.orgId };
const clock = () => Date.UTC(2024, 0, 19, 8, 40, 45);

describe("enos-app-service apps", () => {
  let emulator: Emulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await setup({ clock }));
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const create = (body: unknown = SAMPLE, query: Record<string, string> = org) =>
    client.call<App>("POST", APPS, { query, body });

  it("answers the documented Create App sample with every documented field", async () => {
    const reply = await create();
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ code: 0, msg: "OK", subMsg: null });
    expect(reply.body.data).toEqual({
      id: expect.any(String),
      accessKey: expect.any(String),
      secretKey: expect.any(String),
      name: SAMPLE.name,
      description: SAMPLE.description,
      categoryId: 101,
      categoryName: { pl_PL: "", en_US: "Storage", es_ES: "", zh_CN: "储能", fr_FR: "", ja_JP: "", de_DE: "" },
      keyword: "energy-management",
      type: 0,
      icon: "",
      url: "",
      organizationId: "o-demo",
      organizationName: "Demo OU",
      createdByUserId: "sa-demo",
      createdAt: "2024-01-19 08:40:45",
      status: 2,
      createByUserName: null,
      createdByUserName: "Demo Service Account",
      approvedAt: null,
    });
  });

  it("lists the OU's apps as an array and updates an app with PUT", async () => {
    const { id } = (await create()).body.data;
    const update = { ...SAMPLE, id, name: { default: "Energy Mgmt" }, type: 1, category: 104, icon: "aGVsbG8=" };
    const updated = await client.call<App>("PUT", APPS, { query: org, body: update });
    expect(updated.body.data).toMatchObject({ id, name: { default: "Energy Mgmt" }, type: 1, categoryId: 104 });
    const list = await client.call<App[]>("GET", `${APPS}/list`, { query: org });
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ id, icon: "aGVsbG8=", categoryName: expect.objectContaining({}) });
  });

  it.each([
    ["a missing name", { name: undefined }, "name"],
    ["a name without default", { name: { en_US: "x" } }, "name"],
    ["a plain-string name", { name: "Energy" }, "name"],
    ["a non-integer category", { category: "storage" }, "category"],
    ["type 2", { type: 2 }, "type"],
    ["an icon that is not base64", { icon: "not base64!" }, "icon"],
    ["a description with a numeric value", { description: { default: 1 } }, "description"],
  ])("refuses %s with 31400 parameter.invalid.<field>", async (_name, override, field) => {
    const reply = await create({ ...SAMPLE, ...override });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ code: 31400, msg: `parameter.invalid.${field}`, data: null });
    expect(reply.body.subMsg).toContain(field);
  });

  it("refuses a missing orgId (31400), an unknown OU (31404) and another OU (31403)", async () => {
    expect((await create(SAMPLE, {})).body).toMatchObject({ code: 31400, msg: "parameter.invalid.orgId" });
    expect((await create(SAMPLE, { orgId: "o-nope" })).body).toMatchObject({ code: 31404 });
    expect((await create(SAMPLE, { orgId: "o-other" })).body).toMatchObject({ code: 31403, msg: "permission.denied" });
  });

  it("refuses an unknown category id (31404) and a duplicate keyword in the OU (31408)", async () => {
    expect((await create({ ...SAMPLE, category: 999 })).body).toMatchObject({ code: 31404, msg: "category.not.exist" });
    await create();
    const duplicate = await create();
    expect(duplicate.body).toMatchObject({ code: 31408, msg: "keyword.already.existed" });
    expect(duplicate.body.subMsg).toBe("keyword 'energy-management' already exists in this OU");
  });

  it("refuses to update or delete an unknown app id (31404 app.not.exist)", async () => {
    const update = await client.call("PUT", APPS, { query: org, body: { ...SAMPLE, id: "app-missing" } });
    expect(update.body).toMatchObject({ code: 31404, msg: "app.not.exist" });
    const remove = await client.call("DELETE", APPS, { query: { ...org, id: "app-missing" } });
    expect(remove.body).toMatchObject({ code: 31404, msg: "app.not.exist" });
  });

  it("deletes an app together with its menus and permissions", async () => {
    const { id } = (await create()).body.data;
    const item = { appId: id, keyword: "k", name: { default: "K" } };
    await client.call("POST", MENUS, { query: org, body: { ...item, sortId: 1 } });
    await client.call("POST", PERMISSIONS, { query: org, body: item });
    const reply = await client.call("DELETE", APPS, { query: { ...org, id } });
    expect(reply.body).toEqual({ code: 0, msg: "OK", subMsg: null, data: true });
    const state = emulator.state();
    expect([state.apps, state.menus, state.permissions]).toEqual([[], [], []]);
  });

  it("retrieves purchased apps by keyword, accessKey or appId, never showing the secretKey", async () => {
    const app = (await create()).body.data;
    const retrieve = (query: Record<string, string>) =>
      client.call<App[]>("GET", `${APPS}/purchase/retrieve`, { query: { ...org, ...query } });
    for (const query of [{ key: "energy-management" }, { key: app.accessKey }, { appId: app.id }, {}]) {
      const reply = await retrieve(query);
      expect(reply.body.data).toEqual([expect.objectContaining({ id: app.id, secretKey: null })]);
    }
    expect((await retrieve({ key: "other" })).body.data).toEqual([]);
  });

  it.each([`${APPS}/list`, `${APPS}/purchase/retrieve`])(
    "refuses GET %s without orgId (31400), for an unknown OU (31404) or another OU (31403)",
    async (path) => {
      const get = (query: Record<string, string>) => client.call("GET", path, { query });
      expect((await get({})).body).toEqual({
        code: 31400,
        msg: "parameter.invalid.orgId",
        subMsg: "orgId is required",
        data: null,
      });
      expect((await get({ orgId: "o-nope" })).body).toMatchObject({ code: 31404, msg: "organization.not.exist" });
      expect((await get({ orgId: "o-other" })).body).toMatchObject({ code: 31403, msg: "permission.denied" });
    },
  );

  it("lets a registered app authenticate as a service account of its own OU", async () => {
    const app = (await create()).body.data;
    const appClient = new TestClient(emulator.url, { accessKey: app.accessKey, secretKey: app.secretKey ?? "" }, clock);
    const list = await appClient.call<App[]>("GET", `${APPS}/list`, { query: org });
    expect(list.body.data.map((entry) => entry.id)).toEqual([app.id]);
    const second = await appClient.call<App>("POST", APPS, { query: org, body: { ...SAMPLE, keyword: "second" } });
    expect(second.body.data["createdByUserId"]).toBe(app.id);
  });
});

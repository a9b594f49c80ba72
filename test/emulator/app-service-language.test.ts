import type { Emulator } from "../../emulator";
import { APPS, DEMO, MENUS, PERMISSIONS, setup, type TestClient } from "./support";

type Named = Record<string, unknown> & { id: string; name: Record<string, string> };

const org = { orgId: DEMO.orgId };
const NAME = { default: "Energy", en_US: "Energy Management", zh_CN: "能源管理" };
const DESCRIPTION = { default: "Saves energy", "en-US": "Saves energy", zh_CN: "节能" };

describe("enos-app-service accept-language", () => {
  let emulator: Emulator;
  let client: TestClient;
  let appId: string;

  beforeAll(async () => {
    ({ emulator, client } = await setup());
  });
  beforeEach(async () => {
    emulator.reset();
    const body = { name: NAME, description: DESCRIPTION, category: 101, type: 0, keyword: "energy" };
    appId = (await client.call<Named>("POST", APPS, { query: org, body })).body.data.id;
  });
  afterAll(() => emulator.close());

  const listApps = async (language?: string) =>
    (
      await client.call<Named[]>("GET", `${APPS}/list`, {
        query: org,
        ...(language === undefined ? {} : { headers: { "accept-language": language } }),
      })
    ).body.data[0];

  it("returns every language of the i18n fields when the header is absent", async () => {
    expect(await listApps()).toMatchObject({
      name: NAME,
      description: DESCRIPTION,
      categoryName: expect.objectContaining({ en_US: "Storage", zh_CN: "储能", pl_PL: "" }),
    });
  });

  it("reduces name, description and categoryName to the selected language, keeping default", async () => {
    expect(await listApps("zh-CN")).toMatchObject({
      name: { default: "Energy", zh_CN: "能源管理" },
      description: { default: "Saves energy", zh_CN: "节能" },
      categoryName: { zh_CN: "储能" },
    });
    const en = await listApps("en-US");
    expect([en?.name, en?.["description"], en?.["categoryName"]]).toEqual([
      { default: "Energy", en_US: "Energy Management" },
      { default: "Saves energy", "en-US": "Saves energy" },
      { en_US: "Storage" },
    ]);
  });

  it("falls back to default when the language is missing, and reads only the first entry of a list", async () => {
    expect((await listApps("ja-JP"))?.name).toEqual({ default: "Energy" });
    expect((await listApps("zh-CN,en-US;q=0.8"))?.name).toEqual({ default: "Energy", zh_CN: "能源管理" });
    expect((await listApps("*"))?.name).toEqual(NAME);
  });

  it("localises the Create/Update App answers and Retrieve Purchased Apps, but stores every language", async () => {
    const headers = { "accept-language": "zh-CN" };
    const body = { id: appId, name: NAME, category: 104, type: 0, keyword: "energy" };
    const updated = await client.call<Named>("PUT", APPS, { query: org, body, headers });
    expect(updated.body.data.name).toEqual({ default: "Energy", zh_CN: "能源管理" });
    const retrieved = await client.call<Named[]>("GET", `${APPS}/purchase/retrieve`, { query: org, headers });
    expect(retrieved.body.data[0]?.name).toEqual({ default: "Energy", zh_CN: "能源管理" });
    expect(emulator.state().apps[0]?.name).toEqual(NAME);
  });

  it("localises menus and permissions on create, update and list", async () => {
    const headers = { "accept-language": "en-US" };
    const item = { appId, keyword: "k", name: NAME, description: DESCRIPTION };
    const menu = await client.call<Named>("POST", MENUS, { query: org, body: { ...item, sortId: 1 }, headers });
    expect(menu.body.data).toMatchObject({
      name: { default: "Energy", en_US: "Energy Management" },
      description: { default: "Saves energy", "en-US": "Saves energy" },
    });
    const permission = await client.call<Named>("POST", PERMISSIONS, { query: org, body: item, headers });
    expect(permission.body.data.name).toEqual({ default: "Energy", en_US: "Energy Management" });
    const zh = { "accept-language": "zh-CN" };
    const update = { ...item, id: menu.body.data.id, sortId: 2 };
    expect((await client.call<Named>("PUT", MENUS, { query: org, body: update, headers: zh })).body.data.name).toEqual({
      default: "Energy",
      zh_CN: "能源管理",
    });
    const menus = await client.call<Named[]>("GET", MENUS, { query: { ...org, appId }, headers: zh });
    const permissions = await client.call<Named[]>("GET", PERMISSIONS, { query: { ...org, appId }, headers: zh });
    expect([menus.body.data[0]?.name, permissions.body.data[0]?.name]).toEqual([
      { default: "Energy", zh_CN: "能源管理" },
      { default: "Energy", zh_CN: "能源管理" },
    ]);
    const all = await client.call<Named[]>("GET", PERMISSIONS, { query: { ...org, appId } });
    expect(all.body.data[0]?.name).toEqual(NAME);
  });
});

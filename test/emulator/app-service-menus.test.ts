import type { Emulator } from "../../emulator";
import { APPS, DEMO, MENUS, PERMISSIONS, setup, type TestClient } from "./support";

type Item = Record<string, unknown> & { id: string };

const org = { orgId: DEMO.orgId };

describe("enos-app-service menus and permissions", () => {
  let emulator: Emulator;
  let client: TestClient;
  let appId: string;

  beforeAll(async () => {
    ({ emulator, client } = await setup());
  });
  beforeEach(async () => {
    emulator.reset();
    const body = { name: { default: "Energy" }, category: 104, type: 0, keyword: "energy" };
    appId = (await client.call<{ id: string }>("POST", APPS, { query: org, body })).body.data.id;
  });
  afterAll(() => emulator.close());

  const menu = (extra: Record<string, unknown> = {}) => ({
    appId,
    keyword: "dashboard",
    name: { default: "Dashboard" },
    sortId: 1,
    ...extra,
  });
  const createMenu = (body: unknown) => client.call<Item>("POST", MENUS, { query: org, body });

  it("creates a menu with the documented Menu shape", async () => {
    const reply = await createMenu(menu());
    expect(reply.body).toMatchObject({ code: 0, msg: "OK", subMsg: null });
    expect(reply.body.data).toEqual({
      id: expect.any(String),
      appId,
      name: { default: "Dashboard" },
      description: {},
      keyword: "dashboard",
      parentId: null,
      sortId: 1,
      url: "",
      status: null,
    });
  });

  it("updates, lists (by sortId) and deletes menus, deleting sub-menus with their parent", async () => {
    const parent = (await createMenu(menu({ sortId: 5 }))).body.data;
    const child = (await createMenu(menu({ keyword: "child", parentId: parent.id, sortId: 2 }))).body.data;
    const update = { ...menu({ sortId: 9, url: "/d" }), id: parent.id, name: { default: "Home" } };
    const updated = await client.call<Item>("PUT", MENUS, { query: org, body: update });
    expect(updated.body.data).toMatchObject({ id: parent.id, name: { default: "Home" }, sortId: 9, url: "/d" });
    const list = await client.call<Item[]>("GET", MENUS, { query: { ...org, appId } });
    expect(list.body.data.map((item) => item.id)).toEqual([child.id, parent.id]);
    const removed = await client.call("DELETE", MENUS, { query: { ...org, id: parent.id } });
    expect(removed.body.data).toBe(true);
    expect(emulator.state().menus).toEqual([]);
  });

  it.each([
    ["sortId 0", { sortId: 0 }, "sortId"],
    ["a missing sortId", { sortId: undefined }, "sortId"],
    ["a missing keyword", { keyword: undefined }, "keyword"],
    ["a missing appId", { appId: undefined }, "appId"],
    ["a name without default", { name: { default: "" } }, "name"],
  ])("refuses a menu with %s (31400)", async (_name, override, field) => {
    const reply = await createMenu(menu(override));
    expect(reply.body).toMatchObject({ code: 31400, msg: `parameter.invalid.${field}`, data: null });
  });

  it("refuses a duplicate menu keyword in the app (31408) and unknown app, parent or menu ids (31404)", async () => {
    await createMenu(menu());
    expect((await createMenu(menu())).body).toMatchObject({ code: 31408, msg: "keyword.already.existed" });
    expect((await createMenu(menu({ appId: "app-x" }))).body).toMatchObject({ code: 31404, msg: "app.not.exist" });
    const orphan = await createMenu(menu({ keyword: "o", parentId: "menu-x" }));
    expect(orphan.body).toMatchObject({ code: 31404, msg: "menu.not.exist" });
    const update = await client.call("PUT", MENUS, { query: org, body: { ...menu(), id: "menu-x" } });
    expect(update.body).toMatchObject({ code: 31404, msg: "menu.not.exist" });
    const list = await client.call("GET", MENUS, { query: { ...org, appId: "app-x" } });
    expect(list.body).toMatchObject({ code: 31404, msg: "app.not.exist" });
  });

  it("refuses to delete a menu without id (31400), an unknown menu or one of another OU's app (31404)", async () => {
    const remove = (query: Record<string, string>) => client.call("DELETE", MENUS, { query });
    expect((await remove(org)).body).toMatchObject({ code: 31400, msg: "parameter.invalid.id", data: null });
    expect((await remove({ ...org, id: "menu-x" })).body).toMatchObject({ code: 31404, msg: "menu.not.exist" });
    const { id } = (await createMenu(menu())).body.data;
    expect((await remove({ orgId: "o-other", id })).body).toMatchObject({ code: 31403, msg: "permission.denied" });
    expect(emulator.state().menus.map((entry) => entry.id)).toEqual([id]);
  });

  it("refuses to make a menu its own ancestor (31400 parameter.invalid.parentId)", async () => {
    const parent = (await createMenu(menu())).body.data;
    const child = (await createMenu(menu({ keyword: "child", parentId: parent.id }))).body.data;
    const body = { ...menu(), id: parent.id, parentId: child.id };
    const reply = await client.call("PUT", MENUS, { query: org, body });
    expect(reply.body).toMatchObject({ code: 31400, msg: "parameter.invalid.parentId" });
  });

  const permission = (extra: Record<string, unknown> = {}) => ({
    appId,
    keyword: "device.delete",
    name: { default: "Delete Device", zh_CN: "删除设备" },
    ...extra,
  });

  it("creates, updates, lists and deletes permissions with the documented Permission shape", async () => {
    const created = await client.call<Item>("POST", PERMISSIONS, { query: org, body: permission() });
    const { id } = created.body.data;
    expect(created.body.data).toEqual({ id, ...permission(), description: {}, status: null });
    const body = { ...permission({ description: { default: "Allows deleting" } }), id };
    const updated = await client.call<Item>("PUT", PERMISSIONS, { query: org, body });
    expect(updated.body.data).toMatchObject({ id, description: { default: "Allows deleting" } });
    const list = await client.call<Item[]>("GET", PERMISSIONS, { query: { ...org, appId } });
    expect(list.body.data).toEqual([updated.body.data]);
    const removed = await client.call("DELETE", PERMISSIONS, { query: { ...org, id } });
    expect(removed.body).toEqual({ code: 0, msg: "OK", subMsg: null, data: true });
  });

  it("refuses a duplicate permission keyword (31408), a missing keyword (31400) and unknown ids (31404)", async () => {
    await client.call("POST", PERMISSIONS, { query: org, body: permission() });
    const duplicate = await client.call("POST", PERMISSIONS, { query: org, body: permission() });
    expect(duplicate.body).toMatchObject({ code: 31408, msg: "keyword.already.existed" });
    const missing = await client.call("POST", PERMISSIONS, { query: org, body: permission({ keyword: "" }) });
    expect(missing.body).toMatchObject({ code: 31400, msg: "parameter.invalid.keyword" });
    const gone = await client.call("DELETE", PERMISSIONS, { query: { ...org, id: "permission-x" } });
    expect(gone.body).toMatchObject({ code: 31404, msg: "permission.not.exist" });
  });

  it.each([
    ["PUT", MENUS, undefined],
    ["PUT", MENUS, "null"],
    ["PUT", PERMISSIONS, undefined],
    ["PUT", PERMISSIONS, "null"],
    ["PUT", PERMISSIONS, "[]"],
    ["POST", MENUS, "null"],
    ["PUT", APPS, undefined],
  ])("answers %s %s with body %p with 31400 parameter.invalid.body, never HTTP 500", async (method, path, body) => {
    const reply = await client.call(method, path, { query: org, body });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      code: 31400,
      msg: "parameter.invalid.body",
      subMsg: "request body must be a JSON object",
      data: null,
    });
  });

  it("refuses PUT /permissions for an unknown id (31404), a missing id (31400) or a move to another app", async () => {
    const put = (body: Record<string, unknown>) => client.call("PUT", PERMISSIONS, { query: org, body });
    expect((await put({ ...permission(), id: "permission-x" })).body).toMatchObject({
      code: 31404,
      msg: "permission.not.exist",
      data: null,
    });
    expect((await put(permission())).body).toMatchObject({ code: 31400, msg: "parameter.invalid.id" });
    const { id } = (await client.call<Item>("POST", PERMISSIONS, { query: org, body: permission() })).body.data;
    const other = { name: { default: "Other" }, category: 104, type: 0, keyword: "other" };
    const otherApp = (await client.call<Item>("POST", APPS, { query: org, body: other })).body.data.id;
    expect((await put({ ...permission({ appId: otherApp }), id })).body).toMatchObject({
      code: 31400,
      msg: "parameter.invalid.appId",
    });
  });

  it("refuses GET /permissions without appId (31400) or for an unknown app (31404)", async () => {
    const list = (query: Record<string, string>) => client.call("GET", PERMISSIONS, { query });
    expect((await list(org)).body).toMatchObject({ code: 31400, msg: "parameter.invalid.appId", data: null });
    expect((await list({ ...org, appId: "app-x" })).body).toMatchObject({ code: 31404, msg: "app.not.exist" });
    expect((await list({ orgId: "o-other", appId })).body).toMatchObject({ code: 31403, msg: "permission.denied" });
  });

  it("keeps menu and permission keywords in separate namespaces", async () => {
    await createMenu(menu({ keyword: "shared" }));
    const reply = await client.call("POST", PERMISSIONS, { query: org, body: permission({ keyword: "shared" }) });
    expect(reply.body.code).toBe(0);
  });
});

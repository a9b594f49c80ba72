import { ResponseValidationError } from "../../../provider/client";
import { appServiceOk, createHarness, mockTokenGet, pathIs, sampleApp, type Harness, bodyText } from "./helpers";

const BASE = "/enos-app-service/v2.5";

/** Intercepts one call, recording its path and parsed body. */
function expectCall(h: Harness, method: string, path: string, reply: unknown) {
  const seen: { path?: string; body?: unknown } = {};
  h.pool.intercept({ path: pathIs(path), method }).reply(200, (opts) => {
    seen.path = opts.path;
    seen.body = opts.body === undefined || opts.body === null ? undefined : JSON.parse(bodyText(opts));
    return reply as object;
  });
  return seen;
}

describe("app-service calls", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
    mockTokenGet(h.pool);
  });
  afterEach(() => h.finish());

  it("creates an app with only the documented fields and returns the App", async () => {
    const seen = expectCall(h, "POST", `${BASE}/apps`, appServiceOk(sampleApp()));
    const write = { name: { default: "A" }, category: 104, type: 0, keyword: "energy", extra: "dropped" };

    const app = await h.client.appService.createApp("o1", write);

    expect(seen.path).toBe(`${BASE}/apps?orgId=o1`);
    expect(seen.body).toEqual({ name: { default: "A" }, category: 104, type: 0, keyword: "energy" });
    expect(app).toMatchObject({
      id: "app-1",
      categoryId: 104,
      type: 0,
      status: 2,
      secretKey: "app-secret-7f3c9e1d2b4a",
    });
  });

  it("accepts numeric strings for categoryId, type and status and keeps extra fields", async () => {
    expectCall(
      h,
      "PUT",
      `${BASE}/apps`,
      appServiceOk(sampleApp({ categoryId: "104", type: "1", status: "2", approvedAt: "x" })),
    );

    const app = await h.client.appService.updateApp("o1", {
      id: "app-1",
      name: { default: "A" },
      category: 104,
      type: 1,
    });

    expect(app).toMatchObject({ categoryId: 104, type: 1, status: 2, approvedAt: "x" });
  });

  it("sends the id in an update body", async () => {
    const seen = expectCall(h, "PUT", `${BASE}/apps`, appServiceOk(sampleApp()));
    await h.client.appService.updateApp("o1", { id: "app-1", name: { default: "A" }, category: 104, type: 0 });
    expect(seen.body).toMatchObject({ id: "app-1" });
  });

  it("deletes by orgId and id in the query", async () => {
    const seen = expectCall(h, "DELETE", `${BASE}/apps`, appServiceOk(true));
    await expect(h.client.appService.deleteApp("o1", "app-1")).resolves.toBeUndefined();
    expect(seen.path).toBe(`${BASE}/apps?orgId=o1&id=app-1`);
  });

  it("reports a delete answered with false as an unexpected response", async () => {
    expectCall(h, "DELETE", `${BASE}/menus`, appServiceOk(false));
    const error: unknown = await h.client.appService.deleteMenu("o1", "m1").catch((e: unknown) => e);
    expect(ResponseValidationError.isInstance(error)).toBe(true);
  });

  it("lists apps, treating a null list as empty", async () => {
    expectCall(h, "GET", `${BASE}/apps/list`, appServiceOk([sampleApp(), sampleApp({ id: "app-2", secretKey: null })]));
    expectCall(h, "GET", `${BASE}/apps/list`, appServiceOk(null));

    const apps = await h.client.appService.listApps("o1");
    expect(apps.map((a) => a.id)).toEqual(["app-1", "app-2"]);
    expect(apps[1]?.secretKey).toBeNull();
    await expect(h.client.appService.listApps("o1")).resolves.toEqual([]);
  });

  it("retrieves purchased apps with only the filters given", async () => {
    const seen = expectCall(
      h,
      "GET",
      `${BASE}/apps/purchase/retrieve`,
      appServiceOk([sampleApp({ secretKey: undefined })]),
    );
    const apps = await h.client.appService.retrievePurchasedApps("o1", { appId: "app-1" });
    expect(seen.path).toBe(`${BASE}/apps/purchase/retrieve?orgId=o1&appId=app-1`);
    expect(apps[0]?.secretKey).toBeNull();
  });

  it("creates and lists menus, with a null parentId and status at the root", async () => {
    const menu = {
      id: "m1",
      appId: "app-1",
      name: { default: "menu2" },
      description: {},
      keyword: "menu2",
      parentId: null,
      sortId: 2,
      url: "",
      status: null,
    };
    const seen = expectCall(h, "POST", `${BASE}/menus`, appServiceOk(menu));
    const listed = expectCall(h, "GET", `${BASE}/menus`, appServiceOk([{ ...menu, sortId: "3" }]));

    const created = await h.client.appService.createMenu("o1", {
      appId: "app-1",
      keyword: "menu2",
      name: { default: "menu2" },
      sortId: 2,
    });
    const menus = await h.client.appService.listMenus("o1", "app-1");

    expect(seen.body).toEqual({ appId: "app-1", keyword: "menu2", name: { default: "menu2" }, sortId: 2 });
    expect(created).toEqual(menu);
    expect(listed.path).toBe(`${BASE}/menus?orgId=o1&appId=app-1`);
    expect(menus[0]?.sortId).toBe(3);
  });

  it("creates, updates, deletes and lists permissions", async () => {
    const perm = {
      id: "p1",
      appId: "app-1",
      name: { default: "P" },
      description: { default: "d" },
      keyword: "perm",
      status: null,
    };
    expectCall(h, "POST", `${BASE}/permissions`, appServiceOk(perm));
    const updated = expectCall(h, "PUT", `${BASE}/permissions`, appServiceOk(perm));
    const deleted = expectCall(h, "DELETE", `${BASE}/permissions`, appServiceOk(true));
    expectCall(h, "GET", `${BASE}/permissions`, appServiceOk([perm]));
    const write = { appId: "app-1", keyword: "perm", name: { default: "P" } };

    await expect(h.client.appService.createPermission("o1", write)).resolves.toEqual(perm);
    await h.client.appService.updatePermission("o1", { ...write, id: "p1" });
    await h.client.appService.deletePermission("o1", "p1");
    await expect(h.client.appService.listPermissions("o1", "app-1")).resolves.toEqual([perm]);

    expect(updated.body).toMatchObject({ id: "p1" });
    expect(deleted.path).toBe(`${BASE}/permissions?orgId=o1&id=p1`);
  });

  it("maps 31408 to already-exists and keeps the human sentence", async () => {
    // Neither text matches the duplicate wording: the category must come from the code.
    expectCall(h, "POST", `${BASE}/menus`, { code: 31408, msg: "x", subMsg: "keyword 'k' is taken", data: null });
    await expect(
      h.client.appService.createMenu("o1", { appId: "a", keyword: "k", name: { default: "n" }, sortId: 1 }),
    ).rejects.toMatchObject({ category: "already-exists", subMsg: "keyword 'k' is taken" });
  });

  it("maps an unknown code whose msg is the duplicate-key text to already-exists", async () => {
    expectCall(h, "POST", `${BASE}/menus`, { code: 31999, msg: "keyword.already.existed", subMsg: null, data: null });
    await expect(
      h.client.appService.createMenu("o1", { appId: "a", keyword: "k", name: { default: "n" }, sortId: 1 }),
    ).rejects.toMatchObject({ category: "already-exists", code: 31999 });
  });

  it("reports a missing identity field as a validation issue under data", async () => {
    expectCall(h, "GET", `${BASE}/apps/list`, appServiceOk([sampleApp({ accessKey: undefined })]));
    await expect(h.client.appService.listApps("o1")).rejects.toMatchObject({
      kind: "response-validation",
      issues: [expect.objectContaining({ path: "data.0.accessKey" })],
    });
  });
});

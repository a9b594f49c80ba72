import { appMenuProvider as provider } from "../../provider/resources/keyword/app-menu";
import {
  APP_SERVICE_CODES,
  useAppEmulator,
  checked,
  createParentApp,
  PROVIDER_TEXT,
  thrown,
  withoutProvider,
} from "./app-fixtures";
import { callsDuring, nextDeployment, ORG } from "./support";

const MENUS = "/enos-app-service/v2.5/menus";

describe.each(APP_SERVICE_CODES)("%s app-service codes", (codes) => {
  const env = useAppEmulator({ appServiceCodes: codes });
  let appId: string;

  beforeEach(async () => {
    appId = await createParentApp();
  });

  const menuArgs = (extra: Record<string, unknown> = {}) => ({
    appId,
    keyword: "dashboard",
    name: "Dashboard",
    ...extra,
  });

  async function createMenu(extra: Record<string, unknown> = {}) {
    const inputs = await checked(provider, menuArgs(extra));
    const created = await provider.create(inputs);
    return { inputs, id: created.id, outs: created.outs as Record<string, unknown> };
  }

  describe("AppMenu lifecycle", () => {
    test("check defaults sortId to 1 and adopt to false and fills the OU", async () => {
      expect(await checked(provider, menuArgs())).toMatchObject({ orgId: ORG, sortId: 1, adopt: false });
      const bad = await provider.check({}, menuArgs({ sortId: 0 }));
      expect(bad.failures?.map((f) => f.property)).toEqual(["sortId"]);
    });

    test("a child menu goes through create, read, update, replace-diff and delete with exact call counts", async () => {
      const before = env.emulator.state().menus;
      const root = await createMenu();
      const inputs = await checked(
        provider,
        menuArgs({ keyword: "meters", name: "Meters", parentId: root.id, url: "/m" }),
      );

      const create = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(create.calls).toEqual([`POST ${MENUS}`]);
      const { id } = create.result;
      const outs = create.result.outs as Record<string, unknown>;
      expect(outs).toEqual({ ...withoutProvider(inputs), menuId: id, status: null });
      expect(env.emulator.state().menus.find((m) => m.id === id)).toMatchObject({
        parentId: root.id,
        sortId: 1,
        url: "/m",
      });

      const read = await callsDuring(env.emulator, () => provider.read(id, outs));
      expect(read.calls).toEqual([`GET ${MENUS}`]);
      expect(read.result).toEqual({ id, props: outs, inputs: withoutProvider(inputs) });

      const news = await checked(provider, menuArgs({ keyword: "meters", name: "Meters", sortId: 3 }));
      const update = await callsDuring(env.emulator, () => provider.update(id, outs, news));
      expect(update.calls).toEqual([`PUT ${MENUS}`]);
      expect(env.emulator.state().menus.find((m) => m.id === id)).toMatchObject({ parentId: null, sortId: 3, url: "" });
      const updated = update.result.outs as Record<string, unknown>;
      expect(updated).toEqual({ ...withoutProvider(news), menuId: id, status: null });

      expect(await provider.diff(id, updated, news)).toEqual({});
      const otherApp = await checked(provider, { ...menuArgs({ keyword: "meters", name: "Meters" }), appId: "app-x" });
      expect(await provider.diff(id, updated, otherApp)).toEqual({ replaces: ["appId"] });
      const otherOrg = await checked(provider, menuArgs({ keyword: "meters", name: "Meters", orgId: "o-other" }));
      expect(await provider.diff(id, updated, otherOrg)).toEqual({ replaces: ["orgId"] });

      nextDeployment();
      const remove = await callsDuring(env.emulator, () => provider.delete(id, updated));
      expect(remove.calls).toEqual([`DELETE ${MENUS}`]);
      nextDeployment();
      await provider.delete(root.id, root.outs);
      expect(env.emulator.state().menus).toEqual(before);
    });

    test("a diff that makes a menu its own parent fails the preview", async () => {
      const { id, outs } = await createMenu();
      const news = await checked(provider, menuArgs({ parentId: id }));
      await expect(provider.diff(id, outs, news)).rejects.toThrow("a menu cannot be its own parent");
    });

    test("a parentId from another app fails check naming parentId and that app, before any write", async () => {
      const otherApp = await createParentApp("other-app");
      const foreign = await provider.create(
        await checked(provider, { appId: otherApp, keyword: "elsewhere", name: "Elsewhere" }),
      );
      const { result, calls } = await callsDuring(env.emulator, () =>
        provider.check({}, menuArgs({ parentId: foreign.id, __provider: PROVIDER_TEXT })),
      );
      expect(result.failures).toEqual([
        {
          property: "parentId",
          reason:
            `parentId '${foreign.id}' is a menu of app '${otherApp}' ("Parent", keyword other-app), not of app ` +
            `'${appId}'; a parent must be a menu of the same app: use the id of an AppMenu whose appId is ` +
            `'${appId}', or omit parentId`,
        },
      ]);
      // This app's menus, then (only because the parent is not there) the OU's apps and the other app's menus.
      expect(calls).toEqual([`GET ${MENUS}`, "GET /enos-app-service/v2.5/apps/list", `GET ${MENUS}`]);

      const missing = await provider.check({}, menuArgs({ parentId: "menu-404" }));
      expect(missing.failures?.[0]?.reason).toMatch(
        /^parentId 'menu-404' is no menu of app 'app-\d+' \(nor of any other app of OU o-demo\); a parent must be/,
      );
    });

    test("a parentId check is skipped when the ids are unknown (preview) or the parent was recorded before", async () => {
      const root = await createMenu();
      const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
      const recorded = { ...root.inputs, parentId: "menu-was-accepted" };
      const { result, calls } = await callsDuring(env.emulator, async () => [
        await provider.check({}, menuArgs({ parentId: unknown })),
        await provider.check({}, menuArgs({ appId: unknown, parentId: root.id })),
        await provider.check(recorded, menuArgs({ parentId: "menu-was-accepted" })),
      ]);
      expect(calls).toEqual([]);
      expect(result.map((r) => r.failures ?? [])).toEqual([[], [], []]);
    });

    test("out-of-band rename and delete of a menu show up in read", async () => {
      const { id, outs, inputs } = await createMenu();
      env.emulator.mutate({ type: "rename-menu", menuId: id, name: "Renamed" });
      const { result: read, calls } = await callsDuring(env.emulator, () => provider.read(id, outs));
      expect(calls).toEqual([`GET ${MENUS}`]);
      expect(read.inputs).toEqual({ ...withoutProvider(inputs), name: { default: "Renamed" } });
      expect(read.props).toMatchObject({ name: { default: "Renamed" }, menuId: id });

      env.emulator.mutate({ type: "delete-menu", menuId: id });
      expect(await provider.read(id, outs)).toEqual({});
      expect(env.warnings().join("\n")).toContain(`AppMenu '${id}' (keyword 'dashboard') was deleted outside Pulumi`);
      nextDeployment();
      await expect(provider.delete(id, outs)).resolves.toBeUndefined();
    });

    test("a menu whose app was deleted is gone too: read drops it and delete succeeds", async () => {
      const { id, outs } = await createMenu();
      env.emulator.mutate({ type: "delete-app", appId });
      const read = await callsDuring(env.emulator, () => provider.read(id, outs));
      expect(read.calls).toEqual([`GET ${MENUS}`]);
      expect(read.result).toEqual({});
      expect(env.warnings().join("\n")).toContain(`its app '${appId}' no longer exists`);
      nextDeployment();
      await expect(provider.delete(id, outs)).resolves.toBeUndefined();
    });

    test("10 concurrent reads of one app's menus cost one list call", async () => {
      const menus: Awaited<ReturnType<typeof createMenu>>[] = [];
      for (let i = 0; i < 10; i++) menus.push(await createMenu({ keyword: `menu-${i}`, sortId: i + 1 }));
      const reads = await callsDuring(env.emulator, () => Promise.all(menus.map((m) => provider.read(m.id, m.outs))));
      expect(reads.calls).toEqual([`GET ${MENUS}`]);
      expect(reads.result.map((r): unknown => r.props)).toEqual(menus.map((m) => m.outs));
    });
  });

  describe("AppMenu keywords and faults", () => {
    test("a duplicate keyword without adopt names the keyword, the app and the existing menu", async () => {
      const first = await createMenu();
      const inputs = await checked(provider, menuArgs({ name: "Other" }));
      const error = await thrown(() => provider.create(inputs));
      for (const part of ["'dashboard'", `app ${appId}`, `'${first.id}'`, "adopt: true"])
        expect(error.message).toContain(part);
      expect(env.emulator.state().menus).toHaveLength(1);
    });

    test("adopt takes over a differing menu with one list and one PUT, and warns", async () => {
      const first = await createMenu();
      const inputs = await checked(provider, menuArgs({ name: "Adopted", sortId: 2, adopt: true }));
      const adopt = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(adopt.calls).toEqual([`POST ${MENUS}`, `GET ${MENUS}`, `PUT ${MENUS}`]);
      expect(adopt.result).toEqual({
        id: first.id,
        outs: { ...withoutProvider(inputs), menuId: first.id, status: null },
      });
      expect(env.emulator.state().menus).toEqual([expect.objectContaining({ id: first.id, sortId: 2 })]);
      expect(env.warnings().join("\n")).toContain(`adopting the existing menu '${first.id}'`);
    });

    test("a failed adopt-update is a partial create carrying the menu id and __provider", async () => {
      const first = await createMenu();
      const inputs = await checked(provider, menuArgs({ name: "Adopted", adopt: true }));
      env.emulator.faults.add({ route: { method: "PUT", path: MENUS }, code: 31400 });
      const error = await thrown(() => provider.create(inputs));
      expect(error["id"]).toBe(first.id);
      expect(error["properties"]).toMatchObject({
        __provider: PROVIDER_TEXT,
        menuId: first.id,
        name: { default: "Dashboard" },
      });
    });

    test("a create whose response is dropped after the commit leaves exactly one menu", async () => {
      const inputs = await checked(provider, menuArgs());
      env.emulator.faults.add({ route: { method: "POST", path: MENUS }, kind: "commit-then-drop" });
      const create = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(create.calls).toEqual([`POST ${MENUS}`, `GET ${MENUS}`]);
      expect(env.emulator.state().menus.map((m) => m.id)).toEqual([create.result.id]);
    });

    test("a 429 with Retry-After: 0 and an expired token on the list are both absorbed by read", async () => {
      const { id, outs } = await createMenu();
      env.emulator.faults.add({ route: { method: "GET", path: MENUS }, status: 429, retryAfter: 0 });
      env.emulator.faults.add({ route: { method: "GET", path: MENUS }, kind: "expire-token" });
      const read = await callsDuring(env.emulator, () => provider.read(id, outs));
      expect(read.calls).toEqual([`GET ${MENUS}`, `GET ${MENUS}`, `GET ${MENUS}`]);
      const statuses = env.emulator.requestLog().filter((e) => e.path === MENUS);
      expect(statuses.map((e) => e.status)).toEqual([429, 401, 200]);
      expect(read.result.props).toEqual(outs);
    });
  });
});

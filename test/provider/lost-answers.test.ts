/**
 * Issue 11's reproductions against the emulator's fault API: creates whose answers are lost (never an orphan),
 * deletes retried after a committed-then-dropped answer, and objects (or their app) deleted in the console, each
 * under both forms of enos-app-service error codes.
 */
import { appMenuProvider as menus } from "../../provider/resources/keyword/app-menu";
import { appPermissionProvider as permissions } from "../../provider/resources/keyword/app-permission";
import { enosAppProvider as apps } from "../../provider/resources/keyword/enos-app";
import {
  APP_SERVICE_CODES,
  checked,
  createApp,
  createParentApp,
  notFoundCode,
  thrown,
  useAppEmulator,
} from "./app-fixtures";
import { callsDuring, nextDeployment } from "./support";

const APPS = "/enos-app-service/v2.5/apps";
const MENUS = "/enos-app-service/v2.5/menus";
const PERMISSIONS = "/enos-app-service/v2.5/permissions";
const LIST = `GET ${APPS}/list`;
const appArgs = { name: "Energy Management", category: 101, keyword: "energy-mgmt" };

describe.each(APP_SERVICE_CODES)("lost answers and not-found (%s app-service codes)", (codes) => {
  const env = useAppEmulator({ appServiceCodes: codes });
  const appsWith = (keyword: string) => env.emulator.state().apps.filter((app) => app.keyword === keyword);
  const codesOf = (path: string, method: string) =>
    env.emulator
      .requestLog()
      .filter((entry) => entry.path === path && entry.method === method)
      .map((entry) => (entry.status === 0 ? "dropped" : entry.code));

  test("an app whose POST is reset, then answered after a commit that is dropped: created once and recorded", async () => {
    const inputs = await checked(apps, appArgs);
    env.emulator.faults.add({ route: { method: "POST", path: APPS }, kind: "reset" });
    env.emulator.faults.add({ route: { method: "POST", path: APPS }, kind: "commit-then-drop" });
    const create = await callsDuring(env.emulator, () => apps.create(inputs));
    expect(create.calls).toEqual([`POST ${APPS}`, LIST, `POST ${APPS}`, LIST]);
    expect(appsWith("energy-mgmt").map((app) => app.id)).toEqual([create.result.id]);
    expect(create.result.outs).toMatchObject({ secretKey: appsWith("energy-mgmt")[0]?.secretKey });
  });

  test("a menu whose POST gets a 503, then a commit whose answer is dropped: created once and recorded", async () => {
    const appId = await createParentApp();
    const inputs = await checked(menus, { appId, keyword: "dashboard", name: "Dashboard" });
    env.emulator.faults.add({ route: { method: "POST", path: MENUS }, status: 503 });
    env.emulator.faults.add({ route: { method: "POST", path: MENUS }, kind: "commit-then-drop" });
    const created = await menus.create(inputs);
    expect(env.emulator.state().menus.map((menu) => menu.id)).toEqual([created.id]);
  });

  test("two resets in a row on one create are ridden out within the retry budget", async () => {
    const inputs = await checked(apps, appArgs);
    env.emulator.faults.add({ route: { method: "POST", path: APPS }, kind: "reset", count: 2 });
    const created = await apps.create(inputs);
    expect(appsWith("energy-mgmt").map((app) => app.id)).toEqual([created.id]);
  });

  test("every send lost and nothing committed: refused, and nothing is left behind", async () => {
    const inputs = await checked(apps, appArgs);
    env.emulator.faults.add({ route: { method: "POST", path: APPS }, kind: "reset", count: 3 });
    const error = await thrown(() => apps.create(inputs));
    expect(error.message).toMatch(/got no answer \(3 sends\).*nothing was created/);
    expect(error).not.toHaveProperty("id");
    expect(appsWith("energy-mgmt")).toEqual([]);
  });

  test("a create confirmed neither way is recorded under a stand-in id, then found by keyword", async () => {
    const inputs = await checked(apps, appArgs);
    env.emulator.faults.add({ route: { method: "POST", path: APPS }, kind: "commit-then-drop" });
    env.emulator.faults.add({ route: { method: "GET", path: `${APPS}/list` }, status: 503, probability: 1 });
    const partial = await thrown(() => apps.create(inputs));
    env.emulator.faults.clear();
    expect(partial["id"]).toBe("unconfirmed-create:energy-mgmt");
    expect(partial.message).toMatch(/recorded in the stack as unconfirmed/);
    const recorded = partial["properties"] as Record<string, unknown>;
    expect(recorded).toMatchObject({ keyword: "energy-mgmt", __provider: inputs["__provider"] });
    const [made] = appsWith("energy-mgmt");
    expect(made).toBeDefined();
    nextDeployment(); // the next `refresh` or `up`

    // refresh: the engine takes the real id from the read.
    const read = await apps.read("unconfirmed-create:energy-mgmt", recorded);
    expect(read).toMatchObject({ id: made?.id, props: { keyword: "energy-mgmt", accessKey: made?.accessKey } });

    // up: replaced; the replacement's create takes the listed app instead of calling it a duplicate.
    expect(await apps.diff("unconfirmed-create:energy-mgmt", recorded, inputs)).toEqual({
      changes: true,
      replaces: ["keyword"],
    });
    const create = await callsDuring(env.emulator, () => apps.create(inputs));
    expect(create.calls).toEqual([LIST]);
    expect(create.result.id).toBe(made?.id);
    // ...and the stand-in's delete at the end of that `up` leaves the app to the replacement.
    const spared = await callsDuring(env.emulator, () => apps.delete("unconfirmed-create:energy-mgmt", recorded));
    expect(spared.calls).toEqual([LIST]);
    expect(appsWith("energy-mgmt")).toHaveLength(1);

    // destroy of a stack that kept the stand-in: the app with the recorded settings is deleted.
    nextDeployment();
    await apps.delete("unconfirmed-create:energy-mgmt", recorded);
    expect(appsWith("energy-mgmt")).toEqual([]);
  });

  test("a delete whose commit was dropped is retried, and the retry's not-found counts as done", async () => {
    const { created, outs } = await createApp(appArgs);
    const menuInputs = await checked(menus, { appId: created.id, keyword: "dashboard", name: "Dashboard" });
    const menu = await menus.create(menuInputs);
    nextDeployment();
    env.emulator.clearRequestLog();
    env.emulator.faults.add({ route: { method: "DELETE", path: MENUS }, kind: "commit-then-drop" });
    await menus.delete(menu.id, menu.outs as Record<string, unknown>);
    env.emulator.faults.add({ route: { method: "DELETE", path: APPS }, kind: "commit-then-drop" });
    await apps.delete(created.id, outs);
    expect(codesOf(MENUS, "DELETE")).toEqual(["dropped", notFoundCode(codes)]);
    expect(codesOf(APPS, "DELETE")).toEqual(["dropped", notFoundCode(codes)]);
    expect(env.emulator.state().apps).toEqual([]);
  });

  test("an app deleted in the console: its menu and permission leave the stack on refresh, with warnings", async () => {
    const { created, outs } = await createApp(appArgs);
    const menu = await menus.create(await checked(menus, { appId: created.id, keyword: "dashboard", name: "D" }));
    const perm = await permissions.create(await checked(permissions, { appId: created.id, keyword: "p.x", name: "P" }));
    env.emulator.mutate({ type: "delete-app", appId: created.id });

    expect(await menus.read(menu.id, menu.outs as Record<string, unknown>)).toEqual({});
    expect(await permissions.read(perm.id, perm.outs as Record<string, unknown>)).toEqual({});
    const warnings = env.warnings().join("\n");
    expect(warnings).toContain(`AppMenu '${menu.id}' (keyword 'dashboard') was deleted outside Pulumi`);
    expect(warnings).toContain(`AppPermission '${perm.id}' (keyword 'p.x') was deleted outside Pulumi`);
    expect(warnings).toContain(`its app '${created.id}' no longer exists`);

    // destroy: every delete of an object already gone succeeds.
    nextDeployment();
    await menus.delete(menu.id, menu.outs as Record<string, unknown>);
    await permissions.delete(perm.id, perm.outs as Record<string, unknown>);
    await apps.delete(created.id, outs);
    expect(codesOf(PERMISSIONS, "DELETE")).toEqual([notFoundCode(codes)]);
  });
});

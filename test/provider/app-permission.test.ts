import { appPermissionProvider as provider } from "../../provider/resources/keyword/app-permission";
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

const PERMISSIONS = "/enos-app-service/v2.5/permissions";

describe.each(APP_SERVICE_CODES)("%s app-service codes", (codes) => {
  const env = useAppEmulator({ appServiceCodes: codes });
  let appId: string;

  beforeEach(async () => {
    appId = await createParentApp();
  });

  const permissionArgs = (extra: Record<string, unknown> = {}) => ({
    appId,
    keyword: "device.delete",
    name: { default: "Delete Device", "zh-CN": "删除设备" },
    ...extra,
  });

  async function createPermission(extra: Record<string, unknown> = {}) {
    const inputs = await checked(provider, permissionArgs(extra));
    const created = await provider.create(inputs);
    return { inputs, id: created.id, outs: created.outs as Record<string, unknown> };
  }

  describe("AppPermission lifecycle", () => {
    test("create, read, update, replace-diff and delete make exactly the expected EnOS calls", async () => {
      const before = env.emulator.state().permissions;
      const inputs = await checked(provider, permissionArgs({ description: "Removes a device" }));
      expect(inputs).toMatchObject({ orgId: ORG, name: { default: "Delete Device", zh_CN: "删除设备" }, adopt: false });

      const create = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(create.calls).toEqual([`POST ${PERMISSIONS}`]);
      const { id } = create.result;
      const outs = create.result.outs as Record<string, unknown>;
      expect(outs).toEqual({ ...withoutProvider(inputs), status: null });
      expect(env.emulator.state().permissions).toEqual([
        expect.objectContaining({ id, appId, keyword: "device.delete", description: { default: "Removes a device" } }),
      ]);

      const read = await callsDuring(env.emulator, () => provider.read(id, outs));
      expect(read.calls).toEqual([`GET ${PERMISSIONS}`]);
      expect(read.result).toEqual({ id, props: outs, inputs: withoutProvider(inputs) });

      const news = await checked(provider, permissionArgs({ name: "Delete" }));
      const update = await callsDuring(env.emulator, () => provider.update(id, outs, news));
      expect(update.calls).toEqual([`PUT ${PERMISSIONS}`]);
      expect(env.emulator.state().permissions[0]).toMatchObject({ name: { default: "Delete" }, description: {} });
      const updated = update.result.outs as Record<string, unknown>;
      expect(updated).toEqual({ ...withoutProvider(news), status: null });

      expect(await provider.diff(id, updated, news)).toEqual({});
      const moved = await checked(provider, { ...permissionArgs(), appId: "app-x", orgId: "o-other" });
      expect(await provider.diff(id, updated, moved)).toEqual({ replaces: ["orgId", "appId"] });

      nextDeployment();
      const remove = await callsDuring(env.emulator, () => provider.delete(id, updated));
      expect(remove.calls).toEqual([`DELETE ${PERMISSIONS}`]);
      expect(env.emulator.state().permissions).toEqual(before);
    });

    test("an out-of-band rename shows up in read's props and inputs, with one list call", async () => {
      const own = await createPermission();
      env.emulator.mutate({ type: "rename-permission", permissionId: own.id, name: { default: "Remove Device" } });
      const read = await callsDuring(env.emulator, () => provider.read(own.id, own.outs));
      expect(read.calls).toEqual([`GET ${PERMISSIONS}`]);
      expect(read.result.inputs).toMatchObject({ name: { default: "Remove Device" }, keyword: "device.delete" });
      expect(read.result.props).toMatchObject({ name: { default: "Remove Device" } });
    });

    test("a permission deleted out of band, or with its app, leaves the stack with a warning", async () => {
      const own = await createPermission();
      env.emulator.mutate({ type: "delete-permission", permissionId: own.id });
      expect(await provider.read(own.id, own.outs)).toEqual({});
      nextDeployment();
      await expect(provider.delete(own.id, own.outs)).resolves.toBeUndefined();

      const other = await createPermission({ keyword: "device.view" });
      env.emulator.mutate({ type: "delete-app", appId });
      expect(await provider.read(other.id, other.outs)).toEqual({});
      const text = env.warnings().join("\n");
      expect(text).toContain(
        `AppPermission '${own.id}' (keyword 'device.delete') was deleted outside Pulumi (no permission with this id`,
      );
      expect(text).toContain(
        `AppPermission '${other.id}' (keyword 'device.view') was deleted outside Pulumi (its app '${appId}'`,
      );
    });

    test("10 concurrent reads of one app's permissions cost one list call", async () => {
      const permissions: Awaited<ReturnType<typeof createPermission>>[] = [];
      for (let i = 0; i < 10; i++) permissions.push(await createPermission({ keyword: `perm-${i}` }));
      const reads = await callsDuring(env.emulator, () =>
        Promise.all(permissions.map((p) => provider.read(p.id, p.outs))),
      );
      expect(reads.calls).toEqual([`GET ${PERMISSIONS}`]);
      expect(reads.result.map((r) => r.id)).toEqual(permissions.map((p) => p.id));
    });
  });

  describe("AppPermission keywords and faults", () => {
    test("a duplicate keyword fails without adopt and is adopted with it (list + PUT, warned)", async () => {
      const first = await createPermission();
      const plain = await checked(provider, permissionArgs({ name: "Other" }));
      const error = await thrown(() => provider.create(plain));
      for (const part of ["'device.delete'", `app ${appId}`, `'${first.id}'`, "adopt: true"])
        expect(error.message).toContain(part);

      const adopting = await checked(provider, permissionArgs({ name: "Other", adopt: true }));
      const adopt = await callsDuring(env.emulator, () => provider.create(adopting));
      expect(adopt.calls).toEqual([`POST ${PERMISSIONS}`, `GET ${PERMISSIONS}`, `PUT ${PERMISSIONS}`]);
      expect(adopt.result.id).toBe(first.id);
      expect(env.emulator.state().permissions).toEqual([expect.objectContaining({ name: { default: "Other" } })]);
      expect(env.warnings().join("\n")).toContain(`adopting the existing permission '${first.id}'`);
    });

    test("a failed adopt-update is a partial create carrying the permission id and __provider", async () => {
      const first = await createPermission();
      env.emulator.faults.add({ route: { method: "PUT", path: PERMISSIONS }, code: 31403 });
      const inputs = await checked(provider, permissionArgs({ name: "Other", adopt: true }));
      const error = await thrown(() => provider.create(inputs));
      expect(error["id"]).toBe(first.id);
      expect(error["properties"]).toMatchObject({ __provider: PROVIDER_TEXT, keyword: "device.delete", status: null });
    });

    test("a create whose response is dropped after the commit leaves exactly one permission", async () => {
      const inputs = await checked(provider, permissionArgs());
      env.emulator.faults.add({ route: { method: "POST", path: PERMISSIONS }, kind: "commit-then-drop" });
      const create = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(create.calls).toEqual([`POST ${PERMISSIONS}`, `GET ${PERMISSIONS}`]);
      expect(env.emulator.state().permissions.map((p) => p.id)).toEqual([create.result.id]);
    });

    test("a lost create that finds a different permission under its keyword reports it instead of taking it", async () => {
      const first = await createPermission();
      env.emulator.faults.add({ route: { method: "POST", path: PERMISSIONS }, kind: "reset" });
      const inputs = await checked(provider, permissionArgs({ name: "Different" }));
      const create = await callsDuring(env.emulator, () => thrown(() => provider.create(inputs)));
      expect(create.calls).toEqual([`POST ${PERMISSIONS}`, `GET ${PERMISSIONS}`]);
      for (const part of ["got no answer", `permission '${first.id}'`, "different settings", "adopt: true"]) {
        expect(create.result.message).toContain(part);
      }
      expect(env.emulator.state().permissions).toEqual([expect.objectContaining({ name: first.outs["name"] })]);
    });

    test("a 429 with Retry-After: 0 and a token expiring on the update are retried", async () => {
      const { id, outs } = await createPermission();
      env.emulator.faults.add({ route: { method: "GET", path: PERMISSIONS }, status: 429, retryAfter: 0 });
      expect((await callsDuring(env.emulator, () => provider.read(id, outs))).calls).toHaveLength(2);
      env.emulator.faults.add({ route: { method: "PUT", path: PERMISSIONS }, kind: "expire-token" });
      const news = await checked(provider, permissionArgs({ name: "Renamed" }));
      const update = await callsDuring(env.emulator, () => provider.update(id, outs, news));
      expect(update.calls).toEqual([`PUT ${PERMISSIONS}`, `PUT ${PERMISSIONS}`]);
      expect(env.emulator.state().permissions[0]?.name).toEqual({ default: "Renamed" });
    });
  });
});

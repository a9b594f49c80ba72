import type { Emulator } from "../../emulator";
import { deviceEnablementProvider as provider } from "../../provider/resources/devices/device-enablement";
import { ORG, startProviderEmulator, stopProviderEmulator, nextDeployment } from "./support";

type Props = Record<string, unknown>;

async function checked(news: Props): Promise<Props> {
  const result = await provider.check({}, news);
  expect(result.failures ?? []).toEqual([]);
  return { ...(result.inputs as Props), __provider: "serialized-shim" };
}

const withoutEngineKeys = ({ __provider: _p, ...rest }: Props) => rest;

/** The connect calls `operation` made, as "<action> <HTTP status>[ <code>]" (all go to one path). */
async function deviceCalls<T>(
  emulator: Emulator,
  operation: () => Promise<T>,
): Promise<{ result: T; calls: string[] }> {
  emulator.clearRequestLog();
  const result = await operation();
  const calls = emulator
    .requestLog()
    .filter((entry) => entry.service === "connect")
    .map((entry) => `${entry.query["action"] ?? ""} ${entry.status}${entry.code ? ` ${entry.code}` : ""}`);
  return { result, calls };
}

function device(emulator: Emulator, assetId: string) {
  const found = emulator.state().devices.find((d) => d.assetId === assetId);
  return { enabled: found?.enabled, connectivity: found?.connectivity };
}

describe("DeviceEnablement", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startProviderEmulator();
  });
  afterAll(() => stopProviderEmulator(emulator));
  beforeEach(() => emulator.reset());

  it("runs the lifecycle: create, read, update, replace diff, drift, delete restores the device", async () => {
    const before = emulator.state().devices;
    const inputs = await checked({ assetId: "a-turbine-7", enabled: false });
    expect(withoutEngineKeys(inputs)).toEqual({
      orgId: ORG,
      assetId: "a-turbine-7",
      enabled: false,
      restoreOnDelete: true,
    });

    const created = await deviceCalls(emulator, () => provider.create(inputs));
    expect(created.calls).toEqual(["get 200", "disable 200", "get 200"]);
    expect(created.result.id).toBe(`${ORG}/a-turbine-7`);
    const outs = created.result.outs as Props;
    expect(outs).toEqual({
      ...withoutEngineKeys(inputs),
      resolvedAssetId: "a-turbine-7",
      originalStatus: "online",
      originalEnabled: true,
      status: "disable",
    });
    expect(device(emulator, "a-turbine-7").enabled).toBe(false);

    const read = await deviceCalls(emulator, () => provider.read(created.result.id, outs));
    expect(read.calls).toEqual(["get 200"]);
    expect(read.result).toEqual({ id: created.result.id, props: outs, inputs: withoutEngineKeys(inputs) });

    const news = await checked({ assetId: "a-turbine-7", enabled: true });
    const updated = await deviceCalls(emulator, () => provider.update(created.result.id, outs, news));
    expect(updated.calls).toEqual(["enable 200", "get 200"]);
    const updatedOuts = updated.result.outs as Props;
    expect(updatedOuts).toMatchObject({ enabled: true, status: "online", originalStatus: "online" });

    const other = await checked({ assetId: "a-turbine-8", enabled: true });
    expect(await provider.diff(created.result.id, updatedOuts, other)).toEqual({
      replaces: ["assetId"],
      deleteBeforeReplace: true,
    });
    expect(await provider.diff(created.result.id, updatedOuts, news)).toEqual({});

    emulator.mutate({ type: "disable-device", assetId: "a-turbine-7" });
    const drifted = await provider.read(created.result.id, updatedOuts);
    expect(drifted.inputs).toEqual({ ...withoutEngineKeys(news), enabled: false });
    expect(drifted.props).toMatchObject({ enabled: false, status: "disable", originalEnabled: true });

    nextDeployment();
    const deleted = await deviceCalls(emulator, () => provider.delete(created.result.id, drifted.props));
    expect(deleted.calls).toEqual(["enable 200"]);
    expect(emulator.state().devices).toEqual(before);
  });

  it("names a device by productKey and deviceKey, and restores a disabled one on delete", async () => {
    const inputs = await checked({ productKey: "p-inverter", deviceKey: "inverter-2", enabled: true });
    const created = await provider.create(inputs);
    expect(created.id).toBe(`${ORG}/a-inverter-2`);
    expect(created.outs).toMatchObject({
      resolvedAssetId: "a-inverter-2",
      originalStatus: "disable",
      originalEnabled: false,
      status: "offline",
    });
    // Read and update address the device by the resolved asset id: one call each, no productKey lookup.
    const read = await deviceCalls(emulator, () => provider.read(created.id, created.outs as Props));
    expect(read.calls).toEqual(["get 200"]);
    expect(read.result).toEqual({ id: created.id, props: created.outs, inputs: withoutEngineKeys(inputs) });
    expect(emulator.requestLog().at(-1)?.query).toMatchObject({ assetId: "a-inverter-2" });
    const off = await checked({ productKey: "p-inverter", deviceKey: "inverter-2", enabled: false });
    const updated = await deviceCalls(emulator, () => provider.update(created.id, created.outs as Props, off));
    expect(updated.calls).toEqual(["disable 200", "get 200"]);
    expect(device(emulator, "a-inverter-2").enabled).toBe(false);
    const back = await checked({ productKey: "p-inverter", deviceKey: "inverter-2", enabled: true });
    await provider.update(created.id, updated.result.outs ?? {}, back);
    nextDeployment();
    const deleted = await deviceCalls(emulator, () => provider.delete(created.id, created.outs));
    expect(deleted.calls).toEqual(["disable 200"]);
    expect(device(emulator, "a-inverter-2").enabled).toBe(false);
  });

  it("leaves the device as it is on delete when restoreOnDelete is false", async () => {
    const created = await provider.create(
      await checked({ assetId: "a-turbine-8", enabled: false, restoreOnDelete: false }),
    );
    nextDeployment();
    const deleted = await deviceCalls(emulator, () => provider.delete(created.id, created.outs));
    expect(deleted.calls).toEqual([]);
    expect(device(emulator, "a-turbine-8").enabled).toBe(false);
  });

  it("treats a device already in the wanted state as success, on create and on update", async () => {
    const inputs = await checked({ assetId: "a-meter-1", enabled: true });
    const created = await deviceCalls(emulator, () => provider.create(inputs));
    expect(created.calls).toEqual(["get 200"]);
    expect(created.result.outs).toMatchObject({ originalStatus: "inactive", status: "inactive" });

    // The state says disabled (a console re-enabled it since, unrefreshed): enable answers 11794 "already", no error.
    const stale = { ...created.result.outs, enabled: false };
    const news = await checked({ assetId: "a-meter-1", enabled: true });
    const updated = await deviceCalls(emulator, () => provider.update(created.result.id, stale, news));
    expect(updated.calls).toEqual(["enable 200 11794", "get 200"]);
    expect(updated.result.outs).toMatchObject({ enabled: true, status: "inactive" });
  });

  it("updates restoreOnDelete alone without calling EnOS", async () => {
    const created = await provider.create(await checked({ assetId: "a-turbine-7", enabled: false }));
    const news = await checked({ assetId: "a-turbine-7", enabled: false, restoreOnDelete: false });
    const updated = await deviceCalls(emulator, () => provider.update(created.id, created.outs, news));
    expect(updated.calls).toEqual([]);
    expect(updated.result.outs).toEqual({ ...created.outs, restoreOnDelete: false });
    nextDeployment();
    const deleted = await deviceCalls(emulator, () => provider.delete(created.id, updated.result.outs ?? {}));
    expect(deleted.calls).toEqual([]); // restoreOnDelete: false leaves the device disabled
    expect(device(emulator, "a-turbine-7").enabled).toBe(false);
    await provider.update(
      created.id,
      updated.result.outs ?? {},
      await checked({ assetId: "a-turbine-7", enabled: true }),
    );
  });

  it("reports a device deleted out of band as gone, deletes it as a success and refuses to create on it", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const props = { orgId: ORG, assetId: "a-gone", enabled: false, resolvedAssetId: "a-gone", originalEnabled: true };
    try {
      expect(await provider.read(`${ORG}/a-gone`, props)).toEqual({});
      const warning = warn.mock.calls.join(" ");
      expect(warning).toContain(`DeviceEnablement '${ORG}/a-gone': device 'a-gone' no longer exists in OU '${ORG}'`);
      expect(warning).toContain("the next `pulumi up` fails until the device exists again");
      nextDeployment();
      await expect(provider.delete(`${ORG}/a-gone`, props)).resolves.toBeUndefined();
      await expect(provider.create(await checked({ assetId: "a-gone", enabled: true }))).rejects.toThrow(
        `DeviceEnablement create failed: device asset 'a-gone' does not exist in OU '${ORG}'`,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it("reads each device once however many concurrent reads ask for it", async () => {
    const props = (assetId: string) => ({ orgId: ORG, assetId, enabled: true, resolvedAssetId: assetId });
    const assets = ["a-turbine-7", "a-turbine-7", "a-turbine-7", "a-turbine-8", "a-turbine-8"];
    const { result, calls } = await deviceCalls(emulator, () =>
      Promise.all(assets.map((assetId) => provider.read(`${ORG}/${assetId}`, props(assetId)))),
    );
    expect(calls).toEqual(["get 200", "get 200"]);
    expect(result.map((r) => (r.props as Props | undefined)?.["status"])).toEqual([
      "online",
      "online",
      "online",
      "offline",
      "offline",
    ]);
  });

  it("retries a 429, re-authenticates after token expiry and recovers a dropped disable", async () => {
    emulator.faults.add({
      route: { path: "/connect-service/v2.1/devices", action: "get" },
      status: 429,
      retryAfter: 0,
    });
    emulator.faults.add({ route: { path: "/connect-service/v2.1/devices", action: "disable" }, kind: "expire-token" });
    const first = await deviceCalls(emulator, async () =>
      provider.create(await checked({ assetId: "a-turbine-7", enabled: false })),
    );
    expect(first.calls).toEqual(["get 429", "get 200", "disable 401 1203", "disable 200", "get 200"]);
    expect(first.result.outs).toMatchObject({ originalEnabled: true, status: "disable" });

    // The disable is applied but its response lost: the replay answers 11794 "already", i.e. done.
    emulator.faults.add({
      route: { path: "/connect-service/v2.1/devices", action: "disable" },
      kind: "commit-then-drop",
    });
    const second = await deviceCalls(emulator, async () =>
      provider.create(await checked({ assetId: "a-turbine-8", enabled: false })),
    );
    expect(second.calls).toEqual(["get 200", "disable 0", "disable 200 11794", "get 200"]);
    expect(device(emulator, "a-turbine-8").enabled).toBe(false);
  });

  it("records a partial create, with the original state, when the device did not change as asked", async () => {
    // The service claims the device is already disabled but leaves it online: verification catches it.
    emulator.faults.add({ route: { path: "/connect-service/v2.1/devices", action: "disable" }, code: 11794 });
    const inputs = await checked({ assetId: "a-turbine-7", enabled: false });
    const error = (await provider.create(inputs).catch((e: unknown) => e)) as Props;
    expect(error["id"]).toBe(`${ORG}/a-turbine-7`);
    expect(error["properties"]).toMatchObject({
      __provider: "serialized-shim",
      originalStatus: "online",
      originalEnabled: true,
    });
    expect(String(error["reasons"])).toContain(`device 'a-turbine-7' shows status "online" after it was disabled`);
  });
});

import type { Emulator } from "../../emulator";
import { DEMO, DEVICES, setup, type TestClient } from "./support";

type Device = Record<string, unknown> & { status: string };

describe("connect-service devices", () => {
  let emulator: Emulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await setup());
  });
  beforeEach(() => emulator.reset());
  afterAll(() => emulator.close());

  const device = (method: string, action: string, identity: Record<string, string> = { assetId: "a-turbine-7" }) =>
    client.call<Device | null>(method, DEVICES, { query: { action, orgId: DEMO.orgId, ...identity } });
  const status = async (assetId: string) => (await device("GET", "get", { assetId })).body.data?.status;

  it("gets a device by assetId with the documented v2.1 fields and envelope", async () => {
    const reply = await device("GET", "get");
    expect(reply.body).toMatchObject({ code: 0, msg: "OK", requestId: expect.any(String) });
    expect(Object.keys(reply.body.data ?? {}).sort()).toEqual(
      [
        "orgId",
        "assetId",
        "modelId",
        "modelIdPath",
        "productKey",
        "productName",
        "productType",
        "dataFormat",
        "deviceKey",
        "deviceName",
        "deviceSecret",
        "deviceDesc",
        "timezone",
        "deviceAttributes",
        "deviceTags",
        "createTime",
        "status",
        "activeTime",
        "lastOnlineTime",
        "lastOfflineTime",
        "measurepointLastUpdate",
        "eventLastUpdate",
        "attributeLastUpdate",
        "featureLastUpdate",
        "mirrorSource",
      ].sort(),
    );
    expect(reply.body.data).toMatchObject({
      measurepointLastUpdate: 1705600300000,
      featureLastUpdate: 1705100000000,
      mirrorSource: null,
      status: "online",
      productName: { defaultValue: "Wind Turbine", i18nValue: { zh_CN: "风机" } },
    });
  });

  it("defaults the last-update times and mirrorSource of a seeded device to null", async () => {
    const bare = await setup({
      seed: {
        organizations: [{ id: DEMO.orgId, name: "Tiny" }],
        serviceAccounts: [{ ...DEMO, id: "sa", name: "SA" }],
        devices: [{ orgId: DEMO.orgId, assetId: "a-bare", productKey: "p", deviceKey: "d" }],
      },
    });
    try {
      const query = { action: "get", orgId: DEMO.orgId, assetId: "a-bare" };
      const reply = await bare.client.call<Device>("GET", DEVICES, { query });
      expect(reply.body.data).toMatchObject({
        measurepointLastUpdate: null,
        eventLastUpdate: null,
        attributeLastUpdate: null,
        featureLastUpdate: null,
        mirrorSource: null,
      });
    } finally {
      await bare.emulator.close();
    }
  });

  it("gets a device by productKey + deviceKey", async () => {
    const reply = await device("GET", "get", { productKey: "p-turbine", deviceKey: "turbine-8" });
    expect(reply.body.data).toMatchObject({ assetId: "a-turbine-8", status: "offline" });
  });

  it("disables and re-enables a device, restoring its remembered connectivity", async () => {
    const disabled = await device("POST", "disable");
    expect(disabled.body).toMatchObject({ code: 0, msg: "OK", data: null });
    expect(await status("a-turbine-7")).toBe("disable");
    await device("POST", "enable");
    expect(await status("a-turbine-7")).toBe("online");
    await device("POST", "enable", { assetId: "a-inverter-2" });
    expect(await status("a-inverter-2")).toBe("offline");
  });

  it("accepts enable/disable sent as GET, as the official Python samples do", async () => {
    await device("GET", "disable", { assetId: "a-meter-1" });
    expect(await status("a-meter-1")).toBe("disable");
    await device("GET", "enable", { assetId: "a-meter-1" });
    expect(await status("a-meter-1")).toBe("inactive");
  });

  it("answers 11794 when enabling an enabled device or disabling a disabled one", async () => {
    expect((await device("POST", "enable")).body).toMatchObject({
      code: 11794,
      msg: "device status invalid",
      data: null,
    });
    const again = await device("POST", "disable", { assetId: "a-inverter-2" });
    expect(again.body.code).toBe(11794);
  });

  it("answers 11404 for an unknown device", async () => {
    const reply = await device("GET", "get", { assetId: "a-ghost" });
    expect(reply.body).toMatchObject({ code: 11404, data: null });
  });

  it("answers 99400 for a missing action, a missing orgId, an unknown OU or no device identity", async () => {
    const call = (query: Record<string, string>) => client.call("GET", DEVICES, { query });
    expect((await call({ orgId: DEMO.orgId, assetId: "a-turbine-7" })).body).toMatchObject({
      code: 99400,
      msg: "Invalid Argument action:action is missing",
    });
    expect((await call({ action: "get", assetId: "a-turbine-7" })).body.code).toBe(99400);
    expect((await call({ action: "get", orgId: "o-nope", assetId: "a-turbine-7" })).body).toMatchObject({
      code: 99400,
      msg: "Invalid Argument orgId:  orgId does not exist",
    });
    expect((await call({ action: "get", orgId: DEMO.orgId })).body.code).toBe(99400);
  });

  it("answers 99403 when the service account acts on another OU", async () => {
    const reply = await client.call("GET", DEVICES, { query: { action: "get", orgId: "o-other", assetId: "a-x" } });
    expect(reply.body).toMatchObject({ code: 99403, msg: "Denied resource: orgId o-other" });
  });
});

import { connectOk, createHarness, mockTokenGet, pathIs, type Harness } from "./helpers";

const DEVICES = "/connect-service/v2.1/devices";
const device = {
  orgId: "o1",
  assetId: "a1",
  productKey: "pk",
  deviceKey: "dk",
  deviceName: { defaultValue: "Turbine", i18nValue: { zh_CN: "风机" } },
  deviceSecret: "device-secret-99aa",
  status: "offline",
  timezone: "+08:00",
};

function record(h: Harness, method: string, reply: unknown) {
  const paths: string[] = [];
  h.pool.intercept({ path: pathIs(DEVICES), method }).reply(200, (opts) => {
    paths.push(opts.path);
    return reply as object;
  });
  return paths;
}

describe("connect device calls", () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
    mockTokenGet(h.pool);
  });
  afterEach(() => h.finish());

  it("gets a device by assetId, keeping extra fields but dropping the deviceSecret", async () => {
    const paths = record(h, "GET", connectOk(device));
    const got = await h.client.connect.getDevice("o1", { assetId: "a1" });
    expect(paths).toEqual([`${DEVICES}?action=get&orgId=o1&assetId=a1`]);
    expect(got).toMatchObject({ assetId: "a1", status: "offline", timezone: "+08:00", deviceName: device.deviceName });
    expect(got).not.toHaveProperty("deviceSecret");
  });

  it("gets a device by productKey and deviceKey", async () => {
    const paths = record(h, "GET", connectOk(device));
    await h.client.connect.getDevice("o1", { productKey: "pk", deviceKey: "dk" });
    expect(paths).toEqual([`${DEVICES}?action=get&orgId=o1&productKey=pk&deviceKey=dk`]);
  });

  it("maps a missing device (11404) to not-found", async () => {
    record(h, "GET", { code: 11404, msg: "device cannot be found", requestId: "r", data: null });
    await expect(h.client.connect.getDevice("o1", { assetId: "nope" })).rejects.toMatchObject({
      category: "not-found",
    });
  });

  it("enables with a POST and reports 'changed'", async () => {
    const paths = record(h, "POST", connectOk(null));
    await expect(h.client.connect.enableDevice("o1", { assetId: "a1" })).resolves.toBe("changed");
    expect(paths).toEqual([`${DEVICES}?action=enable&orgId=o1&assetId=a1`]);
  });

  it.each([11794, 11723])("reports 'already' when disable answers %d", async (code) => {
    record(h, "POST", { code, msg: "device status invalid", requestId: "r", data: null });
    await expect(h.client.connect.disableDevice("o1", { assetId: "a1" })).resolves.toBe("already");
  });

  it("still throws other errors from enable", async () => {
    record(h, "POST", { code: 99403, msg: "Denied resource", requestId: "r", data: null });
    await expect(h.client.connect.enableDevice("o1", { assetId: "a1" })).rejects.toMatchObject({
      category: "permission",
    });
  });
});

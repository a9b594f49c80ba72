import {
  blastRadiusViolations,
  DEVICE_BLAST_RADIUS,
  deviceBlastRadiusConfig,
  deviceBlastRadiusPolicy,
  PROTECTED_DEVICES,
  protectedDevicesConfig,
  protectedDevicesPolicy,
  protectedDeviceViolations,
} from "../../../policy";
import { resource, runResourcePolicy, runStackPolicy, subject } from "./fixtures";

const device = (name: string, enabled: boolean, ref: { assetId?: string; productKey?: string; deviceKey?: string }) =>
  subject(name, {
    orgId: "o-demo",
    assetId: ref.assetId,
    productKey: ref.productKey,
    deviceKey: ref.deviceKey,
    enabled,
    resolvedAssetId: undefined,
  });

describe("device blast radius (rule 4)", () => {
  it("allows up to maxDisabledDevices (default 5) disabled devices per stack", () => {
    const config = deviceBlastRadiusConfig.parse({});
    expect(config).toEqual({ maxDisabledDevices: 5 });
    const five = [1, 2, 3, 4, 5].map((n) => device(`d${n}`, false, { assetId: `a-${n}` }));
    expect(blastRadiusViolations([...five, device("on", true, { assetId: "a-on" })], config)).toEqual([]);
    const six = [...five, device("d6", false, { productKey: "p-meter", deviceKey: "m-9" })];
    expect(blastRadiusViolations(six, config)).toEqual([
      `this stack disables 6 devices, more than 5 (${DEVICE_BLAST_RADIUS}.maxDisabledDevices): a-1 ('d1'), ` +
        `a-2 ('d2'), a-3 ('d3'), a-4 ('d4'), a-5 ('d5'), p-meter/m-9 ('d6'); disable fewer devices per stack, or ` +
        `raise ${DEVICE_BLAST_RADIUS}.maxDisabledDevices in the policy pack config`,
    ]);
  });

  it("as a stack policy honours the configured limit", async () => {
    const stack = [
      resource("DeviceEnablement", "t7", { assetId: "a-turbine-7", enabled: false }),
      resource("DeviceEnablement", "t8", { assetId: "a-turbine-8", enabled: false }),
    ];
    expect(await runStackPolicy(deviceBlastRadiusPolicy(), stack)).toEqual([]);
    expect(await runStackPolicy(deviceBlastRadiusPolicy(), stack.slice(1), { maxDisabledDevices: 0 })).toEqual([
      [expect.stringContaining("this stack disables 1 device, more than 0 ("), undefined],
    ]);
    expect(await runStackPolicy(deviceBlastRadiusPolicy(), stack, { maxDisabledDevices: 1 })).toEqual([
      [expect.stringContaining("this stack disables 2 devices, more than 1"), undefined],
    ]);
  });
});

describe("protected devices (rule 4)", () => {
  const config = protectedDevicesConfig.parse({ neverDisable: ["a-turbine-7", "p-gw/gw-1"] });

  it("lists no device by default", () => {
    expect(protectedDevicesConfig.parse({})).toEqual({ neverDisable: [] });
  });

  it("refuses to disable a listed device, by asset id or productKey/deviceKey", () => {
    expect(protectedDeviceViolations(device("t7", false, { assetId: "a-turbine-7" }), config)).toEqual([
      `DeviceEnablement 't7' disables device a-turbine-7 in OU o-demo, which ${PROTECTED_DEVICES}.neverDisable ` +
        `lists as a-turbine-7; set enabled: true, or remove it from ${PROTECTED_DEVICES}.neverDisable in the ` +
        `policy pack config`,
    ]);
    expect(
      protectedDeviceViolations(device("gw", false, { productKey: "p-gw", deviceKey: "gw-1" }), config),
    ).toHaveLength(1);
  });

  it("allows enabling a listed device and disabling others", async () => {
    expect(protectedDeviceViolations(device("t7", true, { assetId: "a-turbine-7" }), config)).toEqual([]);
    expect(protectedDeviceViolations(device("t8", false, { assetId: "a-turbine-8" }), config)).toEqual([]);
    const t7 = resource("DeviceEnablement", "t7", { assetId: "a-turbine-7", enabled: false });
    expect(await runResourcePolicy(protectedDevicesPolicy(), t7)).toEqual([]);
    expect(await runResourcePolicy(protectedDevicesPolicy(), t7, { neverDisable: ["a-turbine-7"] })).toHaveLength(1);
  });
});

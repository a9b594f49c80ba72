import { checkInputs, deviceEnablementSchema } from "../../../provider/inputs";
import { expectFailure, expectInputs } from "./expect-check";

const check = (news: Record<string, unknown>) => checkInputs(deviceEnablementSchema, news, { orgId: "o-1" });

describe("checkDeviceEnablement rejects bad input, naming the property and the fix", () => {
  it.each([
    [
      "both assetId and productKey are set",
      { assetId: "a-1", productKey: "p", enabled: true },
      "assetId",
      ["not both"],
    ],
    ["assetId and deviceKey are set", { assetId: "a-1", deviceKey: "d", enabled: true }, "assetId", ["not both"]],
    [
      "productKey comes without deviceKey",
      { productKey: "p", enabled: true },
      "deviceKey",
      ["required with productKey"],
    ],
    [
      "deviceKey comes without productKey",
      { deviceKey: "d", enabled: true },
      "productKey",
      ["required with deviceKey"],
    ],
    ["no device is named", { enabled: true }, "assetId", ["not identified", "assetId, or by productKey and deviceKey"]],
    ["enabled is missing", { assetId: "a-1" }, "enabled", ["enabled is required: it must be true"]],
    ["enabled is a string", { assetId: "a-1", enabled: "yes" }, "enabled", ["must be true", "or false", 'got "yes"']],
    [
      "restoreOnDelete is a number",
      { assetId: "a-1", enabled: true, restoreOnDelete: 1 },
      "restoreOnDelete",
      ["got 1"],
    ],
    ["assetId is empty", { assetId: "", enabled: true }, "assetId", ["non-empty asset id"]],
    ["the status output is passed", { assetId: "a-1", enabled: true, status: "online" }, "status", ["is an output"]],
  ])("when %s", (_title, news, property, fragments) => {
    expectFailure(check(news), property, ...fragments);
  });
});

describe("checkDeviceEnablement normalises and applies defaults", () => {
  it("defaults restoreOnDelete to true and fills orgId", () => {
    expect(expectInputs(check({ assetId: "a-1", enabled: false }))).toEqual({
      orgId: "o-1",
      assetId: "a-1",
      enabled: false,
      restoreOnDelete: true,
    });
  });

  it("accepts productKey + deviceKey and an explicit restoreOnDelete: false", () => {
    const inputs = expectInputs(check({ productKey: "p", deviceKey: "d", enabled: true, restoreOnDelete: false }));
    expect(inputs).toEqual({ orgId: "o-1", productKey: "p", deviceKey: "d", enabled: true, restoreOnDelete: false });
  });

  it("replaces on every part of the device identity", () => {
    expect(deviceEnablementSchema.replaceOn).toEqual(["orgId", "assetId", "productKey", "deviceKey"]);
  });
});

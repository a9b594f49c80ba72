/**
 * The shims' entry point: it routes (kind, method, args) to the provider of that kind, and an update whose inputs
 * differ from the previous ones in `__provider` alone (the one-time update after a release changed the shim) returns
 * the stored outputs without calling the provider, hence without calling EnOS.
 */
import * as context from "../../provider/context";
import { dispatch } from "../../provider/dispatch";
import { ConfigError, resourceProviders } from "../../provider";
import { isShimOnlyUpdate, recordCheck, resetShimUpgrades } from "../../provider/shim-upgrade";

const OLD_SHIM = "exports.handler = require('pulumi-enos/provider') /* 0.1.0 */";
const NEW_SHIM = "exports.handler = require('pulumi-enos/dist/sdk/shims/device-enablement.js')";
const inputs = { orgId: "o-demo", assetId: "a-turbine-7", enabled: false, restoreOnDelete: true };
const outputs = { ...inputs, resolvedAssetId: "a-turbine-7", originalStatus: "online", status: "disable" };

beforeEach(() => resetShimUpgrades());
afterEach(() => jest.restoreAllMocks());

describe("recordCheck / isShimOnlyUpdate", () => {
  it("recognise inputs that changed in __provider alone, whatever the key order", () => {
    const reordered = { restoreOnDelete: true, enabled: false, assetId: "a-turbine-7", orgId: "o-demo" };
    recordCheck("DeviceEnablement", { ...inputs, __provider: OLD_SHIM }, { __provider: NEW_SHIM }, reordered);
    expect(isShimOnlyUpdate("DeviceEnablement", { ...inputs, __provider: NEW_SHIM })).toBe(true);
    expect(isShimOnlyUpdate("AppMenu", { ...inputs, __provider: NEW_SHIM })).toBe(false); // per kind
  });

  it("do not for changed inputs, for creates, or for an unchanged shim", () => {
    const changed = { ...inputs, enabled: true };
    recordCheck("DeviceEnablement", { ...inputs, __provider: OLD_SHIM }, { __provider: NEW_SHIM }, changed);
    expect(isShimOnlyUpdate("DeviceEnablement", changed)).toBe(false);
    recordCheck("DeviceEnablement", {}, { __provider: NEW_SHIM }, { ...inputs, orgId: "o-other" });
    expect(isShimOnlyUpdate("DeviceEnablement", { ...inputs, orgId: "o-other" })).toBe(false);
    recordCheck("DeviceEnablement", { ...inputs, __provider: NEW_SHIM }, { __provider: NEW_SHIM }, inputs);
    expect(isShimOnlyUpdate("DeviceEnablement", inputs)).toBe(false);
  });

  it("do not when another resource reached the same inputs by a real change", () => {
    recordCheck("DeviceEnablement", { ...inputs, __provider: OLD_SHIM }, { __provider: NEW_SHIM }, inputs);
    recordCheck(
      "DeviceEnablement",
      { ...inputs, enabled: true, __provider: OLD_SHIM },
      { __provider: NEW_SHIM },
      inputs,
    );
    expect(isShimOnlyUpdate("DeviceEnablement", inputs)).toBe(false);
  });
});

describe("dispatch", () => {
  // The credential check of the first `check` needs EnOS: test/provider/credentials.test.ts runs it for real.
  beforeEach(() => jest.spyOn(context, "proveCredentials").mockResolvedValue());

  it("skips the provider's update after a check that saw only the shim change, keeping the stored outputs", async () => {
    const update = jest.spyOn(resourceProviders.DeviceEnablement, "update");
    const check = await dispatch("DeviceEnablement", "check", [
      { ...inputs, __provider: OLD_SHIM },
      { ...inputs, __provider: NEW_SHIM },
    ]);
    expect(check.failures ?? []).toEqual([]);
    const result = await dispatch("DeviceEnablement", "update", [
      "o-demo/a-turbine-7",
      { ...outputs, __provider: OLD_SHIM },
      { ...(check.inputs as object), __provider: NEW_SHIM },
    ]);
    expect(result).toEqual({ outs: outputs });
    expect(update).not.toHaveBeenCalled();
  });

  it("runs the provider's update when an input changed", async () => {
    const update = jest.spyOn(resourceProviders.DeviceEnablement, "update").mockResolvedValue({ outs: { x: 1 } });
    const news = { ...inputs, enabled: true, __provider: NEW_SHIM };
    const check = await dispatch("DeviceEnablement", "check", [{ ...inputs, __provider: OLD_SHIM }, news]);
    const result = await dispatch("DeviceEnablement", "update", ["o-demo/a-turbine-7", outputs, check.inputs]);
    expect(result).toEqual({ outs: { x: 1 } });
    expect(update).toHaveBeenCalledTimes(1);
  });

  it("forwards every other method with its arguments", async () => {
    const read = jest.spyOn(resourceProviders.AppMenu, "read").mockResolvedValue({ id: "menu-1" });
    expect(await dispatch("AppMenu", "read", ["menu-1", { keyword: "dashboard" }])).toEqual({ id: "menu-1" });
    expect(read).toHaveBeenCalledWith("menu-1", { keyword: "dashboard" });
  });

  it("returns a failed credential check as a check failure, and rethrows what is not an EnOS error", async () => {
    jest.spyOn(context, "proveCredentials").mockRejectedValueOnce(new ConfigError("enos:apiUrl", "set it"));
    const news = { ...inputs, __provider: NEW_SHIM };
    expect(await dispatch("DeviceEnablement", "check", [{}, news])).toEqual({
      inputs: news,
      failures: [{ property: "", reason: 'EnOS setting "enos:apiUrl" is missing: set it' }],
    });
    jest.spyOn(context, "proveCredentials").mockRejectedValueOnce(new TypeError("a bug"));
    await expect(dispatch("DeviceEnablement", "check", [{}, news])).rejects.toThrow("a bug");
  });

  it("makes the host's stderr line of a failed read one pointer, keeping the message the engine reports", async () => {
    const failure = new Error("AppMenu read failed: GET /menus → HTTP 400 bad");
    jest.spyOn(resourceProviders.AppMenu, "read").mockRejectedValue(failure);
    const error = (await dispatch("AppMenu", "read", ["menu-1", {}]).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe("AppMenu read failed: GET /menus → HTTP 400 bad");
    // What cmd/dynamic-provider logs for read, diff and delete errors:
    expect(`${String(error)}: ${error.stack}`).toBe(
      "pulumi-enos: AppMenu read failed; the error is shown with the resource (ENOS_DEBUG=1 adds its stack trace)",
    );
  });

  it("keeps the stack trace of a bug, and of every error under ENOS_DEBUG=1", async () => {
    jest.spyOn(resourceProviders.AppMenu, "delete").mockRejectedValue(new Error("x", { cause: new TypeError("bug") }));
    const bug = (await dispatch("AppMenu", "delete", ["menu-1", {}]).catch((e: unknown) => e)) as Error;
    expect(bug.stack).toMatch(/^Error: x\n\s+at /);
    process.env["ENOS_DEBUG"] = "1";
    try {
      jest.spyOn(resourceProviders.AppMenu, "diff").mockRejectedValue(new Error("refused"));
      const debugged = (await dispatch("AppMenu", "diff", ["menu-1", {}, {}]).catch((e: unknown) => e)) as Error;
      expect(debugged.stack).toMatch(/^Error: refused\n\s+at /);
    } finally {
      delete process.env["ENOS_DEBUG"];
    }
  });

  it("fails for a kind this release does not serve, saying what to install", async () => {
    const call = dispatch("Dashboard" as never, "read", ["d-1", {}]);
    await expect(call).rejects.toThrow(
      "pulumi-enos has no resource kind 'Dashboard': this resource was written by a newer pulumi-enos; install that " +
        "release (or a later one) in the program's node_modules",
    );
  });
});

/**
 * The serialized shim forwards every method, with its arguments, to the installed `pulumi-enos/provider/dispatch`,
 * resolved at call time; each kind's shim module exports the object itself (what lets Pulumi's serializer write it
 * as one `require` when the package is installed: test/engine/packed-tarball.test.ts measures that).
 */
const dispatch = jest.fn(async (...args: unknown[]) => ({ forwarded: args }));
jest.mock("pulumi-enos/provider/dispatch", () => ({ dispatch }), { virtual: true });

import enosApp from "../../../sdk/shims/enos-app";
import deviceEnablement from "../../../sdk/shims/device-enablement";
import { createProviderShim } from "../../../sdk/provider-shim";

const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;

beforeEach(() => dispatch.mockClear());

test("every method forwards (kind, method, args) and returns what dispatch returns", async () => {
  const shim = createProviderShim("RoleAssignment");
  expect(Object.keys(shim).sort()).toEqual([...METHODS].sort());
  const args = ["o-demo/u-alice", { roleIds: ["r-viewer"] }, { roleIds: ["r-operator"] }];
  for (const method of METHODS) {
    const call = shim[method] as (...a: unknown[]) => Promise<unknown>;
    expect(await call(...args)).toEqual({ forwarded: ["RoleAssignment", method, args] });
  }
  expect(dispatch).toHaveBeenCalledTimes(METHODS.length);
});

test("each kind's module exports its shim object itself, for the kind it is named after", async () => {
  await enosApp.create({ keyword: "energy-mgmt" });
  await deviceEnablement.delete("o-demo/a-turbine-7", {});
  expect(dispatch.mock.calls.map((call) => call.slice(0, 2))).toEqual([
    ["EnosApp", "create"],
    ["DeviceEnablement", "delete"],
  ]);
  expect(Object.keys(enosApp).sort()).toEqual([...METHODS].sort());
});

test("the shim holds no state: nothing is resolved before a method runs", () => {
  createProviderShim("AppMenu");
  expect(dispatch).not.toHaveBeenCalled();
});

/**
 * DeviceEnablementArgs says what connect-service docs say: a device is named by `assetId` or by `productKey` plus
 * `deviceKey`, never both. The `@ts-expect-error` lines fail `npm run typecheck` if the type ever accepts a wrong
 * shape again; the test checks that the provider's `check` draws the same line for untyped (JavaScript) programs.
 */
import { resourceProviders } from "../../../provider";
import type { DeviceEnablementArgs } from "../../../sdk";

const byAssetId: DeviceEnablementArgs = { orgId: "o-demo", assetId: "a-turbine-7", enabled: false };
const byKeys: DeviceEnablementArgs = {
  orgId: "o-demo",
  productKey: "p-turbine",
  deviceKey: "turbine-7",
  enabled: true,
};

// @ts-expect-error both identities at once
const both: DeviceEnablementArgs = { orgId: "o-demo", assetId: "a-turbine-7", productKey: "p-turbine", enabled: true };
// @ts-expect-error a product key without its device key
const half: DeviceEnablementArgs = { orgId: "o-demo", productKey: "p-turbine", enabled: true };
// @ts-expect-error no identity at all
const none: DeviceEnablementArgs = { orgId: "o-demo", enabled: true };

const check = (args: DeviceEnablementArgs) => resourceProviders.DeviceEnablement.check({}, args);

test("check accepts both shapes the type allows", async () => {
  for (const args of [byAssetId, byKeys]) expect((await check(args)).failures ?? []).toEqual([]);
});

test("check refuses the shapes the type refuses, naming the identity inputs", async () => {
  for (const args of [both, half, none]) {
    const failures = (await check(args)).failures ?? [];
    expect(failures.map((f) => f.property)).toEqual([expect.stringMatching(/^(assetId|productKey|deviceKey)$/)]);
  }
});

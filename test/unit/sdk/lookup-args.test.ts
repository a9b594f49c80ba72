/**
 * The lookup argument types say what the lookups accept: one identity, and only the app-portal locales. The
 * `@ts-expect-error` lines fail `npm run typecheck` if a type ever accepts them; the test shows the runtime check
 * (for JavaScript programs) refuses the same arguments, naming the one at fault, before it needs any setting.
 */
import * as lookups from "../../../provider/lookups";
import type { AppLookupArgs, DeviceLookupArgs, Locale, NamedRefLookupArgs } from "../../../sdk";

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
export type LocalesMatch = [true] extends [Equal<Locale, (typeof lookups.LOCALES)[number]>] ? true : never;
export const localesMatch: LocalesMatch = true;

export const accepted: [NamedRefLookupArgs, NamedRefLookupArgs, AppLookupArgs, DeviceLookupArgs] = [
  { name: "Operator", locale: "zh_CN" },
  { id: "r-operator", orgId: "o-demo" },
  { keyword: "energy-mgmt" },
  { productKey: "p-turbine", deviceKey: "turbine-7" },
];

// @ts-expect-error not an app-portal locale
const french: NamedRefLookupArgs = { name: "Operator", locale: "fr_FR" };
// @ts-expect-error a name and an id at once
const nameAndId: NamedRefLookupArgs = { name: "Operator", id: "r-operator" };
// @ts-expect-error no identity
const noIdentity: NamedRefLookupArgs = { locale: "en_US" };
// @ts-expect-error an app by name and keyword at once
const appTwice: AppLookupArgs = { name: "Energy Management", keyword: "energy-mgmt" };
// @ts-expect-error a device by asset id and keys at once
const deviceTwice: DeviceLookupArgs = { assetId: "a-turbine-7", productKey: "p-turbine", deviceKey: "turbine-7" };

const unconfigured = { get: () => undefined };

async function refusedArgument(run: Promise<unknown>): Promise<string | undefined> {
  const error: unknown = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(lookups.LookupError.isInstance(error)).toBe(true);
  return (error as lookups.LookupError).argument;
}

test("the runtime check refuses what the types refuse, naming the argument", async () => {
  expect(await refusedArgument(lookups.getRole(unconfigured, french))).toBe("locale");
  expect(await refusedArgument(lookups.getRole(unconfigured, nameAndId))).toBe("name");
  expect(await refusedArgument(lookups.getUserGroup(unconfigured, noIdentity))).toBe("name");
  expect(await refusedArgument(lookups.getApp(unconfigured, appTwice))).toBe("name");
  expect(await refusedArgument(lookups.getDevice(unconfigured, deviceTwice))).toBe("assetId");
});

test("arguments the types accept get past the check, to the missing setting", async () => {
  const [role, byId, app, device] = accepted;
  for (const run of [
    lookups.getRole(unconfigured, role),
    lookups.getRole(unconfigured, byId),
    lookups.getApp(unconfigured, app),
    lookups.getDevice(unconfigured, device),
  ]) {
    expect(await refusedArgument(run)).toBe("enos:apiUrl");
  }
});

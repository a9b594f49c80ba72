/**
 * The sdk's lookups as a program calls them: promise forms reject with a Pulumi RunError (which the CLI prints as its
 * bare message, without stack or object dump), Output forms take Inputs and resolve to the object they name.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Emulator } from "../../emulator";
import * as enos from "../../sdk";
import { LookupError } from "../../provider/lookups";
import { SERVICE_ACCOUNT, startProviderEmulator, stopProviderEmulator } from "./support";

let emulator: Emulator;
const saved = { ...process.env };

beforeAll(async () => {
  emulator = await startProviderEmulator();
  // Outside a deployment the runtime has no stack config, so the lookups use the ENOS_* fallbacks.
  Object.assign(process.env, {
    ENOS_API_URL: emulator.url,
    ENOS_ACCESS_KEY: SERVICE_ACCOUNT.accessKey,
    ENOS_SECRET_KEY: SERVICE_ACCOUNT.secretKey,
    ENOS_ORG_ID: "o-demo",
  });
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
    "project",
    "stack",
    false,
  );
});

afterAll(async () => {
  process.env = saved;
  await stopProviderEmulator(emulator);
});

/** The value of an Output, once known. */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

test("a failed lookup rejects with a RunError carrying the lookup's message and cause", async () => {
  const error: unknown = await enos.getRole({ name: "Operater" }).catch((e: unknown) => e);
  expect(pulumi.RunError.isInstance(error)).toBe(true);
  expect((error as Error).message).toMatch(/^getRole failed: no role has name 'Operater' in OU o-demo/);
  expect(LookupError.isInstance((error as Error).cause)).toBe(true);
  expect((error as Error).message).not.toContain("demo-secret-key");
});

test("a listing with a bad argument rejects with a RunError naming the argument (issue 12's fr_FR case)", async () => {
  const args = { locale: "fr_FR" } as unknown as Parameters<typeof enos.getOrganizationRoles>[0];
  const error: unknown = await enos.getOrganizationRoles(args).catch((e: unknown) => e);
  expect(pulumi.RunError.isInstance(error)).toBe(true);
  expect((error as Error).message).toBe(
    'getOrganizationRoles failed: locale must be one of en_US, zh_CN, es_ES, ja_JP, de_DE, pl_PL; got "fr_FR"',
  );
});

test("Output forms resolve their Inputs first", async () => {
  const role = enos.getRoleOutput({ name: pulumi.output("Device Administrator") });
  expect(await valueOf(role.id)).toBe("r-device-admin");
  const group = enos.getUserGroupOutput({ id: Promise.resolve("g-eng"), locale: "zh_CN" });
  expect(await valueOf(group.name)).toBe("工程组");
  const device = enos.getDeviceOutput({ productKey: "p-turbine", deviceKey: pulumi.output("turbine-7") });
  expect(await valueOf(device.assetId)).toBe("a-turbine-7");
});

test("the listings keep their promise form", async () => {
  expect((await enos.getUserGroups()).map((g) => g.id)).toEqual(["g-ops", "g-eng", "g-field"]);
  expect(await enos.getApps()).toEqual([]);
});

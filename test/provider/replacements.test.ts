/**
 * A rename without `aliases`, or `pulumi up --replace`, makes the engine create the new resource and delete the old
 * one at the end of the same deployment (one provider process). When both point at the same EnOS object, the old
 * delete must not undo the new resource: no deleting an adopted app, no removing roles just granted, no "restoring"
 * a device the new resource has just set.
 */
import type { EngineProvider } from "../../provider/resources/kit/define-provider";
import type { Emulator } from "../../emulator";
import { deviceEnablementProvider } from "../../provider/resources/devices/device-enablement";
import { enosAppProvider } from "../../provider/resources/keyword/enos-app";
import { roleAssignmentProvider } from "../../provider/resources/grants/role-assignment";
import { checked, captureWarnings, PROVIDER_TEXT } from "./app-fixtures";
import { callsDuring, nextDeployment, ORG, startProviderEmulator, stopProviderEmulator } from "./support";

type Props = Record<string, unknown>;
type Provider = EngineProvider;

let emulator: Emulator;
let warnings: ReturnType<typeof captureWarnings>;

beforeAll(async () => {
  emulator = await startProviderEmulator();
});
afterAll(async () => stopProviderEmulator(emulator));
beforeEach(() => {
  emulator.reset();
  nextDeployment();
  warnings = captureWarnings();
});
afterEach(() => warnings.restore());

/** Deployment 1 creates the old resource; deployment 2 creates its replacement. Returns both. */
async function oldAndNew(provider: Provider, oldArgs: Props, newArgs: Props) {
  const old = await provider.create(await checked(provider, oldArgs));
  nextDeployment();
  const replacement = await provider.create(await checked(provider, newArgs));
  return { old: { id: old.id, props: { ...(old.outs as Props), __provider: PROVIDER_TEXT } }, replacement };
}

const rolesOf = (userId: string) =>
  emulator.state().roleGrants.find((g) => g.orgId === ORG && g.userId === userId)?.roleIds ?? [];

test("an app adopted by its renamed resource is not deleted with the old resource", async () => {
  const args = { name: "Energy", category: 101, keyword: "energy-mgmt" };
  const { old, replacement } = await oldAndNew(enosAppProvider, args, { ...args, adopt: true });
  expect(replacement.id).toBe(old.id);

  const remove = await callsDuring(emulator, () => enosAppProvider.delete(old.id, old.props));
  expect(remove.calls).toEqual([]);
  expect(emulator.state().apps.map((app) => app.id)).toEqual([old.id]);
  expect(warnings.messages().join("\n")).toContain(`EnosApp '${old.id}' is removed from the stack but left as it is`);

  nextDeployment(); // a later destroy of the new resource does delete it
  await enosAppProvider.delete(replacement.id, replacement.outs as Props);
  expect(emulator.state().apps).toEqual([]);
});

test("the old RoleAssignment's delete removes only the roles its replacement does not grant", async () => {
  const { old } = await oldAndNew(
    roleAssignmentProvider,
    { userId: "u-bob", roleIds: ["r-operator", "r-auditor"] },
    { userId: "u-bob", roleIds: ["r-operator"] },
  );
  expect(rolesOf("u-bob")).toEqual(expect.arrayContaining(["r-operator", "r-auditor"]));

  const remove = await callsDuring(emulator, () => roleAssignmentProvider.delete(old.id, old.props));
  expect(remove.calls.filter((call) => call.includes("removeRoles"))).toHaveLength(1);
  expect(emulator.requestLog().find((e) => e.path.endsWith("removeRoles"))).toBeDefined();
  expect(rolesOf("u-bob")).toContain("r-operator");
  expect(rolesOf("u-bob")).not.toContain("r-auditor");
  expect(warnings.messages().join("\n")).toContain(`leaving roles [r-operator] in place`);
});

test("the old RoleAssignment's delete makes no call when its replacement grants every role it managed", async () => {
  const args = { userId: "u-bob", roleIds: ["r-operator"] };
  const { old } = await oldAndNew(roleAssignmentProvider, args, args);
  const remove = await callsDuring(emulator, () => roleAssignmentProvider.delete(old.id, old.props));
  expect(remove.calls).toEqual([]);
  expect(rolesOf("u-bob")).toContain("r-operator");
});

test("a device taken over by a renamed DeviceEnablement is not restored by the old one's delete", async () => {
  const args = { assetId: "a-turbine-7", enabled: false };
  const { old } = await oldAndNew(deviceEnablementProvider, args, args);
  const remove = await callsDuring(emulator, () => deviceEnablementProvider.delete(old.id, old.props));
  expect(remove.calls).toEqual([]);
  expect(emulator.state().devices.find((d) => d.assetId === "a-turbine-7")?.enabled).toBe(false);
  const warning = warnings.messages().join("\n");
  expect(warning).toContain(`DeviceEnablement '${old.id}' is removed from the stack but left as it is in EnOS`);
  expect(warning).toContain("use `aliases` when renaming");
});

test("an object updated in this deployment is spared by another resource's delete, as one created is", async () => {
  const provider = deviceEnablementProvider;
  const old = await provider.create(await checked(provider, { assetId: "a-turbine-8", enabled: false }));
  const other = await provider.create(await checked(provider, { assetId: "a-turbine-8", enabled: false }));
  nextDeployment();
  const news = await checked(provider, { assetId: "a-turbine-8", enabled: false, restoreOnDelete: false });
  await provider.update(other.id, other.outs as Props, news);
  const remove = await callsDuring(emulator, () => provider.delete(old.id, old.outs as Props));
  expect(remove.calls).toEqual([]);
  expect(emulator.state().devices.find((d) => d.assetId === "a-turbine-8")?.enabled).toBe(false);
});

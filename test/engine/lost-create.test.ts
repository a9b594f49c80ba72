import * as path from "node:path";
import { createEngineStack, expectOk, type Deployment, type EngineStack } from "./harness";

// Issue 11 through the real engine: an app create whose answer is dropped after the commit while every lookup fails
// is confirmed neither way. The first `up` fails but records the app under its stand-in id, never an orphan; the
// next `up` (nothing else changed) takes the app EnOS holds under the real id and creates the menu of it; a third
// `up` has nothing to do, and `destroy` leaves EnOS as seeded.
jest.setTimeout(300_000);

const APPS = "/enos-app-service/v2.5/apps";
let stack: EngineStack;

beforeAll(async () => {
  stack = await createEngineStack({ project: path.join(__dirname, "programs", "lost-create") });
  stack.config = { "enos:maxRetries": "1" };
});
afterAll(async () => {
  await stack?.close();
});

/** The id and init errors of each dynamic resource in an exported state, by resource name. */
function stateIds(deployment: Deployment | undefined): Record<string, { id: unknown; initErrors: unknown }> {
  const entries = (deployment?.deployment.resources ?? [])
    .filter((r) => String(r["type"]).includes("dynamic"))
    .map((r) => [String(r["urn"]).split("::").pop() ?? "", { id: r["id"], initErrors: r["initErrors"] }] as const);
  return Object.fromEntries(entries);
}

test("a create confirmed neither way is recorded, then resolved by keyword on the next up", async () => {
  stack.emulator.faults.add({ route: { method: "POST", path: APPS }, kind: "commit-then-drop" });
  stack.emulator.faults.add({ route: { method: "GET", path: `${APPS}/list` }, status: 503, probability: 1 });
  const [failed, exported] = await stack.run({ op: "up" });
  expect(failed?.ok).toBe(false);
  expect(`${failed?.stdout ?? ""}${failed?.stderr ?? ""}`).toContain("recorded in the stack as unconfirmed");
  stack.emulator.faults.clear();
  expect(exported).toBeUndefined(); // run stops at the failed up
  const [afterFailure] = await stack.run({ op: "export" });
  const recorded = stateIds(afterFailure?.deployment);
  expect(recorded["energy"]).toMatchObject({ id: "unconfirmed-create:energy-mgmt" });
  expect(recorded["dashboard"]).toBeUndefined();
  const apps = stack.emulator.state().apps;
  expect(apps.map((app) => app.keyword)).toEqual(["energy-mgmt"]);

  const [up] = await stack.run({ op: "up" });
  expectOk([up!]);
  expect(up?.outputs?.["appId"]?.value).toBe(apps[0]?.id);
  const [resolved] = await stack.run({ op: "export" });
  expect(stateIds(resolved?.deployment)["energy"]).toEqual({ id: apps[0]?.id, initErrors: undefined });
  expect(stack.emulator.state().apps.map((app) => app.id)).toEqual([apps[0]?.id]);
  expect(stack.emulator.state().menus.map((menu) => menu.appId)).toEqual([apps[0]?.id]);

  expectOk(await stack.run({ op: "up", expectNoChanges: true }));
  expectOk(await stack.run({ op: "destroy" }));
  expect(stack.emulator.state().apps).toEqual([]);
  expect(stack.emulator.state().menus).toEqual([]);
});

test("against legacy app-service codes, a destroy after the app was deleted in the console succeeds", async () => {
  const legacy = await createEngineStack({
    project: path.join(__dirname, "programs", "lost-create"),
    emulator: { appServiceCodes: "legacy" },
  });
  try {
    expectOk(await legacy.run({ op: "up" }));
    const [app] = legacy.emulator.state().apps;
    legacy.emulator.mutate({ type: "delete-app", appId: app?.id ?? "" });
    legacy.emulator.clearRequestLog();
    expectOk(await legacy.run({ op: "destroy" }));
    const deletes = legacy.emulator.requestLog().filter((entry) => entry.method === "DELETE");
    // Both objects were already gone: EnOS answered each delete with the legacy not-found code.
    expect(deletes.map((entry) => entry.code)).toEqual([404, 404]);
    const [state] = await legacy.run({ op: "export" });
    expect(state?.deployment?.deployment.resources ?? []).toEqual([]);
  } finally {
    await legacy.close();
  }
});

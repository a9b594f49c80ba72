import { clientFor, resetClient } from "../../provider/context";
import type { EnosAppInputs } from "../../provider/inputs";
import { appWrite, enosAppProvider as provider } from "../../provider/resources/keyword/enos-app";
import {
  APP_SERVICE_CODES,
  notFoundCode,
  useAppEmulator,
  checked,
  createApp,
  PROVIDER_TEXT,
  thrown,
  waitFor,
  withoutProvider,
} from "./app-fixtures";
import { callsDuring, nextDeployment, ORG } from "./support";

const APPS = "/enos-app-service/v2.5/apps";
const LIST = `GET ${APPS}/list`;

describe.each(APP_SERVICE_CODES)("%s app-service codes", (codes) => {
  const env = useAppEmulator({ appServiceCodes: codes });

  const baseArgs = { name: "Energy Management", category: 101, keyword: "energy-mgmt", url: "https://example.com/app" };

  describe("EnosApp lifecycle", () => {
    test("check fills the default OU, normalises name and type, and names a bad keyword", async () => {
      const inputs = await checked(provider, { ...baseArgs, name: { default: "E", "zh-CN": "能源" } });
      expect(inputs).toMatchObject({ orgId: ORG, name: { default: "E", zh_CN: "能源" }, type: "web", adopt: false });
      const bad = await provider.check({}, { ...baseArgs, keyword: "has space" });
      expect(bad.failures?.map((f) => f.property)).toEqual(["keyword"]);
    });

    test("create, read, update, replace-diff and delete each make exactly the expected EnOS calls", async () => {
      const before = env.emulator.state().apps;
      const inputs = await checked(provider, { ...baseArgs, type: "mobile", description: "Meters" });

      const create = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(create.calls).toEqual([`POST ${APPS}`]);
      const { id } = create.result;
      const outs = create.result.outs as Record<string, unknown>;
      const live = env.emulator.state().apps.find((app) => app.id === id);
      expect(live).toMatchObject({
        keyword: "energy-mgmt",
        type: 1,
        categoryId: 101,
        name: { default: "Energy Management" },
      });
      expect(outs).toMatchObject({
        ...withoutProvider(inputs),
        accessKey: live?.accessKey,
        secretKey: live?.secretKey,
      });
      expect(outs).toMatchObject({ organizationName: "Demo OU", status: 2, categoryName: { en_US: "Storage" } });
      expect(outs).not.toHaveProperty("__provider");

      const read = await callsDuring(env.emulator, () => provider.read(id, outs));
      expect(read.calls).toEqual([LIST]);
      expect(read.result).toEqual({ id, props: outs, inputs: withoutProvider(inputs) });

      const news = await checked(provider, { ...baseArgs, type: "mobile", name: "Energy Mgmt 2" });
      const update = await callsDuring(env.emulator, () => provider.update(id, outs, news));
      expect(update.calls).toEqual([`PUT ${APPS}`]);
      expect(env.emulator.state().apps.find((app) => app.id === id)).toMatchObject({
        name: { default: "Energy Mgmt 2" },
      });
      const updated = update.result.outs as Record<string, unknown>;
      expect(updated).toMatchObject({ name: { default: "Energy Mgmt 2" }, secretKey: outs["secretKey"] });
      expect(updated).not.toHaveProperty("description");

      expect(await provider.diff(id, updated, news)).toEqual({});
      const moved = await checked(provider, { ...baseArgs, orgId: "o-other" });
      expect(await provider.diff(id, updated, moved)).toEqual({ replaces: ["orgId"] });

      nextDeployment();
      const remove = await callsDuring(env.emulator, () => provider.delete(id, updated));
      expect(remove.calls).toEqual([`DELETE ${APPS}`]);
      expect(env.emulator.state().apps).toEqual(before);
    });

    test("an update that changes only adopt writes nothing to EnOS and keeps the computed outputs", async () => {
      const { created, outs } = await createApp({ ...baseArgs, adopt: true });
      const news = await checked(provider, baseArgs);
      const update = await callsDuring(env.emulator, () => provider.update(created.id, outs, news));
      expect(update.calls).toEqual([]);
      expect(update.result.outs).toEqual({ ...outs, adopt: false });
    });

    test("an unknown category, which check cannot know, fails the create naming the input to fix", async () => {
      const inputs = await checked(provider, { ...baseArgs, category: 999 });
      const error = await thrown(() => provider.create(inputs));
      expect(error.message).toContain(`${notFoundCode(codes)} category.not.exist`);
      expect(error.message).toContain(`check \`category\` (999: it must be an application category of OU ${ORG})`);
      expect(env.emulator.state().apps).toEqual([]);
    });

    test("an out-of-band rename shows up in read's props and inputs", async () => {
      const { created, outs } = await createApp(baseArgs);
      env.emulator.mutate({ type: "rename-app", appId: created.id, name: { default: "Renamed", zh_CN: "改名" } });
      const { result: read, calls } = await callsDuring(env.emulator, () => provider.read(created.id, outs));
      expect(calls).toEqual([LIST]);
      expect(read.props).toMatchObject({ name: { default: "Renamed", zh_CN: "改名" }, secretKey: outs["secretKey"] });
      expect(read.inputs).toMatchObject({ name: { default: "Renamed", zh_CN: "改名" }, url: baseArgs.url });
    });

    test("an app deleted out of band stays in the stack marked, and the next check refuses to recreate it", async () => {
      const { created, inputs, outs } = await createApp(baseArgs);
      env.emulator.mutate({ type: "delete-app", appId: created.id });
      const read = await provider.read(created.id, { ...outs, __provider: PROVIDER_TEXT });
      expect(read).toEqual({
        id: created.id,
        props: { ...outs, __vanished: created.id },
        inputs: { ...withoutProvider(inputs), __vanished: created.id },
      });
      expect(env.warnings().join("\n")).toMatch(
        new RegExp(
          `EnosApp '${created.id}'( \\(keyword 'energy-mgmt'\\))? was deleted outside Pulumi \\(no app with this id`,
        ),
      );
      expect(env.warnings().join("\n")).toContain("it stays in the stack marked as deleted");

      // The next up: check gets the recorded inputs as olds.
      const olds = { ...(read.inputs as Record<string, unknown>), __provider: PROVIDER_TEXT };
      const refused = await provider.check(olds, { ...baseArgs, __provider: PROVIDER_TEXT });
      expect(refused.failures).toEqual([
        {
          property: "recreateIfDeleted",
          reason:
            `app '${created.id}', keyword 'energy-mgmt' of OU o-demo was deleted outside Pulumi (a refresh found it ` +
            "gone); creating it again makes a new app with a new id and new accessKey and secretKey, and every " +
            "client using the old keys stops working: set `recreateIfDeleted: true` to create it again, or remove " +
            "this EnosApp from the program to drop it from the stack",
        },
      ]);
      const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
      expect(await provider.check(olds, { ...baseArgs, recreateIfDeleted: unknown })).not.toHaveProperty("failures");

      // Allowed: a replacement (a new app, then the delete of the gone one, which succeeds).
      const allowed = await provider.check(olds, { ...baseArgs, recreateIfDeleted: true, __provider: PROVIDER_TEXT });
      expect(allowed.failures).toBeUndefined();
      const news = allowed.inputs as Record<string, unknown>;
      expect(news).not.toHaveProperty("__vanished");
      expect(await provider.diff(created.id, read.props as Record<string, unknown>, news)).toEqual({
        replaces: ["__vanished"],
      });
      const replacement = await provider.create(news);
      expect(replacement.id).not.toBe(created.id);
      expect(replacement.outs).toMatchObject({ recreateIfDeleted: true, keyword: "energy-mgmt" });
      nextDeployment();
      const remove = await callsDuring(env.emulator, () => provider.delete(created.id, read.props as never));
      expect(remove.calls).toEqual([`DELETE ${APPS}`]);
      expect(env.emulator.requestLog().at(-1)?.code).toBe(notFoundCode(codes));
      expect(env.emulator.state().apps.map((app) => app.id)).toEqual([replacement.id]);
    });

    test("a second refresh of a vanished app keeps the marker; an app that is there again drops it", async () => {
      const { created, outs } = await createApp(baseArgs);
      env.emulator.mutate({ type: "delete-app", appId: created.id });
      const first = await provider.read(created.id, outs);
      expect(first.props).toHaveProperty("__vanished", created.id);
      nextDeployment();
      expect(await provider.read(created.id, first.props as Record<string, unknown>)).toEqual(first);
      const marked = { ...outs, __vanished: "app-elsewhere" };
      const other = await createApp({ ...baseArgs, keyword: "other" });
      nextDeployment();
      const back = await provider.read(other.created.id, { ...marked, ...other.outs });
      expect(back.props).toMatchObject({ keyword: "other" });
      expect(back.props).not.toHaveProperty("__vanished");
    });

    test("20 concurrent reads of apps in one OU cost one list call, also after the client is rebuilt", async () => {
      const apps = await Promise.all(
        Array.from({ length: 20 }, (_, i) => createApp({ ...baseArgs, keyword: `app-${i}`, name: `App ${i}` })),
      );
      const readAll = () => Promise.all(apps.map(({ created, outs }) => provider.read(created.id, outs)));
      const reads = await callsDuring(env.emulator, readAll);
      expect(reads.calls).toEqual([LIST]);
      expect(reads.result.map((r) => r.id)).toEqual(apps.map((a) => a.created.id));
      // A closed client must not keep serving the loader: the next reads go through the new one.
      await resetClient();
      expect((await callsDuring(env.emulator, readAll)).calls).toEqual([LIST]);
    });
  });

  describe("EnosApp keyword duplicates and adoption", () => {
    test("a duplicate keyword without adopt fails naming the keyword, the OU, the existing id and adopt: true", async () => {
      const first = await createApp(baseArgs);
      const inputs = await checked(provider, { ...baseArgs, name: "Other" });
      env.emulator.clearRequestLog();
      const error = await thrown(() => provider.create(inputs));
      expect(error.message).toContain("EnosApp create failed");
      for (const part of ["'energy-mgmt'", `OU ${ORG}`, `'${first.created.id}'`, "adopt: true"]) {
        expect(error.message).toContain(part);
      }
      expect(error.message).not.toContain(String(first.outs["secretKey"]));
      expect(env.emulator.requestLog().map((e) => `${e.method} ${e.path}`)).toEqual([`POST ${APPS}`, LIST]);
      expect(env.emulator.state().apps).toHaveLength(1);
    });

    test("adopt takes over a differing app with one list and one PUT, and warns", async () => {
      const first = await createApp(baseArgs);
      const inputs = await checked(provider, { ...baseArgs, name: "Adopted", adopt: true });
      const adopt = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(adopt.calls).toEqual([`POST ${APPS}`, LIST, `PUT ${APPS}`]);
      expect(adopt.result.id).toBe(first.created.id);
      expect(adopt.result.outs).toMatchObject({
        name: { default: "Adopted" },
        adopt: true,
        secretKey: first.outs["secretKey"],
      });
      expect(env.emulator.state().apps).toEqual([expect.objectContaining({ name: { default: "Adopted" } })]);
      expect(env.warnings().join("\n")).toMatch(/adopting the existing app '.+' with keyword 'energy-mgmt'/);
    });

    test("adopt of an app that already matches writes nothing", async () => {
      const first = await createApp(baseArgs);
      const inputs = await checked(provider, { ...baseArgs, adopt: true });
      const adopt = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(adopt.calls).toEqual([`POST ${APPS}`, LIST]);
      expect(adopt.result.id).toBe(first.created.id);
    });

    test("a failed adopt-update records the app as a partial create with its id, never its secret in the message", async () => {
      const first = await createApp(baseArgs);
      const inputs = await checked(provider, { ...baseArgs, name: "Adopted", adopt: true });
      env.emulator.faults.add({ route: { method: "PUT", path: APPS }, code: 31403 });
      const error = await thrown(() => provider.create(inputs));
      expect(error["id"]).toBe(first.created.id);
      expect(error["properties"]).toMatchObject({ __provider: PROVIDER_TEXT, orgId: ORG, adopt: true });
      expect(error["properties"]).toMatchObject({
        name: { default: "Energy Management" },
        accessKey: first.outs["accessKey"],
      });
      expect(error.message).toMatch(/^EnosApp create failed: adopted the existing app/);
      expect(error.message).not.toContain(String(first.outs["secretKey"]));
    });
  });

  describe("EnosApp under faults", () => {
    test("a create whose response is dropped after the commit is found by keyword, not repeated", async () => {
      const inputs = await checked(provider, baseArgs);
      env.emulator.faults.add({ route: { method: "POST", path: APPS }, kind: "commit-then-drop" });
      const create = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(create.calls).toEqual([`POST ${APPS}`, LIST]);
      const apps = env.emulator.state().apps;
      expect(apps).toHaveLength(1);
      expect(create.result).toMatchObject({ id: apps[0]?.id, outs: { secretKey: apps[0]?.secretKey } });
      expect(env.warnings().join("\n")).toContain("took it as the one created");
    });

    test("a create refused by the gateway (503) is looked up, then sent once more", async () => {
      const inputs = await checked(provider, baseArgs);
      env.emulator.faults.add({ route: { method: "POST", path: APPS }, status: 503 });
      const create = await callsDuring(env.emulator, () => provider.create(inputs));
      expect(create.calls).toEqual([`POST ${APPS}`, LIST, `POST ${APPS}`]);
      expect(env.emulator.state().apps.map((app) => app.id)).toEqual([create.result.id]);
    });

    test("a lost create that commits late is recognised when its resend is refused as a duplicate", async () => {
      const inputs = await checked(provider, baseArgs);
      env.emulator.faults.add({ route: { method: "POST", path: APPS }, kind: "reset" });
      env.emulator.faults.add({ route: { method: "POST", path: APPS }, latencyMs: 600 });
      env.emulator.clearRequestLog();
      const creating = provider.create(inputs);
      // Once the resend is held in the latency fault, the first request's late commit lands (made here directly).
      await waitFor(() => env.emulator.faults.list().length === 0);
      const late = await clientFor().appService.createApp(ORG, appWrite(inputs as EnosAppInputs));
      expect((await creating).id).toBe(late.id);
      const log = env.emulator.requestLog().map((e) => `${e.method} ${e.path} ${e.status}/${e.code ?? "-"}`);
      expect(log.filter((line) => !line.includes("token"))).toEqual([
        `POST ${APPS} 0/-`,
        `${LIST} 200/0`,
        `POST ${APPS} 200/0`,
        `POST ${APPS} 200/${codes === "legacy" ? 408 : 31408}`,
        `${LIST} 200/0`,
      ]);
      expect(env.emulator.state().apps).toHaveLength(1);
    });

    test("a 429 with Retry-After: 0 on the list is retried once", async () => {
      const { created, outs } = await createApp(baseArgs);
      env.emulator.faults.add({ route: { path: `${APPS}/list` }, status: 429, retryAfter: 0 });
      const read = await callsDuring(env.emulator, () => provider.read(created.id, outs));
      expect(read.calls).toEqual([LIST, LIST]);
      expect(read.result.id).toBe(created.id);
    });

    test("a token that expires mid-lifecycle is renewed and the update replayed once", async () => {
      const { created, outs } = await createApp(baseArgs);
      const news = await checked(provider, { ...baseArgs, name: "After expiry" });
      env.emulator.faults.add({ route: { method: "PUT", path: APPS }, kind: "expire-token" });
      env.emulator.clearRequestLog();
      await provider.update(created.id, outs, news);
      const log = env.emulator.requestLog().map((e) => `${e.method} ${e.path} ${e.code ?? ""}`.trim());
      expect(log.filter((line) => line.startsWith("PUT"))).toEqual([`PUT ${APPS} 1203`, `PUT ${APPS} 0`]);
      expect(log.some((line) => line.startsWith("POST /apim-token-service/"))).toBe(true);
      expect(env.emulator.state().apps[0]?.name).toEqual({ default: "After expiry" });
    });

    test("a failing update reports EnOS's answer without the secretKey, and a vanished app's says how to recover", async () => {
      const { created, outs } = await createApp(baseArgs);
      const news = await checked(provider, { ...baseArgs, name: "Nope" });
      env.emulator.faults.add({ route: { method: "PUT", path: APPS }, code: 31400 });
      const refused = await thrown(() => provider.update(created.id, outs, news));
      expect(refused.message).toMatch(/^EnosApp update failed: PUT \/enos-app-service\/v2.5\/apps → 31400/);
      expect(refused.message).not.toContain(String(outs["secretKey"]));

      env.emulator.mutate({ type: "delete-app", appId: created.id });
      const gone = await thrown(() => provider.update(created.id, outs, news));
      expect(gone.message).toMatch(
        new RegExp(
          `→ ${notFoundCode(codes)} app.not.exist.*run \`pulumi refresh\`: it marks the app as deleted.*recreateIfDeleted: true`,
        ),
      );
      expect(gone.message).not.toContain(String(outs["secretKey"]));
    });
  });
});

/**
 * The lookups against the emulator: singular lookups by name or id find exactly one object, or fail naming the
 * closest candidates; every failure is "<lookup> failed: ..." naming the argument or setting, never an object dump.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator, SeedData } from "../../emulator";
import type { ConfigSource } from "../../provider/config";
import { clientFor } from "../../provider/context";
import * as lookups from "../../provider/lookups";
import { apiCalls, ORG, SERVICE_ACCOUNT, startProviderEmulator, stopProviderEmulator } from "./support";

// The bundled seed (whose r-other-admin belongs to another OU) plus a second "Operator" role: EnOS does not make role
// names unique.
const bundled = JSON.parse(fs.readFileSync(path.join(__dirname, "../../emulator/seed.json"), "utf8")) as SeedData;
const seed: SeedData = {
  ...bundled,
  roles: [
    ...(bundled.roles ?? []),
    { id: "r-operator-night", orgId: ORG, name: { en_US: "Operator", zh_CN: "夜班运维人员" } },
  ],
};

let emulator: Emulator;
let config: ConfigSource;

beforeAll(async () => {
  emulator = await startProviderEmulator({ seed });
  const settings: Record<string, string> = {
    "enos:apiUrl": emulator.url,
    "enos:accessKey": SERVICE_ACCOUNT.accessKey,
    "enos:secretKey": SERVICE_ACCOUNT.secretKey,
    "enos:orgId": ORG,
  };
  config = { get: (key) => settings[key] };
  const client = clientFor();
  for (const [keyword, name] of [
    ["energy-mgmt", { default: "Energy Management", zh_CN: "能源管理" }],
    ["energy-mgmt-eu", { default: "Energy Management" }],
    ["alarms", { default: "Alarm Center" }],
  ] as const) {
    await client.appService.createApp(ORG, { name, category: 101, type: 0, keyword });
  }
});

afterAll(async () => stopProviderEmulator(emulator));

/** The message a rejected lookup carries, asserting it is a LookupError. */
async function failure(promise: Promise<unknown>): Promise<lookups.LookupError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(lookups.LookupError.isInstance(error)).toBe(true);
  return error as lookups.LookupError;
}

describe("getRole", () => {
  it("finds a role by name and by id", async () => {
    expect(await lookups.getRole(config, { name: "Device Administrator" })).toEqual({
      id: "r-device-admin",
      name: "Device Administrator",
    });
    expect(await lookups.getRole(config, { id: "r-viewer" })).toEqual({ id: "r-viewer", name: "Viewer" });
  });

  it("matches names in the requested locale", async () => {
    expect((await lookups.getRole(config, { name: "设备管理员", locale: "zh_CN" })).id).toBe("r-device-admin");
  });

  it("fails for a name no role has, naming the closest names and how to match another language", async () => {
    const error = await failure(lookups.getRole(config, { name: "Device Admin" }));
    expect(error.message).toBe(
      "getRole failed: no role has name 'Device Admin' in OU o-demo (names in en_US); closest of 6: " +
        "'Device Administrator' (r-device-admin), 'Viewer' (r-viewer), 'Operator' (r-operator); " +
        "pass `locale` to match names in another language",
    );
    expect(error.argument).toBe("name");
  });

  it("fails when several roles have the name, listing them and pointing at `id`", async () => {
    const error = await failure(lookups.getRole(config, { name: "Operator" }));
    expect(error.message).toBe(
      "getRole failed: 2 roles have name 'Operator' in OU o-demo (names in en_US): 'Operator' (r-operator), " +
        "'Operator' (r-operator-night); look it up by `id` instead",
    );
  });

  it("fails for an id of another OU, naming the closest ids", async () => {
    const error = await failure(lookups.getRole(config, { id: "r-other-admin" }));
    expect(error.message).toMatch(/^getRole failed: no role has id 'r-other-admin' in OU o-demo; closest of 6: /);
    expect(error.message).toContain("(r-org-admin)");
  });

  it("refuses bad arguments before any EnOS call, naming the argument", async () => {
    emulator.clearRequestLog();
    const cases: Array<[unknown, string, string]> = [
      [{ name: "Viewer", locale: "fr_FR" }, "locale", "locale must be one of en_US, zh_CN, es_ES, ja_JP, de_DE, pl_PL"],
      [{}, "name", "say which one: give `name` or `id`"],
      [{ name: "Viewer", id: "r-viewer" }, "name", "`name` and `id` are both given"],
      [{ name: " " }, "name", 'name must be a non-empty string; got " "'],
      [{ nmae: "Viewer" }, "nmae", "unknown argument 'nmae' (arguments: orgId, locale, name, id)"],
      [{ id: 7 }, "id", "id must be a non-empty string; got 7"],
    ];
    for (const [args, argument, text] of cases) {
      const error = await failure(lookups.getRole(config, args as lookups.NamedRefArgs));
      expect(error.argument).toBe(argument);
      expect(error.message).toContain(`getRole failed: ${text}`);
    }
    expect(apiCalls(emulator.requestLog())).toEqual([]);
  });

  it("lists the OU's roles once per locale for any number of lookups", async () => {
    const fresh = { get: (key: string) => (key === "enos:maxRetries" ? "1" : config.get(key)) }; // a new client
    emulator.clearRequestLog();
    await Promise.all(["Viewer", "Auditor"].map((name) => lookups.getRole(fresh, { name })));
    await lookups.getRole(fresh, { id: "r-viewer" });
    await lookups.getRole(fresh, { name: "访客", locale: "zh_CN" });
    const lists = apiCalls(emulator.requestLog()).filter((call) => call.endsWith("/organization/role/list"));
    expect(lists).toHaveLength(2);
  });
});

describe("getUserGroup", () => {
  it("finds a group by name or id, and names the closest ones otherwise", async () => {
    expect(await lookups.getUserGroup(config, { name: "Operations" })).toEqual({ id: "g-ops", name: "Operations" });
    expect((await lookups.getUserGroup(config, { id: "g-field" })).name).toBe("Field Service");
    const error = await failure(lookups.getUserGroup(config, { name: "Engineers" }));
    expect(error.message).toMatch(/^getUserGroup failed: no user group has name 'Engineers' in OU o-demo/);
    expect(error.message).toContain("closest: 'Engineering' (g-eng)"); // all three groups, nearest first
  });
});

describe("getApp", () => {
  it("finds an app by keyword, id, or name in any of its languages, without its secret key", async () => {
    const byKeyword = await lookups.getApp(config, { keyword: "alarms" });
    expect(byKeyword).toMatchObject({ keyword: "alarms", name: { default: "Alarm Center" } });
    expect(byKeyword).not.toHaveProperty("secretKey");
    expect((await lookups.getApp(config, { id: byKeyword.id })).keyword).toBe("alarms");
    expect((await lookups.getApp(config, { name: "能源管理" })).keyword).toBe("energy-mgmt");
  });

  it("fails when two apps share a name, naming both with their keywords", async () => {
    const error = await failure(lookups.getApp(config, { name: "Energy Management" }));
    expect(error.message).toMatch(
      /^getApp failed: 2 apps have name 'Energy Management' in OU o-demo: 'Energy Management' \(app-\d+, keyword energy-mgmt\), 'Energy Management' \(app-\d+, keyword energy-mgmt-eu\); look it up by `id` instead$/,
    );
  });

  it("fails for an unknown keyword, naming the closest", async () => {
    const error = await failure(lookups.getApp(config, { keyword: "alarm" }));
    expect(error.message).toMatch(/^getApp failed: no app has keyword 'alarm' in OU o-demo; closest: 'Alarm Center'/);
  });
});

describe("getDevice", () => {
  it("finds a device by asset id or by product and device key, without its device secret", async () => {
    const device = await lookups.getDevice(config, { productKey: "p-turbine", deviceKey: "turbine-7" });
    expect(device).toMatchObject({ assetId: "a-turbine-7", status: "online" });
    expect(device).not.toHaveProperty("deviceSecret");
    expect((await lookups.getDevice(config, { assetId: "a-turbine-7" })).deviceKey).toBe("turbine-7");
  });

  it("fails for an unknown device with the EnOS answer, naming what was asked", async () => {
    const error = await failure(lookups.getDevice(config, { assetId: "a-nope" }));
    expect(error.message).toMatch(
      /^getDevice failed: a device with assetId 'a-nope' in OU o-demo does not exist \(GET /,
    );
  });

  it("refuses an incomplete or double identity, naming the argument", async () => {
    const half = await failure(lookups.getDevice(config, { productKey: "p-turbine" }));
    expect([half.argument, half.message]).toEqual([
      "deviceKey",
      "getDevice failed: `deviceKey` is required with `productKey`: give `assetId`, or `productKey` and `deviceKey`",
    ]);
    const both = await failure(lookups.getDevice(config, { assetId: "a-turbine-7", productKey: "p-turbine" }));
    expect(both.message).toContain("`assetId` and `productKey`/`deviceKey` are both given");
  });
});

describe("every lookup's errors", () => {
  it("name a missing setting and the command that sets it", async () => {
    const error = await failure(lookups.getOrganizationRoles({ get: () => undefined }, {}));
    expect(error.message).toMatch(/^getOrganizationRoles failed: EnOS setting "enos:apiUrl" is not configured: run /);
    expect(error.argument).toBe("enos:apiUrl");
  });

  it("say what EnOS refused and the permission the service account needs", async () => {
    emulator.faults.add({ route: { path: "/app-portal-service/v2.3/organization/userGroup/list" }, code: 31403 });
    const error = await failure(lookups.getUserGroups(config, { locale: "de_DE" }));
    expect(error.message).toMatch(
      /^getUserGroups failed: GET \/app-portal-service\/v2\.3\/organization\/userGroup\/list → 31403 /,
    );
    expect(error.message).toContain(
      'the service account needs Application Portal "Obtain all user permissions in the OU"',
    );
  });

  it("name an OU that EnOS does not know", async () => {
    const error = await failure(lookups.getApps(config, { orgId: "o-nope" }));
    expect(error.message).toMatch(/^getApps failed: /);
    expect(error.message).toContain("o-nope");
  });
});

import { inspect } from "node:util";
import { ConfigError } from "../../provider/client/errors";
import { configure, currentSettings, requireCredentials, resolveSettings } from "../../provider/config";

const SECRET = "s3cr3t-value-never-shown";

/** A stack config as the dynamic-provider host passes it: namespaced keys, string values. */
const stackConfig = (values: Record<string, unknown>) => ({ get: (key: string) => values[key] });

/** Runs `fn`, which must throw a ConfigError, and returns it. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(ConfigError.isInstance(error)).toBe(true);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

afterEach(() => configure(undefined, {}));

describe("resolveSettings", () => {
  it("prefers stack config over the environment, key by key", () => {
    const config = stackConfig({ "enos:apiUrl": "https://gw.example.com", "enos:orgId": "o-config" });
    const env = { ENOS_API_URL: "https://env.example.com", ENOS_ORG_ID: "o-env", ENOS_ACCESS_KEY: "ak-env" };
    expect({ ...resolveSettings(config, env) }).toEqual({
      apiUrl: "https://gw.example.com",
      orgId: "o-config",
      accessKey: "ak-env",
    });
  });

  it("reads every key from the environment when there is no config, and parses the numbers", () => {
    const env = {
      ENOS_API_URL: "http://127.0.0.1:8088/",
      ENOS_ACCESS_KEY: "ak",
      ENOS_SECRET_KEY: SECRET,
      ENOS_ORG_ID: "o-1",
      ENOS_TIMEOUT_MS: "5000",
      ENOS_MAX_RETRIES: "0",
      ENOS_MAX_CONCURRENT_REQUESTS: "4",
      ENOS_MAX_REQUESTS_PER_SECOND: "2.5",
    };
    expect({ ...resolveSettings(undefined, env) }).toEqual({
      apiUrl: "http://127.0.0.1:8088",
      accessKey: "ak",
      secretKey: SECRET,
      orgId: "o-1",
      timeoutMs: 5000,
      maxRetries: 0,
      maxConcurrentRequests: 4,
      maxRequestsPerSecond: 2.5,
    });
  });

  it("treats empty values as unset and falls through to the environment", () => {
    const settings = resolveSettings(stackConfig({ "enos:orgId": "  " }), { ENOS_ORG_ID: "o-env" });
    expect(settings.orgId).toBe("o-env");
    expect(resolveSettings(undefined, { ENOS_ORG_ID: "" }).orgId).toBeUndefined();
  });

  it("ignores un-namespaced keys, which belong to the consumer's project", () => {
    expect(resolveSettings(stackConfig({ orgId: "o-1", "myproj:orgId": "o-2" }), {}).orgId).toBeUndefined();
  });

  it("reads enos:grantWriteMode (absent = auto, learned), from config or ENOS_GRANT_WRITE_MODE", () => {
    expect(resolveSettings(stackConfig({}), {}).grantWriteMode).toBeUndefined();
    expect(resolveSettings(stackConfig({ "enos:grantWriteMode": "additive-strict" }), {}).grantWriteMode).toBe(
      "additive-strict",
    );
    expect(resolveSettings(undefined, { ENOS_GRANT_WRITE_MODE: "overwrite" }).grantWriteMode).toBe("overwrite");
    configure(stackConfig({ "enos:grantWriteMode": "additive" }), {});
    expect(currentSettings({}).grantWriteMode).toBe("additive");
  });

  it("accepts numeric values from a typed config", () => {
    expect(resolveSettings(stackConfig({ "enos:timeoutMs": 1500 }), {}).timeoutMs).toBe(1500);
  });

  it.each([
    ["enos:apiUrl", { "enos:apiUrl": "gw.example.com" }, {}, ["http(s) URL", "stack config enos:apiUrl"]],
    ["enos:apiUrl", {}, { ENOS_API_URL: "ftp://gw" }, ['got "ftp://gw"', "environment variable ENOS_API_URL"]],
    ["enos:apiUrl", { "enos:apiUrl": "https://gw?x=1" }, {}, ["http(s) URL"]],
    ["enos:timeoutMs", { "enos:timeoutMs": "30s" }, {}, ["positive integer (milliseconds)", 'got "30s"']],
    ["enos:timeoutMs", {}, { ENOS_TIMEOUT_MS: "0" }, ["positive integer", "ENOS_TIMEOUT_MS"]],
    ["enos:maxRetries", { "enos:maxRetries": "-1" }, {}, ["integer >= 0"]],
    ["enos:maxRetries", { "enos:maxRetries": "1.5" }, {}, ["integer >= 0"]],
    ["enos:maxConcurrentRequests", {}, { ENOS_MAX_CONCURRENT_REQUESTS: "0" }, ["positive integer"]],
    ["enos:maxRequestsPerSecond", { "enos:maxRequestsPerSecond": "fast" }, {}, ["positive number"]],
    [
      "enos:grantWriteMode",
      { "enos:grantWriteMode": "append" },
      {},
      ['one of auto, overwrite, additive, additive-strict; got "append"'],
    ],
    ["enos:grantWriteMode", {}, { ENOS_GRANT_WRITE_MODE: "Strict" }, ["ENOS_GRANT_WRITE_MODE"]],
  ])("names %s for an invalid value (case %#)", (key, config, env, fragments) => {
    const error = configError(() => resolveSettings(stackConfig(config), env));
    expect(error.key).toBe(key);
    expect(error.message).toContain(`EnOS setting "${key}"`);
    expect(error.message).toContain(`pulumi config set ${key}`);
    for (const fragment of fragments) expect(error.message).toContain(fragment);
  });
});

describe("requireCredentials", () => {
  const full = { ENOS_API_URL: "https://gw", ENOS_ACCESS_KEY: "ak", ENOS_SECRET_KEY: SECRET };

  it("returns the settings when url, access key and secret key are present", () => {
    expect(requireCredentials(resolveSettings(undefined, full))).toMatchObject({
      apiUrl: "https://gw",
      accessKey: "ak",
    });
  });

  it("names a missing access key with the exact command and environment variable", () => {
    const error = configError(() => requireCredentials(resolveSettings(undefined, { ...full, ENOS_ACCESS_KEY: "" })));
    expect(error.key).toBe("enos:accessKey");
    expect(error.message).toBe(
      'EnOS setting "enos:accessKey" is not configured: run `pulumi config set --secret enos:accessKey <key>` or set ENOS_ACCESS_KEY',
    );
  });

  it("tells to store a missing secret key as a Pulumi secret", () => {
    const error = configError(() => requireCredentials(resolveSettings(undefined, { ...full, ENOS_SECRET_KEY: "" })));
    expect(error.key).toBe("enos:secretKey");
    expect(error.message).toContain("`pulumi config set --secret enos:secretKey <secret>` or set ENOS_SECRET_KEY");
  });

  it("names the first missing key and lists the others", () => {
    const error = configError(() => requireCredentials(resolveSettings(undefined, {})));
    expect(error.key).toBe("enos:apiUrl");
    expect(error.message).toContain("pulumi config set enos:apiUrl <gateway-url>");
    expect(error.message).toContain("also not configured: enos:accessKey, enos:secretKey");
  });
});

describe("secret redaction", () => {
  const env = { ENOS_API_URL: "https://gw", ENOS_ACCESS_KEY: "ak", ENOS_SECRET_KEY: SECRET, ENOS_TIMEOUT_MS: "10" };

  it("keeps the secret out of JSON, toString and inspect of settings and credentials", () => {
    for (const settings of [resolveSettings(undefined, env), requireCredentials(resolveSettings(undefined, env))]) {
      expect(settings.secretKey).toBe(SECRET);
      for (const text of [JSON.stringify(settings), String(settings), inspect(settings)]) {
        expect(text).not.toContain(SECRET);
        expect(text).toContain("[redacted]");
        expect(text).toContain("https://gw");
      }
    }
  });

  it("never echoes the secret in a validation error about another key", () => {
    const secretConfig = stackConfig({ "enos:secretKey": SECRET, "enos:maxRetries": "x" });
    expect(configError(() => resolveSettings(secretConfig, {})).message).not.toContain(SECRET);
  });
});

describe("configure and currentSettings", () => {
  it("uses the environment alone before configure is called", () => {
    expect(currentSettings({ ENOS_ORG_ID: "o-env" }).orgId).toBe("o-env");
  });

  it("keeps the configured keys and reads the environment again on every call", () => {
    const values: Record<string, unknown> = { "enos:orgId": "o-config", "enos:apiUrl": "https://gw" };
    configure(stackConfig(values), {});
    values["enos:orgId"] = "changed-after-configure";
    expect(currentSettings({ ENOS_ACCESS_KEY: "ak-1" })).toMatchObject({ orgId: "o-config", accessKey: "ak-1" });
    expect(currentSettings({ ENOS_ACCESS_KEY: "ak-rotated" }).accessKey).toBe("ak-rotated");
  });

  it("resolves again only when the configuration or an ENOS_* variable of the same environment changed", () => {
    const env: NodeJS.ProcessEnv = { ENOS_ACCESS_KEY: "ak-1", HOME: "/root" };
    configure(stackConfig({ "enos:orgId": "o-1" }), env);
    const first = currentSettings(env);
    env["HOME"] = "/elsewhere";
    expect(currentSettings(env)).toBe(first);
    env["ENOS_ACCESS_KEY"] = "ak-rotated";
    expect(currentSettings(env).accessKey).toBe("ak-rotated");
    env["ENOS_MAX_RETRIES"] = "many";
    expect(() => currentSettings(env)).toThrow("enos:maxRetries");
    expect(() => currentSettings(env)).toThrow("enos:maxRetries");
    delete env["ENOS_MAX_RETRIES"];
    configure(stackConfig({ "enos:orgId": "o-2" }), env);
    expect(currentSettings(env)).toMatchObject({ orgId: "o-2", accessKey: "ak-rotated" });
  });

  it("fails fast on an invalid configured value and forgets everything after configure(undefined)", () => {
    expect(() => configure(stackConfig({ "enos:apiUrl": "not a url" }), {})).toThrow('"enos:apiUrl"');
    configure(stackConfig({ "enos:orgId": "o-1" }), {});
    configure(undefined, {});
    expect(currentSettings({}).orgId).toBeUndefined();
  });
});

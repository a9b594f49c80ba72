import { ConfigError, createEnosClient, type ClientOptions } from "../../../provider/client";
import { resolveOptions } from "../../../provider/client/options";

const base: ClientOptions = { apiUrl: "https://apim.example.test/", accessKey: "ak", secretKey: "sk-0123456789" };

function configError(options: ClientOptions): ConfigError {
  try {
    resolveOptions(options);
  } catch (e) {
    if (ConfigError.isInstance(e)) return e;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("client options", () => {
  it("fills in the documented defaults", () => {
    const resolved = resolveOptions(base);
    expect(resolved).toMatchObject({
      apiUrl: "https://apim.example.test",
      timeoutMs: 30_000,
      maxRetries: 3,
      retryBaseDelayMs: 500,
      maxRetryAfterMs: 30_000,
      maxConcurrentRequests: 8,
      maxRequestsPerSecond: undefined,
      tokenExpiryMarginMs: 300_000,
    });
  });

  it("keeps a gateway base path", () => {
    expect(resolveOptions({ ...base, apiUrl: "http://127.0.0.1:8088/gw/" }).apiUrl).toBe("http://127.0.0.1:8088/gw");
  });

  it.each<[keyof ClientOptions, string]>([
    ["apiUrl", "enos:apiUrl"],
    ["accessKey", "enos:accessKey"],
    ["secretKey", "enos:secretKey"],
  ])("names %s and how to set it when it is missing", (key, configKey) => {
    const e = configError({ ...base, [key]: "  " });
    expect(e.key).toBe(key);
    expect(e.message).toContain(`"${key}" is missing`);
    expect(e.message).toContain(configKey);
  });

  it("rejects an apiUrl that is not an http(s) URL", () => {
    expect(configError({ ...base, apiUrl: "apim.example.test" }).message).toContain("not a valid URL");
    expect(configError({ ...base, apiUrl: "ftp://apim.example.test" }).message).toContain("http:// or https://");
  });

  it.each<[keyof ClientOptions, number]>([
    ["timeoutMs", 0],
    ["maxRetries", -1],
    ["maxRetries", 1.5],
    ["maxConcurrentRequests", 0],
    ["maxRequestsPerSecond", 0],
  ])("rejects %s = %d", (key, value) => {
    expect(configError({ ...base, [key]: value }).key).toBe(key);
  });

  it("never puts the secretKey in a ConfigError", () => {
    const e = configError({ ...base, apiUrl: "", secretKey: "sk-do-not-print-me" });
    expect(`${e.message} ${JSON.stringify(e)}`).not.toContain("sk-do-not-print-me");
  });

  it("throws the ConfigError from createEnosClient", () => {
    expect(() => createEnosClient({ ...base, accessKey: "" })).toThrow(/"accessKey" is missing/);
  });
});

import {
  ConfigError,
  EnosApiError,
  EnosError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  isAlreadyExists,
  isAlreadyInState,
  isNotFound,
  type ApiErrorCategory,
} from "../../../provider/client";

const site = { method: "POST", path: "/enos-app-service/v2.5/apps" };

function apiError(code: number | string | undefined, status = 200, msg = "m", subMsg?: string) {
  return new EnosApiError({ ...site, status, code, msg, subMsg });
}

describe("error categories", () => {
  // Rows that test a code mapping use the neutral msg "x", so the message fallback cannot make them pass.
  it.each<[string, number | string | undefined, number, string, ApiErrorCategory]>([
    ["31404 app-portal/app-service not found", 31404, 200, "x", "not-found"],
    ["99404 connect object not found", 99404, 200, "x", "not-found"],
    ["11404 device not found", 11404, 200, "x", "not-found"],
    ["31408 already exists", 31408, 200, "x", "already-exists"],
    ["11702 deviceKey exists", 11702, 200, "x", "already-exists"],
    ["11794 device status invalid", 11794, 200, "x", "already-in-state"],
    ["11723 device status invalid (older code)", 11723, 200, "x", "already-in-state"],
    ["31400 invalid parameter", 31400, 200, "x", "invalid-input"],
    ["99400 invalid argument", 99400, 200, "x", "invalid-input"],
    ["31403 permission", 31403, 200, "x", "permission"],
    ["99403 permission", 99403, 200, "x", "permission"],
    ["HTTP 403 from the gateway", undefined, 403, "x", "permission"],
    ["HTTP 429 from the gateway", undefined, 429, "x", "rate-limited"],
    ["31429 too many attempts", 31429, 200, "x", "rate-limited"],
    ["1203 token expired", 1203, 200, "x", "token-expired"],
    ["HTTP 401 without a code", undefined, 401, "x", "token-expired"],
    ["HTTP 401 with a signature code", 1003, 401, "x", "token-expired"],
    ["1001 replayed encryption (not a duplicate, despite its text)", 1001, 200, "duplicated encryption", "auth"],
    ["1002 unknown appKey", 1002, 200, "x", "auth"],
    ["HTTP 503 from the gateway", undefined, 503, "x", "server"],
    ["99500 internal error", 99500, 200, "x", "server"],
    ["a bare HTTP 404 (no route: likely a wrong apiUrl)", undefined, 404, "x", "other"],
    ["a numeric-string code", "31404", 200, "x", "not-found"],
    ["an unknown code with a neutral msg", 12345, 200, "x", "other"],
    // The message fallback, for codes we do not know.
    [
      "an unknown code whose msg is the app-service duplicate key",
      12345,
      200,
      "keyword.already.existed",
      "already-exists",
    ],
    ["an unknown code whose msg says already exists", 12345, 200, "menu already exists", "already-exists"],
    ["an unknown code whose msg says duplicate", 12345, 200, "Duplicate keyword", "already-exists"],
    ["an unknown code with a parameter.invalid msg", 40000, 200, "parameter.invalid.sortId", "invalid-input"],
  ])("maps %s", (_title, code, status, msg, category) => {
    expect(apiError(code, status, msg).category).toBe(category);
  });

  // Issue 11: a gateway answering enos-app-service errors in the legacy generic form (`{code: 404, msg:
  // "app.not.exist"}`) must classify like the 31xxx form, in every service family.
  it.each<[string, number | string | undefined, number, string, ApiErrorCategory]>([
    ["legacy 404 with its not-found key", 404, 200, "app.not.exist", "not-found"],
    ["legacy 404 with a nested entity key", 404, 200, "organization.user.not.exist", "not-found"],
    ["legacy 408 with its duplicate key", 408, 200, "keyword.already.existed", "already-exists"],
    ["legacy 400 with its invalid key", 400, 200, "parameter.invalid.sortId", "invalid-input"],
    ["legacy 403 with its permission key", 403, 200, "permission.denied", "permission"],
    ["legacy 404 code alone in an HTTP 200 envelope", 404, 200, "x", "not-found"],
    ["legacy 408 code alone in an HTTP 200 envelope", 408, 200, "x", "already-exists"],
    ["legacy 400 code alone in an HTTP 200 envelope", 400, 200, "x", "invalid-input"],
    ["legacy 403 code alone in an HTTP 200 envelope", 403, 200, "x", "permission"],
    ["legacy 429 code alone in an HTTP 200 envelope", 429, 200, "x", "rate-limited"],
    ["legacy 500 code alone in an HTTP 200 envelope", 500, 200, "x", "server"],
    ["an unknown code with a not-found key", 12345, 200, "menu.not.exist", "not-found"],
    ["an unknown code with the permission key", 12345, 200, "permission.denied", "permission"],
    ["a not-found key with HTTP 404 (the service's body, not the gateway's)", 404, 404, "app.not.exist", "not-found"],
    ["a not-found key and no code", undefined, 404, "permission.not.exist", "not-found"],
    [
      "the gateway's own 404 body keeps meaning no route",
      undefined,
      404,
      "no Route matched with those values",
      "other",
    ],
    ["a body code 404 in an HTTP 404 without a key is still no route", 404, 404, "Not Found", "other"],
    ["a sentence that says 'does not exist' is not a key", 12345, 200, "orgId does not exist", "other"],
    ["a known code wins over the key", 99400, 200, "Invalid Argument orgId: organization.not.exist", "invalid-input"],
    ["a key-like word inside a longer key is not one", 12345, 200, "app.not.existing.flag", "other"],
  ])("maps %s", (_title, code, status, msg, category) => {
    expect(apiError(code, status, msg).category).toBe(category);
  });

  it("reads the not-found key in the subMsg too", () => {
    expect(apiError(1, 200, "error", "app.not.exist").category).toBe("not-found");
  });

  it("reads the subMsg sentence for duplicates the msg does not name", () => {
    expect(apiError(1, 200, "error", "keyword 'k' already exists in this app").category).toBe("already-exists");
    expect(apiError(1, 200, "error", "Duplicated entry 'k' for key").category).toBe("already-exists");
  });

  it("maps HTTP 401 from the token service to auth: its credentials were refused, a new token cannot help", () => {
    const fromTokenService = new EnosApiError({ ...site, status: 401, code: undefined, msg: "x", tokenService: true });
    expect(fromTokenService.category).toBe("auth");
  });

  it("offers guards for the categories the provider acts on", () => {
    expect(isNotFound(apiError(31404))).toBe(true);
    expect(isAlreadyExists(apiError(31408))).toBe(true);
    expect(isAlreadyInState(apiError(11794))).toBe(true);
    expect(isNotFound(new Error("31404"))).toBe(false);
  });
});

describe("error shape", () => {
  it("reads like 'METHOD path → code msg (subMsg)' and keeps every field", () => {
    const e = new EnosApiError({
      ...site,
      status: 200,
      code: 31408,
      msg: "keyword.already.existed",
      subMsg: "dup",
      requestId: "r1",
    });
    expect(e.message).toBe("POST /enos-app-service/v2.5/apps → 31408 keyword.already.existed (dup)");
    expect(e).toMatchObject({
      code: 31408,
      status: 200,
      method: "POST",
      requestId: "r1",
      kind: "api",
      name: "EnosApiError",
    });
  });

  it("names the HTTP status when there is no service code", () => {
    expect(apiError(undefined, 503, "Service unavailable").message).toBe(
      "POST /enos-app-service/v2.5/apps → HTTP 503 Service unavailable",
    );
  });

  it("names the setting and how to set it in a ConfigError", () => {
    const e = new ConfigError("apiUrl", "run `pulumi config set enos:apiUrl <url>`");
    expect(e.message).toBe('EnOS setting "apiUrl" is missing: run `pulumi config set enos:apiUrl <url>`');
    expect(e).toMatchObject({ key: "apiUrl", kind: "config" });
  });
});

describe("isInstance across module copies", () => {
  // What a second, by-value-serialized copy of errors.ts produces: same brand and fields, another prototype.
  const foreign = (kind: string) =>
    Object.assign(Object.create(Error.prototype) as Error, { __enosErrorBrand: "pulumi-enos/EnosError", kind });

  it("recognises a foreign copy by its brand, not its prototype", () => {
    const other = foreign("api");
    expect(other instanceof EnosApiError).toBe(false);
    expect(EnosApiError.isInstance(other)).toBe(true);
    expect(EnosError.isInstance(other)).toBe(true);
  });

  it("tells the kinds apart", () => {
    expect(NetworkError.isInstance(foreign("network"))).toBe(true);
    expect(TimeoutError.isInstance(foreign("network"))).toBe(false);
    expect(TimeoutError.isInstance(foreign("timeout"))).toBe(true);
    expect(ConfigError.isInstance(foreign("config"))).toBe(true);
    expect(ResponseValidationError.isInstance(foreign("response-validation"))).toBe(true);
    expect(EnosApiError.isInstance(foreign("network"))).toBe(false);
  });

  it("rejects lookalikes without the brand", () => {
    expect(EnosApiError.isInstance({ kind: "api" })).toBe(false);
    expect(EnosError.isInstance({ __enosErrorBrand: "other", kind: "api" })).toBe(false);
    expect(EnosError.isInstance(null)).toBe(false);
  });

  it("lets the guards work on foreign copies", () => {
    expect(isNotFound(Object.assign(foreign("api"), { category: "not-found" }))).toBe(true);
  });
});

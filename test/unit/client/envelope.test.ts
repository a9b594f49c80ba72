import { decodeEnvelope, type ServiceFamily } from "../../../provider/client/envelope";
import { EnosApiError, ResponseValidationError } from "../../../provider/client";
import { SecretSet } from "../../../provider/client/redact";

const site = { method: "GET", path: "/svc/x" };
const ctx = { site, secrets: new SecretSet("sk-super-secret-value"), now: 1_700_000_000_000 };
const res = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  text: typeof body === "string" ? body : JSON.stringify(body),
});
const decode = (family: ServiceFamily, status: number, body: unknown, headers?: Record<string, string>) =>
  decodeEnvelope(family, res(status, body, headers), ctx);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("envelope decoding per service family", () => {
  it.each<[ServiceFamily, unknown]>([
    ["token", { status: 0, msg: "SUCCESS", business: "apim-token-service", data: { v: 1 } }],
    ["app-service", { code: 0, msg: "OK", subMsg: null, data: { v: 1 } }],
    ["app-portal", { code: 0, message: "", data: { v: 1 } }],
    ["connect", { code: 0, msg: "OK", requestId: "r", data: { v: 1 } }],
  ])("returns data of a %s success envelope", (family, body) => {
    expect(decode(family, 200, body)).toEqual({ v: 1 });
  });

  it("turns a non-zero app-service code in HTTP 200 into an EnosApiError with msg and subMsg", () => {
    // Neutral texts: the category must come from the code, not from the message fallback.
    const e = thrown(() => decode("app-service", 200, { code: 31408, msg: "x", subMsg: "y", data: null }));
    expect(EnosApiError.isInstance(e)).toBe(true);
    expect(e).toMatchObject({ code: 31408, status: 200, category: "already-exists", msg: "x", subMsg: "y" });
  });

  it("reads the app-portal message key", () => {
    expect(
      thrown(() => decode("app-portal", 200, { code: 31404, message: "user.not.exist", data: null })),
    ).toMatchObject({
      code: 31404,
      msg: "user.not.exist",
      category: "not-found",
    });
  });

  it("keeps the connect requestId", () => {
    expect(
      thrown(() => decode("connect", 200, { code: 11794, msg: "status invalid", requestId: "rq-9", data: null })),
    ).toMatchObject({
      requestId: "rq-9",
      category: "already-in-state",
    });
  });

  it("reads the token-service status key", () => {
    expect(thrown(() => decode("token", 200, { status: 1002, msg: "appKey not exist", data: null }))).toMatchObject({
      code: 1002,
      category: "auth",
    });
  });

  it("accepts a numeric-string success code and normalises an error code to a number", () => {
    expect(decode("connect", 200, { code: "0", msg: "OK", data: 5 })).toBe(5);
    expect(thrown(() => decode("connect", 200, { code: "99404", msg: "x", data: null }))).toMatchObject({
      code: 99404,
    });
  });

  it("turns a gateway {message} with an HTTP error status into an EnosApiError categorised by status", () => {
    const e = thrown(() => decode("app-service", 429, { message: "API rate limit exceeded" }, { "retry-after": "2" }));
    expect(e).toMatchObject({
      status: 429,
      code: undefined,
      msg: "API rate limit exceeded",
      category: "rate-limited",
      retryAfterMs: 2000,
    });
  });

  it("reads the gateway's auth-plugin {status, msg} body on HTTP 401", () => {
    expect(thrown(() => decode("app-service", 401, { status: 1203, msg: "access token has expired" }))).toMatchObject({
      code: 1203,
      category: "token-expired",
    });
  });

  it.each<[ServiceFamily, number]>([
    ["app-service", 200],
    ["connect", 200],
    ["app-portal", 401],
  ])("reads the auth plugin's {status, msg} without a code on a %s route (HTTP %s) as an EnosApiError", (f, status) => {
    expect(thrown(() => decode(f, status, { status: 1203, msg: "access token has expired" }))).toMatchObject({
      code: 1203,
      msg: "access token has expired",
      status,
      category: "token-expired",
    });
  });

  it("reads a numeric-string auth-plugin status in HTTP 200 as a number", () => {
    expect(thrown(() => decode("app-service", 200, { status: "1003", msg: "signature is not valid" }))).toMatchObject({
      code: 1003,
      category: "auth",
    });
  });

  it("normalises a numeric-string code on a non-2xx response like on a 2xx one", () => {
    expect(thrown(() => decode("app-service", 401, { status: "1203", msg: "expired" }))).toMatchObject({ code: 1203 });
    expect(thrown(() => decode("app-portal", 409, { code: "31408", message: "x" }))).toMatchObject({
      code: 31408,
      category: "already-exists",
    });
  });

  it("marks Kong's {message} body as fromGateway, and an EnOS code at the same status as not", () => {
    expect(thrown(() => decode("app-service", 429, { message: "API rate limit exceeded" }))).toMatchObject({
      fromGateway: true,
    });
    expect(thrown(() => decode("app-portal", 429, { code: 31429, message: "x" }))).toMatchObject({
      fromGateway: false,
      category: "rate-limited",
    });
    expect(thrown(() => decode("app-service", 429, "Too Many Requests"))).toMatchObject({ fromGateway: false });
    expect(thrown(() => decode("app-service", 200, { code: 31429, msg: "x", data: null }))).toMatchObject({
      fromGateway: false,
    });
  });

  it("categorizes HTTP 401 from the token service as auth, and from a business route as token-expired", () => {
    const body = { message: "Invalid authentication credentials" };
    expect(thrown(() => decode("token", 401, body))).toMatchObject({ category: "auth" });
    expect(thrown(() => decode("connect", 401, body))).toMatchObject({ category: "token-expired" });
  });

  it("treats a non-JSON error page as an EnosApiError of its status (so a 502 stays retryable)", () => {
    expect(thrown(() => decode("connect", 502, "<html>Bad Gateway</html>"))).toMatchObject({
      status: 502,
      msg: "HTTP 502",
      category: "server",
    });
  });

  it("raises ResponseValidationError for a 200 body that is not JSON", () => {
    const e = thrown(() => decode("app-service", 200, "{not json"));
    expect(ResponseValidationError.isInstance(e)).toBe(true);
    expect((e as ResponseValidationError).issues).toEqual([{ path: "", message: "body is not valid JSON" }]);
  });

  it("raises ResponseValidationError for a 200 body of another family's shape", () => {
    const e = thrown(() => decode("app-portal", 200, { status: 0, msg: "OK", data: {} }));
    expect(ResponseValidationError.isInstance(e)).toBe(true);
    expect((e as ResponseValidationError).issues[0]?.path).toBe("code");
  });

  it("scrubs known secret values from service messages", () => {
    const e = thrown(() => decode("app-service", 200, { code: 31400, msg: "bad sk-super-secret-value", data: null }));
    expect((e as EnosApiError).msg).toBe("bad [REDACTED]");
  });
});

import { errors as undiciErrors } from "undici";
import { toTransportError } from "../../../provider/client/http";
import { NetworkError, TimeoutError } from "../../../provider/client";
import { createHarness, mockTokenGet, pathIs } from "./helpers";

const site = { method: "GET", path: "/connect-service/v2.1/devices" };
const sysError = (code: string) => Object.assign(new Error(`${code} 10.0.0.1:443`), { code });

describe("transport error mapping", () => {
  it.each(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"])(
    "marks %s as never sent",
    (code) => {
      const e = toTransportError(sysError(code), site, 1000);
      expect(NetworkError.isInstance(e)).toBe(true);
      expect(e).toMatchObject({ code, requestNotSent: true });
    },
  );

  it("marks a connect timeout as a never-sent NetworkError", () => {
    expect(toTransportError(new undiciErrors.ConnectTimeoutError(), site, 1000)).toMatchObject({
      kind: "network",
      requestNotSent: true,
    });
  });

  it.each<[string, unknown]>([
    ["ECONNRESET", sysError("ECONNRESET")],
    ["EPIPE", sysError("EPIPE")],
    ["a socket closed by the other side", new undiciErrors.SocketError("other side closed")],
  ])("marks %s as possibly sent", (_title, error) => {
    expect(toTransportError(error, site, 1000)).toMatchObject({ kind: "network", requestNotSent: false });
  });

  it("finds the code in the cause chain", () => {
    const wrapped = new TypeError("fetch failed", { cause: sysError("ECONNREFUSED") });
    expect(toTransportError(wrapped, site, 1000)).toMatchObject({ code: "ECONNREFUSED", requestNotSent: true });
  });

  it.each<[string, unknown]>([
    ["headers timeout", new undiciErrors.HeadersTimeoutError()],
    ["body timeout", new undiciErrors.BodyTimeoutError()],
    ["the AbortSignal.timeout reason", new DOMException("The operation was aborted due to timeout", "TimeoutError")],
  ])("maps a %s to TimeoutError", (_title, error) => {
    const e = toTransportError(error, site, 1234);
    expect(TimeoutError.isInstance(e)).toBe(true);
    expect(e).toMatchObject({ timeoutMs: 1234, path: site.path });
  });

  it("leaves programming errors alone", () => {
    expect(toTransportError(new undiciErrors.InvalidArgumentError("bad header"), site, 1000)).toBeUndefined();
    expect(toTransportError(new Error("plain"), site, 1000)).toBeUndefined();
  });
});

describe("the HTTP layer inside the client", () => {
  it("aborts a request that outlives timeoutMs with a TimeoutError", async () => {
    const h = createHarness({ timeoutMs: 20, maxRetries: 0 });
    mockTokenGet(h.pool);
    h.pool
      .intercept({ path: pathIs("/connect-service/v2.1/devices"), method: "GET" })
      .reply(200, { code: 0, msg: "OK", data: null })
      .delay(2_000);
    const error: unknown = await h.client.connect.getDevice("o1", { assetId: "a1" }).catch((e: unknown) => e);
    expect(TimeoutError.isInstance(error)).toBe(true);
    await h.finish();
  });

  it("reports socket failures with the path but never the query string", async () => {
    const h = createHarness({ maxRetries: 0 });
    mockTokenGet(h.pool);
    h.pool
      .intercept({ path: pathIs("/connect-service/v2.1/devices"), method: "GET" })
      .replyWithError(sysError("ECONNRESET"));
    const error = (await h.client.connect
      .getDevice("o-secret-org", { assetId: "a1" })
      .catch((e: unknown) => e)) as NetworkError;
    expect(error).toMatchObject({ kind: "network", path: "/connect-service/v2.1/devices", method: "GET" });
    expect(error.message).not.toContain("?");
    expect(error.message).not.toContain("o-secret-org");
    await h.finish();
  });
});

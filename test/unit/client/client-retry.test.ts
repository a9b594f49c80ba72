import { EnosApiError, NetworkError, ResponseValidationError, TimeoutError } from "../../../provider/client";
import { appServiceOk, createHarness, mockTokenGet, pathIs, sampleApp, tokenBody, type Harness } from "./helpers";

const APPS = "/enos-app-service/v2.5/apps";
const LIST = "/enos-app-service/v2.5/apps/list";
const newApp = { name: { default: "A" }, category: 104, type: 0, keyword: "a" };
const sysError = (code: string) => Object.assign(new Error(code), { code });

function listReplies(h: Harness, ...replies: Array<[number, unknown, Record<string, string>?]>) {
  for (const [status, body, headers] of replies) {
    h.pool.intercept({ path: pathIs(LIST), method: "GET" }).reply(status, body as object, { headers: headers ?? {} });
  }
}

describe("retries through the client", () => {
  it("waits the 1 s a 429 asks for in Retry-After, then succeeds", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    listReplies(h, [429, { message: "API rate limit exceeded" }, { "retry-after": "1" }], [200, appServiceOk([])]);

    await expect(h.client.appService.listApps("o1")).resolves.toEqual([]);

    expect(h.clock.sleeps).toEqual([1000]);
    await h.finish();
  });

  it("caps a long Retry-After at maxRetryAfterMs", async () => {
    const h = createHarness({ maxRetryAfterMs: 5_000 });
    mockTokenGet(h.pool);
    listReplies(h, [429, { message: "API rate limit exceeded" }, { "retry-after": "3600" }], [200, appServiceOk([])]);

    await h.client.appService.listApps("o1");

    expect(h.clock.sleeps).toEqual([5_000]);
    await h.finish();
  });

  it("backs off with jitter when a 429 has no Retry-After", async () => {
    const h = createHarness({ retryBaseDelayMs: 100, random: () => 0.5 });
    mockTokenGet(h.pool);
    listReplies(
      h,
      [429, { message: "API rate limit exceeded" }],
      [429, { message: "API rate limit exceeded" }],
      [200, appServiceOk([])],
    );

    await h.client.appService.listApps("o1");

    expect(h.clock.sleeps).toEqual([50, 100]);
    await h.finish();
  });

  it("retries a GET after 5xx and gives up after maxRetries with the last error", async () => {
    const h = createHarness({ maxRetries: 2 });
    mockTokenGet(h.pool);
    listReplies(
      h,
      [500, { message: "An unexpected error occurred" }],
      [502, "<html/>"],
      [503, { message: "Service unavailable" }],
    );

    const error: unknown = await h.client.appService.listApps("o1").catch((e: unknown) => e);

    expect(EnosApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 503, category: "server" });
    expect(h.clock.sleeps).toHaveLength(2);
    await h.finish();
  });

  it("retries a GET after a connection reset", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    h.pool.intercept({ path: pathIs(LIST), method: "GET" }).replyWithError(sysError("ECONNRESET"));
    listReplies(h, [200, appServiceOk([])]);

    await expect(h.client.appService.listApps("o1")).resolves.toEqual([]);
    await h.finish();
  });

  it("does not repeat a create answered with 503: it may have reached the service", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    h.pool.intercept({ path: pathIs(APPS), method: "POST" }).reply(503, { message: "Service unavailable" });

    await expect(h.client.appService.createApp("o1", newApp)).rejects.toMatchObject({ status: 503 });
    expect(h.clock.sleeps).toEqual([]);
    await h.finish(); // a retry would find no interceptor
  });

  it("does not repeat a create that timed out", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    h.pool
      .intercept({ path: pathIs(APPS), method: "POST" })
      .replyWithError(new DOMException("timeout", "TimeoutError"));

    const error: unknown = await h.client.appService.createApp("o1", newApp).catch((e: unknown) => e);

    expect(TimeoutError.isInstance(error)).toBe(true);
    await h.finish();
  });

  it("does not repeat a create whose connection was reset", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    h.pool.intercept({ path: pathIs(APPS), method: "POST" }).replyWithError(sysError("ECONNRESET"));

    const error: unknown = await h.client.appService.createApp("o1", newApp).catch((e: unknown) => e);

    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ requestNotSent: false });
    await h.finish();
  });

  it("repeats a create whose connection was refused: it provably never left", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    h.pool.intercept({ path: pathIs(APPS), method: "POST" }).replyWithError(sysError("ECONNREFUSED"));
    h.pool.intercept({ path: pathIs(APPS), method: "POST" }).reply(200, appServiceOk(sampleApp()));

    await expect(h.client.appService.createApp("o1", newApp)).resolves.toMatchObject({ id: "app-1" });
    expect(h.clock.sleeps).toHaveLength(1);
    await h.finish();
  });

  it("repeats a create throttled by the gateway (429 is rejected before the service)", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    h.pool.intercept({ path: pathIs(APPS), method: "POST" }).reply(429, { message: "API rate limit exceeded" });
    h.pool.intercept({ path: pathIs(APPS), method: "POST" }).reply(200, appServiceOk(sampleApp()));

    await expect(h.client.appService.createApp("o1", newApp)).resolves.toMatchObject({ id: "app-1" });
    await h.finish();
  });

  it("does not repeat a create answered 429 with an EnOS code: the service itself answered and may have acted", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    h.pool
      .intercept({ path: pathIs(APPS), method: "POST" })
      .reply(429, { code: 31429, msg: "operation.exhausted", subMsg: null, data: null });

    await expect(h.client.appService.createApp("o1", newApp)).rejects.toMatchObject({
      status: 429,
      code: 31429,
      fromGateway: false,
    });
    expect(h.clock.sleeps).toEqual([]);
    await h.finish(); // a retry would find no interceptor
  });

  it("still retries a GET answered 429 with an EnOS code", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    listReplies(h, [429, { code: 31429, msg: "operation.exhausted", data: null }], [200, appServiceOk([])]);

    await expect(h.client.appService.listApps("o1")).resolves.toEqual([]);
    expect(h.clock.sleeps).toHaveLength(1);
    await h.finish();
  });

  it("names the path of a non-2xx error without its query string", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    listReplies(h, [404, { message: "no Route matched with those values" }]);

    const error = (await h.client.appService.listApps("org-in-query-7f").catch((e: unknown) => e)) as EnosApiError;

    expect(EnosApiError.isInstance(error)).toBe(true);
    expect(error.path).toBe(LIST);
    for (const text of [error.message, error.path, JSON.stringify(error)]) {
      expect(text).not.toContain("?");
      expect(text).not.toContain("org-in-query-7f");
    }
    await h.finish();
  });

  it("never retries a malformed JSON body", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    h.pool.intercept({ path: pathIs(LIST), method: "GET" }).reply(200, '{"code":0,');

    const error: unknown = await h.client.appService.listApps("o1").catch((e: unknown) => e);

    expect(ResponseValidationError.isInstance(error)).toBe(true);
    expect(h.clock.sleeps).toEqual([]);
    await h.finish();
  });

  it("never retries a service error such as 31404", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    listReplies(h, [200, { code: 31404, msg: "app.not.exist", subMsg: null, data: null }]);

    await expect(h.client.appService.listApps("o1")).rejects.toMatchObject({ category: "not-found", status: 200 });
    await h.finish();
  });

  it("retries the token request itself after a 503", async () => {
    const h = createHarness();
    h.pool
      .intercept({ path: "/apim-token-service/v2.0/token/get", method: "POST" })
      .reply(503, { message: "Service unavailable" });
    mockTokenGet(h.pool);
    listReplies(h, [200, appServiceOk([])]);

    await expect(h.client.appService.listApps("o1")).resolves.toEqual([]);
    await h.finish();
  });
});

describe("timeouts through the client", () => {
  // A real, tiny timeout against a MockAgent reply delayed far beyond it: the client's own AbortSignal fires.
  const TIMEOUT_MS = 20;
  const LATE_MS = 500;

  it("retries a GET that timed out, and succeeds", async () => {
    const h = createHarness({ timeoutMs: TIMEOUT_MS });
    mockTokenGet(h.pool);
    h.pool
      .intercept({ path: pathIs(LIST), method: "GET" })
      .reply(200, appServiceOk([]))
      .delay(LATE_MS);
    listReplies(h, [200, appServiceOk([sampleApp()])]);

    const apps = await h.client.appService.listApps("o1");

    expect(apps.map((a) => a.id)).toEqual(["app-1"]); // the second reply, not the late first one
    expect(h.clock.sleeps).toHaveLength(1);
    await h.finish();
  });

  it("does not repeat a create that timed out: it may have reached the service", async () => {
    const h = createHarness({ timeoutMs: TIMEOUT_MS });
    mockTokenGet(h.pool);
    h.pool
      .intercept({ path: pathIs(APPS), method: "POST" })
      .reply(200, appServiceOk(sampleApp()))
      .delay(LATE_MS);

    const error: unknown = await h.client.appService.createApp("o1", newApp).catch((e: unknown) => e);

    expect(TimeoutError.isInstance(error)).toBe(true); // a retry would end on "no interceptor" instead
    expect(h.clock.sleeps).toEqual([]);
    await h.finish();
  });

  it("gives a token request tokenTimeoutMs in all: no further attempt once it has passed", async () => {
    const h = createHarness({ timeoutMs: 30_000, tokenTimeoutMs: TIMEOUT_MS });
    h.pool
      .intercept({ path: "/apim-token-service/v2.0/token/get", method: "POST" })
      .reply(200, tokenBody("token-late"))
      .delay(LATE_MS);

    const started = Date.now();
    const error: unknown = await h.client.appService.listApps("o1").catch((e: unknown) => e);

    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ path: "/apim-token-service/v2.0/token/get", timeoutMs: TIMEOUT_MS });
    expect(Date.now() - started).toBeLessThan(LATE_MS); // cut at tokenTimeoutMs, not at timeoutMs
    expect(h.clock.sleeps).toEqual([]); // the retry would start past the deadline
    await h.finish(); // no list call was made
  });

  it("retries a token request within tokenTimeoutMs", async () => {
    const h = createHarness({ timeoutMs: TIMEOUT_MS, tokenTimeoutMs: 60_000 });
    h.pool
      .intercept({ path: "/apim-token-service/v2.0/token/get", method: "POST" })
      .reply(200, tokenBody("token-late"))
      .delay(LATE_MS);
    mockTokenGet(h.pool);
    listReplies(h, [200, appServiceOk([])]);

    await expect(h.client.appService.listApps("o1")).resolves.toEqual([]);
    expect(h.clock.sleeps).toHaveLength(1);
    await h.finish();
  });
});

describe("authenticate", () => {
  it("makes the one token request the calls then reuse", async () => {
    const h = createHarness();
    mockTokenGet(h.pool); // once: a second token request would find no interceptor
    listReplies(h, [200, appServiceOk([])]);

    await h.client.authenticate();
    await h.client.authenticate();
    await expect(h.client.appService.listApps("o1")).resolves.toEqual([]);
    await h.finish();
  });

  it("rejects with the token request's error", async () => {
    const h = createHarness();
    h.pool
      .intercept({ path: "/apim-token-service/v2.0/token/get", method: "POST" })
      .reply(200, { status: 1003, msg: "encryption is not valid", data: null });

    await expect(h.client.authenticate()).rejects.toMatchObject({ code: 1003, category: "auth" });
    await h.finish();
  });
});

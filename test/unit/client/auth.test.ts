import { createHash } from "node:crypto";
import { EnosApiError } from "../../../provider/client";
import {
  ACCESS_KEY,
  SECRET_KEY,
  TOKEN_GET,
  TOKEN_REFRESH,
  appServiceOk,
  createHarness,
  mockTokenGet,
  pathIs,
  tokenBody,
  type Harness,
  bodyText,
} from "./helpers";

const LIST = "/enos-app-service/v2.5/apps/list";

/** Records the apim-accesstoken of every list call, answering each with `reply(token)`. */
function interceptList(h: Harness, reply: (token: string) => [number, unknown], times = 1) {
  const seen: string[] = [];
  h.pool
    .intercept({ path: pathIs(LIST), method: "GET" })
    .reply((opts) => {
      const token = (opts.headers as Record<string, string>)["apim-accesstoken"] ?? "";
      seen.push(token);
      const [statusCode, data] = reply(token);
      return { statusCode, data: JSON.stringify(data) };
    })
    .times(times);
  return seen;
}

const ok = (): [number, unknown] => [200, appServiceOk([])];

interface TokenRequestBody {
  appKey: string;
  encryption: string;
  timestamp: number;
}

/** Answers token gets with `replies` in order, recording every body received. */
function interceptTokenGets(h: Harness, ...replies: Array<[number, unknown]>): TokenRequestBody[] {
  const bodies: TokenRequestBody[] = [];
  for (const [statusCode, data] of replies) {
    h.pool.intercept({ path: TOKEN_GET, method: "POST" }).reply((opts) => {
      bodies.push(JSON.parse(bodyText(opts)) as TokenRequestBody);
      return { statusCode, data: JSON.stringify(data) };
    });
  }
  return bodies;
}

/** The documented encryption of a body (EnOS docs: Get Access Token), computed independently of the client. */
const expectedEncryption = (timestamp: number) =>
  createHash("sha256").update(`${ACCESS_KEY}${timestamp}${SECRET_KEY}`).digest("hex");

describe("access tokens", () => {
  it("makes exactly one token request for 100 concurrent calls", async () => {
    const h = createHarness({ maxConcurrentRequests: 100 });
    mockTokenGet(h.pool, "token-single-flight");
    const seen = interceptList(h, ok, 100);

    await Promise.all(Array.from({ length: 100 }, () => h.client.appService.listApps("o1")));

    expect(seen).toHaveLength(100);
    expect(new Set(seen)).toEqual(new Set(["token-single-flight"]));
    await h.finish(); // a second token request would find no interceptor and fail the calls
  });

  it("reuses the cached token until the expiry margin", async () => {
    const h = createHarness({ tokenExpiryMarginMs: 300_000 });
    mockTokenGet(h.pool, "token-cached", 1, 7200);
    const seen = interceptList(h, ok, 2);

    await h.client.appService.listApps("o1");
    h.clock.advance(7200_000 - 300_000 - 1);
    await h.client.appService.listApps("o1");

    expect(seen).toEqual(["token-cached", "token-cached"]);
    await h.finish();
  });

  it("refreshes the still-valid token once inside the expiry margin, sending the old token", async () => {
    const h = createHarness({ tokenExpiryMarginMs: 300_000 });
    mockTokenGet(h.pool, "token-old");
    let refreshBody: Record<string, unknown> = {};
    h.pool.intercept({ path: TOKEN_REFRESH, method: "POST" }).reply(200, (opts) => {
      refreshBody = JSON.parse(bodyText(opts)) as Record<string, unknown>;
      return tokenBody("token-new");
    });
    const seen = interceptList(h, ok, 2);

    await h.client.appService.listApps("o1");
    h.clock.advance(7200_000 - 300_000);
    await h.client.appService.listApps("o1");

    expect(seen).toEqual(["token-old", "token-new"]);
    expect(refreshBody).toMatchObject({ appKey: "ak-test-0001", accessToken: "token-old" });
    expect(typeof refreshBody["encryption"]).toBe("string");
    await h.finish();
  });

  it("gets a new token instead of refreshing once the token has expired", async () => {
    const h = createHarness();
    mockTokenGet(h.pool, "token-1");
    mockTokenGet(h.pool, "token-2");
    const seen = interceptList(h, ok, 2);

    await h.client.appService.listApps("o1");
    h.clock.advance(7200_000);
    await h.client.appService.listApps("o1");

    expect(seen).toEqual(["token-1", "token-2"]);
    await h.finish();
  });

  it("falls back to a get when the refresh fails (1204)", async () => {
    const h = createHarness();
    mockTokenGet(h.pool, "token-1");
    h.pool
      .intercept({ path: TOKEN_REFRESH, method: "POST" })
      .reply(200, { status: 1204, msg: "refresh failed", data: null });
    mockTokenGet(h.pool, "token-2");
    const seen = interceptList(h, ok, 2);

    await h.client.appService.listApps("o1");
    h.clock.advance(7200_000 - 1000);
    await h.client.appService.listApps("o1");

    expect(seen).toEqual(["token-1", "token-2"]);
    await h.finish();
  });

  it.each<[string, number, Record<string, unknown>]>([
    ["HTTP 401 with the token service's {status: 1203}", 401, { status: 1203, msg: "access token has expired" }],
    ["a 1203 code inside an HTTP 200 envelope", 200, { code: 1203, msg: "expired", data: null }],
    ["the gateway's {status: 1203} inside HTTP 200, a body with no code", 200, { status: 1203, msg: "expired" }],
  ])("re-authenticates once and replays a call answered with %s", async (_what, status, body) => {
    const h = createHarness();
    mockTokenGet(h.pool, "token-stale");
    mockTokenGet(h.pool, "token-fresh");
    const seen = interceptList(h, (t) => (t === "token-stale" ? [status, body] : ok()), 2);

    await expect(h.client.appService.listApps("o1")).resolves.toEqual([]);

    expect(seen).toEqual(["token-stale", "token-fresh"]);
    await h.finish();
  });

  it("does not loop when the replay is rejected with 401 again", async () => {
    const h = createHarness();
    mockTokenGet(h.pool, "token-a");
    mockTokenGet(h.pool, "token-b");
    const seen = interceptList(h, () => [401, { message: "Invalid authentication credentials" }], 2);

    const error: unknown = await h.client.appService.listApps("o1").catch((e: unknown) => e);

    expect(EnosApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, category: "token-expired" });
    expect(seen).toEqual(["token-a", "token-b"]);
    await h.finish();
  });

  it("shares one re-authentication among concurrent calls rejected with the same token", async () => {
    const h = createHarness({ maxConcurrentRequests: 10 });
    mockTokenGet(h.pool, "token-stale");
    mockTokenGet(h.pool, "token-fresh");
    const seen = interceptList(h, (t) => (t === "token-stale" ? [401, { message: "Invalid" }] : ok()), 20);

    await Promise.all(Array.from({ length: 10 }, () => h.client.appService.listApps("o1")));

    expect(seen.filter((t) => t === "token-fresh")).toHaveLength(10);
    await h.finish();
  });

  it("sends a new timestamp and encryption on each attempt of a token request, even with no backoff", async () => {
    // random() = 0 makes the backoff 0 ms, so the clock does not move between the attempts.
    const h = createHarness({ random: () => 0 });
    const bodies = interceptTokenGets(h, [503, { message: "Service unavailable" }], [200, tokenBody("token-1")]);
    interceptList(h, ok);

    await h.client.appService.listApps("o1");

    expect(bodies).toHaveLength(2);
    const [first, second] = bodies as [TokenRequestBody, TokenRequestBody];
    expect(second.timestamp).toBeGreaterThan(first.timestamp);
    expect(second.encryption).not.toBe(first.encryption);
    expect(bodies.map((b) => b.encryption)).toEqual(bodies.map((b) => expectedEncryption(b.timestamp)));
    await h.finish();
  });

  it("tries a token get once more, with a fresh encryption, when it is rejected as a replay (1001)", async () => {
    const h = createHarness();
    const bodies = interceptTokenGets(
      h,
      [200, { status: 1001, msg: "repeated request", data: null }],
      [200, tokenBody("token-after-replay")],
    );
    const seen = interceptList(h, ok);

    await expect(h.client.appService.listApps("o1")).resolves.toEqual([]);

    expect(seen).toEqual(["token-after-replay"]);
    expect(bodies[1]?.encryption).not.toBe(bodies[0]?.encryption);
    await h.finish();
  });

  it("reports a second replay rejection (1001) as an auth error instead of trying again", async () => {
    const h = createHarness();
    const replay: [number, unknown] = [200, { status: 1001, msg: "repeated request", data: null }];
    const bodies = interceptTokenGets(h, replay, replay);

    await expect(h.client.appService.listApps("o1")).rejects.toMatchObject({ code: 1001, category: "auth" });

    expect(bodies).toHaveLength(2);
    await h.finish();
  });

  it("reports HTTP 401 from the token service as refused credentials (auth), not an expired token", async () => {
    const h = createHarness();
    const bodies = interceptTokenGets(h, [401, { message: "Invalid authentication credentials" }]);

    await expect(h.client.appService.listApps("o1")).rejects.toMatchObject({
      status: 401,
      category: "auth",
      path: TOKEN_GET,
    });

    expect(bodies).toHaveLength(1);
    await h.finish(); // no list call was made
  });

  it("stops when the re-authentication after a 401 is itself refused with 401", async () => {
    const h = createHarness();
    const bodies = interceptTokenGets(
      h,
      [200, tokenBody("token-rejected")],
      [401, { message: "Invalid authentication credentials" }],
    );
    const seen = interceptList(h, () => [401, { message: "Invalid authentication credentials" }]);

    await expect(h.client.appService.listApps("o1")).rejects.toMatchObject({ category: "auth", path: TOKEN_GET });

    expect(seen).toEqual(["token-rejected"]);
    expect(bodies).toHaveLength(2);
    await h.finish();
  });

  it("reports bad credentials from the token service as an auth error without retrying", async () => {
    const h = createHarness();
    h.pool
      .intercept({ path: TOKEN_GET, method: "POST" })
      .reply(200, { status: 1003, msg: "encryption not valid", data: null });

    await expect(h.client.appService.listApps("o1")).rejects.toMatchObject({
      code: 1003,
      category: "auth",
      path: TOKEN_GET,
    });
    await h.finish();
  });
});

import { MockAgent } from "undici";
import { createEnosClient } from "../../../provider/client";
import { Governor, acquireGovernor } from "../../../provider/client/governor";
import {
  ACCESS_KEY,
  SECRET_KEY,
  TOKEN_GET,
  appServiceOk,
  createFakeClock,
  createHarness,
  mockTokenGet,
  pathIs,
  tick,
  tokenBody,
  uniqueOrigin,
} from "./helpers";
import type { Interceptable } from "undici";

const LIST = "/enos-app-service/v2.5/apps/list";

/** List replies that stay in flight for a few event-loop turns, counting the peak of concurrent requests. */
function countingList(pool: Interceptable, times: number) {
  const stats = { inFlight: 0, peak: 0, served: 0 };
  pool
    .intercept({ path: pathIs(LIST), method: "GET" })
    .reply(200, async () => {
      stats.inFlight++;
      stats.peak = Math.max(stats.peak, stats.inFlight);
      for (let i = 0; i < 3; i++) await tick();
      stats.inFlight--;
      stats.served++;
      return appServiceOk([]);
    })
    .times(times);
  return stats;
}

describe("request governor", () => {
  it("never has more than maxConcurrentRequests requests in flight", async () => {
    const h = createHarness({ maxConcurrentRequests: 3 });
    mockTokenGet(h.pool);
    const stats = countingList(h.pool, 20);

    await Promise.all(Array.from({ length: 20 }, () => h.client.appService.listApps("o1")));

    expect(stats.served).toBe(20);
    expect(stats.peak).toBe(3);
    await h.finish();
  });

  it("defaults to 8 concurrent requests", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    const stats = countingList(h.pool, 30);

    await Promise.all(Array.from({ length: 30 }, () => h.client.appService.listApps("o1")));

    expect(stats.peak).toBe(8);
    await h.finish();
  });

  it("shares one limit among all clients of the same apiUrl", async () => {
    const origin = uniqueOrigin();
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get(origin);
    mockTokenGet(pool, "token-shared", 2);
    const stats = countingList(pool, 20);
    const clock = createFakeClock();
    const make = () =>
      createEnosClient({
        apiUrl: origin,
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
        dispatcher: agent,
        clock,
        maxConcurrentRequests: 2,
      });
    const clients = [make(), make()];

    await Promise.all(clients.flatMap((c) => Array.from({ length: 10 }, () => c.appService.listApps("o1"))));

    expect(stats.peak).toBe(2);
    await Promise.all(clients.map((c) => c.close()));
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  it("spaces request starts when maxRequestsPerSecond is set", async () => {
    const h = createHarness({ maxRequestsPerSecond: 10 });
    mockTokenGet(h.pool);
    countingList(h.pool, 5);
    const start = h.clock.now();

    await Promise.all(Array.from({ length: 5 }, () => h.client.appService.listApps("o1")));

    // 6 requests (the token get and 5 lists) at 10/s: the last one starts 500 ms after the first.
    expect(h.clock.now() - start).toBe(500);
    expect(h.clock.sleeps.every((ms) => ms > 0)).toBe(true);
    await h.finish();
  });

  it("paces every HTTP request, the token request and retries included", async () => {
    // retryBaseDelayMs 0: the backoff adds no time, so any spacing seen comes from the governor.
    const h = createHarness({ maxRequestsPerSecond: 10, retryBaseDelayMs: 0 });
    const startedAt: number[] = [];
    const start = h.clock.now();
    const record =
      <T>(reply: T) =>
      () => {
        startedAt.push(h.clock.now() - start);
        return reply;
      };
    h.pool.intercept({ path: TOKEN_GET, method: "POST" }).reply(200, record(tokenBody("token-paced")));
    h.pool.intercept({ path: pathIs(LIST), method: "GET" }).reply(503, record({ message: "Service unavailable" }));
    h.pool.intercept({ path: pathIs(LIST), method: "GET" }).reply(502, record({ message: "Bad gateway" }));
    h.pool.intercept({ path: pathIs(LIST), method: "GET" }).reply(200, record(appServiceOk([])));

    await h.client.appService.listApps("o1");

    expect(startedAt).toEqual([0, 100, 200, 300]);
    await h.finish();
  });

  it("signs each paced request when it leaves, not when it started waiting", async () => {
    const h = createHarness({ maxRequestsPerSecond: 10 });
    mockTokenGet(h.pool);
    const skews: number[] = [];
    h.pool
      .intercept({ path: pathIs(LIST), method: "GET" })
      .reply(200, (request) => {
        const headers = request.headers as Record<string, string>;
        skews.push(h.clock.now() - Number(headers["apim-timestamp"]));
        return appServiceOk([]);
      })
      .times(3);

    await Promise.all(Array.from({ length: 3 }, () => h.client.appService.listApps("o1")));

    // The third list waits 300 ms behind the token get and two lists; signed before waiting, it would be 300 ms old.
    expect(skews).toEqual([0, 0, 0]);
    await h.finish();
  });

  it("paces the requests of one slot without deadlock when a single slot is shared", async () => {
    const h = createHarness({ maxConcurrentRequests: 1, maxRequestsPerSecond: 10, retryBaseDelayMs: 0 });
    mockTokenGet(h.pool);
    h.pool.intercept({ path: pathIs(LIST), method: "GET" }).reply(503, { message: "Service unavailable" });
    countingList(h.pool, 2);
    const start = h.clock.now();

    await Promise.all([h.client.appService.listApps("o1"), h.client.appService.listApps("o1")]);

    // token get, list (503), its retry, then the second call's list: 4 starts, 100 ms apart.
    expect(h.clock.now() - start).toBe(300);
    await h.finish();
  });

  it("does not pace requests when no rate is set", async () => {
    const h = createHarness();
    mockTokenGet(h.pool);
    countingList(h.pool, 5);

    await Promise.all(Array.from({ length: 5 }, () => h.client.appService.listApps("o1")));

    expect(h.clock.sleeps).toEqual([]);
    await h.finish();
  });
});

describe("governor registry", () => {
  it("hands every lease of one apiUrl the same governor, with the tightest limits", () => {
    const clock = createFakeClock();
    const url = uniqueOrigin();
    const a = acquireGovernor(url, { maxConcurrent: 8, maxPerSecond: undefined }, clock);
    const b = acquireGovernor(url, { maxConcurrent: 4, maxPerSecond: 20 }, clock);
    expect(b.governor).toBe(a.governor);
    expect(a.governor.currentLimits).toEqual({ maxConcurrent: 4, maxPerSecond: 20 });
    a.release();
    b.release();
    const c = acquireGovernor(url, { maxConcurrent: 8, maxPerSecond: undefined }, clock);
    expect(c.governor).not.toBe(a.governor);
    c.release();
  });

  it("keeps a separate governor per apiUrl", () => {
    const clock = createFakeClock();
    const a = acquireGovernor(uniqueOrigin(), { maxConcurrent: 1, maxPerSecond: undefined }, clock);
    const b = acquireGovernor(uniqueOrigin(), { maxConcurrent: 1, maxPerSecond: undefined }, clock);
    expect(b.governor).not.toBe(a.governor);
    a.release();
    b.release();
  });

  it("releases a slot when a task fails", async () => {
    const g = new Governor({ maxConcurrent: 1, maxPerSecond: undefined }, createFakeClock());
    await expect(g.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(g.run(async () => "next")).resolves.toBe("next");
  });
});

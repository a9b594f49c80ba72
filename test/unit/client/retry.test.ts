import {
  parseRetryAfter,
  retryDelayMs,
  shouldRetry,
  withRetry,
  type RetryPolicy,
} from "../../../provider/client/retry";
import {
  ConfigError,
  EnosApiError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
} from "../../../provider/client";
import { createFakeClock } from "./helpers";

const site = { method: "POST", path: "/p" };
const http = (status: number, code?: number) => new EnosApiError({ ...site, status, code, msg: "m" });
/** Kong's own 429 `{"message": "API rate limit exceeded"}`: answered before the request reached the service. */
const gateway429 = new EnosApiError({ ...site, status: 429, code: undefined, msg: "m", fromGateway: true });
const reset = new NetworkError(site, "ECONNRESET", false, undefined);
const refused = new NetworkError(site, "ECONNREFUSED", true, undefined);
const timeout = new TimeoutError(site, 1000, undefined);
const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 30_000 };

describe("shouldRetry", () => {
  it.each<[string, unknown, boolean, boolean]>([
    ["HTTP 429, idempotent", http(429), true, true],
    ["HTTP 429 with an EnOS code, idempotent", http(429, 31429), true, true],
    ["gateway 429, create (Kong throttled before the service)", gateway429, false, true],
    ["HTTP 429 with an EnOS code, create (the service answered)", http(429, 31429), false, false],
    ["HTTP 429 with no gateway body, create (origin unknown)", http(429), false, false],
    ["HTTP 500, idempotent", http(500), true, true],
    ["HTTP 502, idempotent", http(502), true, true],
    ["HTTP 503, idempotent", http(503), true, true],
    ["HTTP 504, idempotent", http(504), true, true],
    ["HTTP 408, idempotent", http(408), true, true],
    ["HTTP 503, create (may have reached the service)", http(503), false, false],
    ["HTTP 501 (permanent)", http(501), true, false],
    ["HTTP 400", http(400), true, false],
    ["HTTP 401 (the auth layer replays it)", http(401), true, false],
    ["99500 in HTTP 200, idempotent", http(200, 99500), true, true],
    ["31404 not found", http(200, 31404), true, false],
    ["connection reset, idempotent", reset, true, true],
    ["connection reset, create", reset, false, false],
    ["connection refused, create (never sent)", refused, false, true],
    ["timeout, idempotent", timeout, true, true],
    ["timeout, create", timeout, false, false],
    ["malformed response", new ResponseValidationError(site, 200, []), true, false],
    ["config error", new ConfigError("apiUrl", "x"), true, false],
    ["a plain Error", new Error("bug"), true, false],
  ])("%s -> %s", (_title, error, idempotent, expected) => {
    expect(shouldRetry(error, 1, idempotent, 3)).toBe(expected);
  });

  it("stops after maxRetries retries", () => {
    expect(shouldRetry(http(503), 3, true, 3)).toBe(true);
    expect(shouldRetry(http(503), 4, true, 3)).toBe(false);
    expect(shouldRetry(http(503), 1, true, 0)).toBe(false);
  });
});

describe("retryDelayMs", () => {
  it("backs off exponentially with full jitter, capped", () => {
    expect(retryDelayMs(1, undefined, () => 0.999, policy)).toBe(499);
    expect(retryDelayMs(2, undefined, () => 0.5, policy)).toBe(500);
    expect(retryDelayMs(3, undefined, () => 0.5, policy)).toBe(1000);
    expect(retryDelayMs(10, undefined, () => 0.5, policy)).toBe(10_000);
    expect(retryDelayMs(3, undefined, () => 0, policy)).toBe(0);
  });

  it("honours Retry-After, capped by maxRetryAfterMs", () => {
    expect(retryDelayMs(1, 1000, () => 0.5, policy)).toBe(1000);
    expect(retryDelayMs(1, 120_000, () => 0.5, policy)).toBe(30_000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it("reads delta-seconds", () => expect(parseRetryAfter("1", now)).toBe(1000));
  it("reads an HTTP-date relative to now", () =>
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:05 GMT", now)).toBe(5000));
  it("treats a past date as no wait", () => expect(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0));
  it("ignores garbage and absence", () => {
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe("withRetry", () => {
  it("retries until success, sleeping the computed delays on the injected clock", async () => {
    const clock = createFakeClock();
    const failures = [http(503), reset];
    const task = jest.fn(async () => {
      const next = failures.shift();
      if (next) throw next;
      return "ok";
    });
    await expect(withRetry(task, { policy, idempotent: true, clock, random: () => 0.5 })).resolves.toBe("ok");
    expect(task).toHaveBeenCalledTimes(3);
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it("rethrows the last error once retries are exhausted", async () => {
    const clock = createFakeClock();
    const task = jest.fn(async () => {
      throw http(503);
    });
    await expect(withRetry(task, { policy, idempotent: true, clock, random: () => 0 })).rejects.toMatchObject({
      status: 503,
    });
    expect(task).toHaveBeenCalledTimes(4);
  });
});

/**
 * Test kit for the client: an undici MockAgent as the dispatcher (no sockets), a fake clock that records the delays
 * asked of it, and envelope builders per service family.
 */
import { MockAgent, type Interceptable } from "undici";
import { createEnosClient, type ClientOptions, type EnosClient } from "../../../provider/client";

export const ACCESS_KEY = "ak-test-0001";
export const SECRET_KEY = "sk-super-secret-value-0001";

/** A clock whose sleep resolves at once, advancing virtual time and recording the requested delay. */
export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  advance(ms: number): void;
  readonly sleeps: number[];
}

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += Math.max(0, ms);
    },
    advance: (ms) => {
      t += ms;
    },
    sleeps,
  };
}

let originCounter = 0;

/** A fresh origin per test, so the per-apiUrl governor registry never leaks between tests. */
export function uniqueOrigin(): string {
  originCounter += 1;
  return `http://enos-gw-${process.pid}-${originCounter}.test`;
}

export interface Harness {
  origin: string;
  agent: MockAgent;
  pool: Interceptable;
  clock: FakeClock;
  client: EnosClient;
  /** Closes the client and asserts every interceptor was used. */
  finish(): Promise<void>;
}

/** A client on a MockAgent. Debug logging is off unless asked for (or `useEnvDebug` leaves it to ENOS_DEBUG). */
export function createHarness(options: Partial<ClientOptions> = {}, { useEnvDebug = false } = {}): Harness {
  const origin = uniqueOrigin();
  const agent = new MockAgent();
  agent.disableNetConnect();
  const clock = createFakeClock();
  const client = createEnosClient({
    apiUrl: origin,
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    dispatcher: agent,
    clock,
    random: () => 0.5,
    ...(useEnvDebug ? {} : { debug: false }),
    ...options,
  });
  return {
    origin,
    agent,
    pool: agent.get(origin),
    clock,
    client,
    finish: async () => {
      await client.close();
      agent.assertNoPendingInterceptors();
      await agent.close();
    },
  };
}

export const TOKEN_GET = "/apim-token-service/v2.0/token/get";
export const TOKEN_REFRESH = "/apim-token-service/v2.0/token/refresh";

export function tokenBody(accessToken: string, expire = 7200) {
  return { status: 0, msg: "SUCCESS", business: "apim-token-service", data: { accessToken, expire } };
}

/** Answers `times` token gets with `accessToken`. */
export function mockTokenGet(pool: Interceptable, accessToken = "token-aaaa-0001", times = 1, expire = 7200): void {
  pool.intercept({ path: TOKEN_GET, method: "POST" }).reply(200, tokenBody(accessToken, expire)).times(times);
}

export const appServiceOk = (data: unknown) => ({ code: 0, msg: "OK", subMsg: null, data });
export const appPortalOk = (data: unknown) => ({ code: 0, message: "OK", data });
export const connectOk = (data: unknown) => ({ code: 0, msg: "OK", requestId: "req-1", data });

/** Path matcher: the path part equals `path` (any query). */
export const pathIs = (path: string) => (p: string) => p.split("?")[0] === path;

export function sampleApp(overrides: Record<string, unknown> = {}) {
  return {
    id: "app-1",
    accessKey: "app-ak-1",
    secretKey: "app-secret-7f3c9e1d2b4a",
    name: { default: "Energy Management" },
    description: {},
    categoryId: 104,
    categoryName: { default: "common building blocks" },
    keyword: "energy",
    type: 0,
    icon: "",
    url: "",
    organizationId: "o1",
    organizationName: "OU one",
    createdByUserId: "u0",
    createdAt: "2024-01-19 08:40:45",
    status: 2,
    ...overrides,
  };
}

/** Resolves after pending I/O callbacks: lets mocked requests progress without real time. */
export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The request body a MockAgent reply callback received (the client always sends strings). */
export const bodyText = (opts: { body?: unknown }): string => (typeof opts.body === "string" ? opts.body : "");

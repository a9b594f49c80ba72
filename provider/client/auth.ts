/**
 * APIM access tokens (EnOS docs: Get Access Token, Refresh Access Token): one cached token per client, renewed
 * `marginMs` before it expires (refresh while it is still valid, else get), single-flight so any number of concurrent
 * calls cause one token request, and one re-auth + replay when a call answers "token expired" (1203 or HTTP 401).
 *
 * Every token request attempt carries its own timestamp, strictly later than the last one, and so its own `encryption`:
 * EnOS rejects a repeated encryption as a replay (1001), and a retry after a timeout or reset may follow an attempt
 * that did arrive.
 */
import { z } from "zod";
import type { Clock } from "./clock";
import { isTokenExpired } from "./error-guards";
import { EnosApiError, EnosError } from "./errors";
import type { SecretSet } from "./redact";
import { tokenEncryption } from "./signing";

export const TOKEN_GET_PATH = "/apim-token-service/v2.0/token/get";
export const TOKEN_REFRESH_PATH = "/apim-token-service/v2.0/token/refresh";

/**
 * True for a client error of a token request (get or refresh, any kind: refused credentials, no route, network,
 * timeout, unreadable answer). Such a failure happens before the call that needed the token is sent, so that call
 * provably did not reach EnOS.
 */
export function isTokenRequestError(error: unknown): error is EnosError & { path: string } {
  if (!EnosError.isInstance(error)) return false;
  const { path } = error as { path?: unknown };
  return path === TOKEN_GET_PATH || path === TOKEN_REFRESH_PATH;
}

const tokenDataSchema = z.looseObject({
  accessToken: z.string().min(1),
  // Seconds (documented default 7200); accept a numeric string as well.
  expire: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
});

export type TokenData = z.output<typeof tokenDataSchema>;

/** The documented "repeated request with duplicated encryption" (EnOS docs: Invoke API with Access Token). */
const REPLAY_CODE = 1001;

/**
 * Sends a token-service request (no auth headers) and returns `data` validated by `schema`. `body` is called once
 * per attempt, so that retries carry a fresh timestamp and encryption.
 */
export type TokenPost = (
  path: string,
  body: () => Record<string, unknown>,
  schema: typeof tokenDataSchema,
) => Promise<TokenData>;

export interface TokenManagerOptions {
  accessKey: string;
  secretKey: string;
  clock: Clock;
  marginMs: number;
  post: TokenPost;
  secrets: SecretSet;
}

interface CachedToken {
  token: string;
  expiresAt: number;
  renewAt: number;
}

/** Hands out a valid access token; see the file comment. */
export class TokenManager {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;
  private lastTimestamp = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: TokenManagerOptions) {}

  /** The cached token while it is fresh; otherwise the (shared) result of one refresh/get. */
  current(): Promise<string> {
    const now = this.options.clock.now();
    if (this.cached && now < this.cached.renewAt) return Promise.resolve(this.cached.token);
    return this.singleFlight(() => this.obtain());
  }

  /** A token other than `rejected`: another caller's renewal if there is one, else a fresh get. */
  async renew(rejected: string): Promise<string> {
    if (this.pending) await this.pending.catch(() => undefined);
    if (this.cached && this.cached.token !== rejected) return this.current();
    this.cached = undefined;
    return this.singleFlight(() => this.request("get"));
  }

  private singleFlight(obtain: () => Promise<string>): Promise<string> {
    this.pending ??= obtain().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async obtain(): Promise<string> {
    const stillValid = this.cached && this.options.clock.now() < this.cached.expiresAt;
    if (!stillValid) return this.request("get");
    try {
      return await this.request("refresh");
    } catch (error) {
      // 1204 "refresh failed" and friends: a plain get still works while the credentials do.
      if (EnosApiError.isInstance(error)) return this.request("get");
      throw error;
    }
  }

  /** One token request. A replay rejection (1001) gets one more attempt, which is a new request: see below. */
  private async request(kind: "get" | "refresh"): Promise<string> {
    try {
      return await this.send(kind);
    } catch (error) {
      // 1001: the service has seen this (appKey, encryption) pair already. Every attempt of ours has its own
      // timestamp, so it was another client with the same key in the same millisecond (e.g. the program's lookups
      // beside the provider process). A new timestamp makes a new request; repeating a get returns the same token.
      if (!(EnosApiError.isInstance(error) && error.code === REPLAY_CODE)) throw error;
      return this.send(kind);
    }
  }

  private async send(kind: "get" | "refresh"): Promise<string> {
    const { accessKey, secretKey, post } = this.options;
    const refreshing = kind === "refresh" ? this.cached?.token : undefined;
    let sentAt = 0; // set by each attempt's body
    const body = (): Record<string, unknown> => {
      sentAt = this.nextTimestamp();
      return {
        appKey: accessKey,
        encryption: tokenEncryption(accessKey, sentAt, secretKey),
        timestamp: sentAt,
        ...(refreshing === undefined ? {} : { accessToken: refreshing }),
      };
    };
    const data = await post(kind === "get" ? TOKEN_GET_PATH : TOKEN_REFRESH_PATH, body, tokenDataSchema);
    this.store(data, sentAt);
    return data.accessToken;
  }

  /** Now, or 1 ms past the previous timestamp when the clock has not moved (a retry with no backoff). */
  private nextTimestamp(): number {
    this.lastTimestamp = Math.max(this.options.clock.now(), this.lastTimestamp + 1);
    return this.lastTimestamp;
  }

  private store(data: TokenData, requestedAt: number): void {
    const lifetimeMs = data.expire * 1000;
    // A margin longer than half the lifetime would renew on every call; cap it.
    const margin = Math.min(this.options.marginMs, lifetimeMs / 2);
    this.options.secrets.add(data.accessToken);
    this.cached = {
      token: data.accessToken,
      expiresAt: requestedAt + lifetimeMs,
      renewAt: requestedAt + lifetimeMs - margin,
    };
  }
}

/** Runs `call` with a token; on token-expired, renews once and replays once. A second rejection is thrown. */
export async function withToken<T>(tokens: TokenManager, call: (token: string) => Promise<T>): Promise<T> {
  const token = await tokens.current();
  try {
    return await call(token);
  } catch (error) {
    if (!isTokenExpired(error)) throw error;
    return call(await tokens.renew(token));
  }
}

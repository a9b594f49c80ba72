import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { gatewayBody, type JsonBody } from "./envelopes";
import type { Policy } from "./policies";
import type { StateData } from "./state-schema";

/** inf: the docs give no skew window for token timestamps or apim-timestamp; we allow +-15 minutes. */
export const TIMESTAMP_SKEW_MS = 15 * 60 * 1000;

/** Who is calling: a seeded service account, or an app registered through the API (its accessKey/secretKey). */
export interface Credential {
  principalId: string;
  principalName: string;
  accessKey: string;
  secretKey: string;
  orgId: string;
  /** null = every policy (not modelled). */
  policies: readonly Policy[] | null;
}

export function findCredential(data: StateData, accessKey: string): Credential | undefined {
  const account = data.serviceAccounts.find((candidate) => candidate.accessKey === accessKey);
  if (account)
    return {
      principalId: account.id,
      principalName: account.name,
      ...pick(account),
      policies: account.policies ?? null,
    };
  const app = data.apps.find((candidate) => candidate.accessKey === accessKey);
  // inf: an app registered through the API holds every policy (nothing in the API can grant it one).
  if (app) return { principalId: app.id, principalName: app.name["default"] ?? app.id, ...pick(app), policies: null };
  return undefined;
}

function pick(source: { accessKey: string; secretKey: string; orgId: string }) {
  return { accessKey: source.accessKey, secretKey: source.secretKey, orgId: source.orgId };
}

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Invoke API with Access Token: query parameters sorted by key (ASCII order, stable for repeated keys), concatenated as
 * key1value1key2value2 with decoded values, then the raw body string when there is one.
 */
export function paramsData(query: ReadonlyArray<readonly [string, string]>, rawBody: string): string {
  const sorted = [...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.map(([key, value]) => key + value).join("") + rawBody;
}

/** apim-signature = lowercase hex sha256(accessToken + paramsData + timestamp + secretKey). */
export function requestSignature(token: string, params: string, timestamp: string, secretKey: string): string {
  return sha256Hex(token + params + timestamp + secretKey);
}

export interface TokenRecord {
  token: string;
  accessKey: string;
  expiresAt: number;
}

/** One live token per accessKey (a second get while unexpired returns the same one: Get Access Token). */
export class TokenStore {
  private readonly byToken = new Map<string, TokenRecord>();
  private readonly latest = new Map<string, string>();

  constructor(
    private readonly clock: () => number,
    private readonly lifetimeMs: number,
  ) {}

  issue(accessKey: string): TokenRecord {
    const current = this.byToken.get(this.latest.get(accessKey) ?? "");
    if (current && current.expiresAt > this.clock()) return current;
    return this.mint(accessKey, current?.token);
  }

  /**
   * inf: refresh is accepted for the key's latest token even after it expired (docs n/f; the defensive choice);
   * any other token gets 1204. The old token stops working at once.
   */
  refresh(accessKey: string, oldToken: string): TokenRecord | undefined {
    if (this.latest.get(accessKey) !== oldToken) return undefined;
    return this.mint(accessKey, oldToken);
  }

  lookup(token: string): TokenRecord | undefined {
    return this.byToken.get(token);
  }

  /** Used by the "expire-token" fault: the token is still known, but now answers 1203. */
  expire(token: string): void {
    const record = this.byToken.get(token);
    if (record) record.expiresAt = Math.min(record.expiresAt, this.clock());
  }

  expiresInSeconds(record: TokenRecord): number {
    return Math.max(0, Math.ceil((record.expiresAt - this.clock()) / 1000));
  }

  private mint(accessKey: string, previous: string | undefined): TokenRecord {
    if (previous !== undefined) this.byToken.delete(previous);
    const record = { token: randomBytes(24).toString("hex"), accessKey, expiresAt: this.clock() + this.lifetimeMs };
    this.byToken.set(record.token, record);
    this.latest.set(accessKey, record.token);
    return record;
  }
}

export interface AuthRequest {
  headers: IncomingHttpHeaders;
  query: ReadonlyArray<readonly [string, string]>;
  rawBody: string;
}

export type AuthOutcome = { ok: true; caller: Credential } | { ok: false; body: JsonBody };

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export const isSigned = (headers: IncomingHttpHeaders): boolean =>
  header(headers, "apim-signature") !== undefined || header(headers, "apim-timestamp") !== undefined;

export const presentedToken = (headers: IncomingHttpHeaders): string | undefined => header(headers, "apim-accesstoken");

/**
 * Gateway check: missing/unknown token, expired token (1203), then the signature (1003) (codes: Invoke API with Access
 * Token). inf: all three are HTTP 401 (the docs give no HTTP statuses), the first with the Kong body of API Getting
 * Started. Unsigned requests are accepted, as real callers send only the token (the docs' upload samples).
 */
export function authenticate(request: AuthRequest, data: StateData, tokens: TokenStore, now: number): AuthOutcome {
  const token = presentedToken(request.headers);
  const record = token === undefined ? undefined : tokens.lookup(token);
  const caller = record && findCredential(data, record.accessKey);
  if (!record || !caller) return { ok: false, body: gatewayBody(401) };
  if (record.expiresAt <= now) return { ok: false, body: { status: 1203, msg: "access token has expired" } };
  if (!isSigned(request.headers)) return { ok: true, caller };
  const signature = header(request.headers, "apim-signature") ?? "";
  const timestamp = header(request.headers, "apim-timestamp") ?? "";
  const stamp = /^\d+$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  const expected = requestSignature(
    record.token,
    paramsData(request.query, request.rawBody),
    timestamp,
    caller.secretKey,
  );
  const fresh = Math.abs(stamp - now) <= TIMESTAMP_SKEW_MS;
  if (!fresh || !sameText(signature, expected))
    return { ok: false, body: { status: 1003, msg: "signature is not valid" } };
  return { ok: true, caller };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

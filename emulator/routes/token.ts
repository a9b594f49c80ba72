import { findCredential, sha256Hex, TIMESTAMP_SKEW_MS, type TokenRecord } from "../auth";
import { CodedError } from "../service-error";
import type { Route, RouteContext } from "./route";

const BASE = "/apim-token-service/v2.0/token";

const empty = () => new CodedError(1202, "parameter is empty");
const badParam = () => new CodedError(1004, "invalid parameter");

function field(body: Record<string, unknown>, name: string): unknown {
  const value = body[name];
  if (value === undefined || value === null || value === "") throw empty();
  return value;
}

/**
 * Checks {appKey, encryption, timestamp} (Get Access Token): encryption = lowercase hex sha256(appKey + timestamp +
 * secretKey). inf: timestamp may be a number or a decimal string; outside +-15 min it is 1004. inf: every status
 * is sent with HTTP 200 (the docs give no HTTP status for token-service errors). A valid pair seen before
 * is 1001 (replay, see replay-guard.ts); inf: it is checked after 1002/1003, so only a genuine pair counts as used.
 */
function verifyKeyPair(context: RouteContext): { body: Record<string, unknown>; accessKey: string } {
  const body = context.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw empty();
  const fields = body as Record<string, unknown>;
  const appKey = field(fields, "appKey");
  const encryption = field(fields, "encryption");
  const timestamp = field(fields, "timestamp");
  if (typeof appKey !== "string" || typeof encryption !== "string") throw badParam();
  const stamp = typeof timestamp === "string" && /^\d+$/.test(timestamp) ? Number(timestamp) : timestamp;
  if (typeof stamp !== "number" || !Number.isSafeInteger(stamp)) throw badParam();
  if (Math.abs(stamp - context.clock()) > TIMESTAMP_SKEW_MS) throw badParam();
  const credential = findCredential(context.store.data, appKey);
  if (!credential) throw new CodedError(1002, "appKey does not exist");
  if (encryption !== sha256Hex(appKey + String(stamp) + credential.secretKey))
    throw new CodedError(1003, "encryption is not valid");
  if (context.replays?.isReplay(appKey, encryption, stamp)) throw new CodedError(1001, "repeated request");
  return { body: fields, accessKey: appKey };
}

/** inf: `expire` is the token's remaining lifetime in seconds (7200 when fresh), also for a re-issued token. */
const tokenData = (context: RouteContext, record: TokenRecord) => ({
  accessToken: record.token,
  expire: context.tokens.expiresInSeconds(record),
});

export const tokenRoutes: readonly Route[] = [
  {
    methods: ["POST"],
    path: `${BASE}/get`,
    service: "token",
    public: true,
    handle(context) {
      const { accessKey } = verifyKeyPair(context);
      return tokenData(context, context.tokens.issue(accessKey));
    },
  },
  {
    methods: ["POST"],
    path: `${BASE}/refresh`,
    service: "token",
    public: true,
    handle(context) {
      const { body, accessKey } = verifyKeyPair(context);
      const oldToken = field(body, "accessToken");
      const record = typeof oldToken === "string" ? context.tokens.refresh(accessKey, oldToken) : undefined;
      if (!record) throw new CodedError(1204, "failed to refresh access token");
      return tokenData(context, record);
    },
  },
];

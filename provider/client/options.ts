/**
 * Caller options (`ClientOptions`) and their validated, defaulted form (`ResolvedClientOptions`).
 */
import type { Dispatcher } from "undici";
import { systemClock, type Clock } from "./clock";
import { ConfigError } from "./errors";

/** How to build an EnOS client. Only `apiUrl`, `accessKey` and `secretKey` are required. */
export interface ClientOptions {
  /** The API gateway base URL, e.g. `https://apim-ppe1.envisioniot.com`. */
  apiUrl: string;
  /** Service account accessKey (the APIM `appKey`). */
  accessKey: string;
  /** Service account secretKey. Never logged, never in an error. */
  secretKey: string;
  /** Per-request timeout. @default 30_000 */
  timeoutMs?: number;
  /** Retries after the first attempt, for retryable failures. @default 3 */
  maxRetries?: number;
  /** Base of the exponential backoff with full jitter (capped at 20 s). @default 500 */
  retryBaseDelayMs?: number;
  /** Cap on an honoured `Retry-After`. @default 30_000 */
  maxRetryAfterMs?: number;
  /** Requests in flight at once, shared by every client of the same apiUrl in this process. @default 8 */
  maxConcurrentRequests?: number;
  /**
   * HTTP requests started per second, retries and token requests included; shared like `maxConcurrentRequests`.
   * @default unlimited
   */
  maxRequestsPerSecond?: number;
  /** Renew the access token this long before it expires. @default 300_000 */
  tokenExpiryMarginMs?: number;
  /** undici dispatcher to send requests with (tests pass a MockAgent). @default a shared keep-alive Agent */
  dispatcher?: Dispatcher;
  /** Time source. @default the system clock */
  clock?: Clock;
  /** Random source in [0, 1) for backoff jitter. @default Math.random */
  random?: () => number;
  /** Redacted request logging: true -> stderr, a function -> that sink. @default process.env.ENOS_DEBUG === "1" */
  debug?: boolean | ((line: string) => void);
}

/** Options after validation and defaults (the `Required<>` view used inside the client). */
export interface ResolvedClientOptions {
  apiUrl: string;
  accessKey: string;
  secretKey: string;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  maxRetryAfterMs: number;
  maxConcurrentRequests: number;
  maxRequestsPerSecond: number | undefined;
  tokenExpiryMarginMs: number;
  dispatcher: Dispatcher | undefined;
  clock: Clock;
  random: () => number;
  log: ((line: string) => void) | undefined;
}

const HOW_TO_SET = {
  apiUrl:
    "run `pulumi config set enos:apiUrl https://<your API gateway>` or set ENOS_API_URL (the APIM gateway URL, http or https)",
  accessKey:
    "run `pulumi config set --secret enos:accessKey <accessKey>` or set ENOS_ACCESS_KEY (the service account accessKey)",
  secretKey:
    "run `pulumi config set --secret enos:secretKey <secretKey>` or set ENOS_SECRET_KEY (the service account secretKey)",
} as const;

function requireText(key: keyof typeof HOW_TO_SET, value: string | undefined): string {
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(key, HOW_TO_SET[key]);
  return value;
}

function normaliseApiUrl(value: string | undefined): string {
  const text = requireText("apiUrl", value).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError("apiUrl", HOW_TO_SET.apiUrl, "is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError("apiUrl", HOW_TO_SET.apiUrl, "must start with http:// or https://");
  }
  // Keep a base path if the gateway is mounted under one; drop the trailing slash so paths join cleanly.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function numberOption(key: string, value: number | undefined, fallback: number, min: number, integer = false): number {
  if (value === undefined) return fallback;
  const ok = Number.isFinite(value) && value >= min && (!integer || Number.isInteger(value));
  if (!ok) throw new ConfigError(key, `pass ${integer ? "an integer" : "a number"} >= ${min}`, "is invalid");
  return value;
}

function positiveOrUnset(key: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (Number.isFinite(value) && value > 0) return value;
  throw new ConfigError(key, "pass a number > 0, or leave it unset for no limit", "is invalid");
}

function resolveLog(debug: ClientOptions["debug"]): ((line: string) => void) | undefined {
  if (typeof debug === "function") return debug;
  const on = debug ?? process.env["ENOS_DEBUG"] === "1";
  return on ? (line) => process.stderr.write(`${line}\n`) : undefined;
}

/** Validates options and fills in defaults. Throws `ConfigError` naming the setting and how to set it. */
export function resolveOptions(options: ClientOptions): ResolvedClientOptions {
  return {
    apiUrl: normaliseApiUrl(options.apiUrl),
    accessKey: requireText("accessKey", options.accessKey),
    secretKey: requireText("secretKey", options.secretKey),
    timeoutMs: numberOption("timeoutMs", options.timeoutMs, 30_000, 1),
    maxRetries: numberOption("maxRetries", options.maxRetries, 3, 0, true),
    retryBaseDelayMs: numberOption("retryBaseDelayMs", options.retryBaseDelayMs, 500, 0),
    maxRetryAfterMs: numberOption("maxRetryAfterMs", options.maxRetryAfterMs, 30_000, 0),
    maxConcurrentRequests: numberOption("maxConcurrentRequests", options.maxConcurrentRequests, 8, 1, true),
    maxRequestsPerSecond: positiveOrUnset("maxRequestsPerSecond", options.maxRequestsPerSecond),
    tokenExpiryMarginMs: numberOption("tokenExpiryMarginMs", options.tokenExpiryMarginMs, 300_000, 0),
    dispatcher: options.dispatcher,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    log: resolveLog(options.debug),
  };
}

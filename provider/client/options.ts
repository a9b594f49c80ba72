/**
 * Caller options (`ClientOptions`) and their validated, defaulted form (`ResolvedClientOptions`). The rules are
 * those of settings.ts, which the provider's stack settings follow too.
 */
import type { Dispatcher } from "undici";
import { systemClock, type Clock } from "./clock";
import { ConfigError } from "./errors";
import { NUMBER_RULES, howToSet, isUserSetting, isValidNumber, parseApiUrl, type NumberOptionKey } from "./settings";

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
  /**
   * How long getting an access token may take, every attempt and backoff included (each attempt also within
   * `timeoutMs`). The first token request of a deployment proves the credentials, at `pulumi preview` too, so this
   * bounds how long a gateway that does not answer holds a preview. @default 15_000
   */
  tokenTimeoutMs?: number;
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
  tokenTimeoutMs: number;
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

/** "run `pulumi config set ...` or set ENOS_...", or how to pass an option that is not a stack setting. */
function howToPass(key: keyof ClientOptions): string {
  return isUserSetting(key) ? howToSet(key) : `pass a valid \`${key}\` in the client options`;
}

function requireText(key: "apiUrl" | "accessKey" | "secretKey", value: string | undefined): string {
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(key, howToPass(key));
  return value;
}

function apiUrlOf(value: string | undefined): string {
  const parsed = parseApiUrl(requireText("apiUrl", value));
  if ("problem" in parsed) throw new ConfigError("apiUrl", howToPass("apiUrl"), parsed.problem);
  return parsed.url;
}

function numberOption(key: NumberOptionKey, value: number | undefined, fallback: number): number;
function numberOption(key: NumberOptionKey, value: number | undefined, fallback: undefined): number | undefined;
function numberOption(key: NumberOptionKey, value: number | undefined, fallback: number | undefined) {
  if (value === undefined) return fallback;
  if (!isValidNumber(key, value)) {
    throw new ConfigError(key, howToPass(key), `must be ${NUMBER_RULES[key].rule}; got ${String(value)}`);
  }
  return value;
}

function resolveLog(debug: ClientOptions["debug"]): ((line: string) => void) | undefined {
  if (typeof debug === "function") return debug;
  const on = debug ?? process.env["ENOS_DEBUG"] === "1";
  return on ? (line) => process.stderr.write(`${line}\n`) : undefined;
}

/**
 * The default of `tokenTimeoutMs`: a preview against a gateway that does not answer fails within about 15 s (issue
 * 12), while a token service that is merely slow still has one full attempt of 15 s.
 */
export const DEFAULT_TOKEN_TIMEOUT_MS = 15_000;

/** Validates options and fills in defaults. Throws `ConfigError` naming the setting and how to set it. */
export function resolveOptions(options: ClientOptions): ResolvedClientOptions {
  return {
    apiUrl: apiUrlOf(options.apiUrl),
    accessKey: requireText("accessKey", options.accessKey),
    secretKey: requireText("secretKey", options.secretKey),
    timeoutMs: numberOption("timeoutMs", options.timeoutMs, 30_000),
    tokenTimeoutMs: numberOption("tokenTimeoutMs", options.tokenTimeoutMs, DEFAULT_TOKEN_TIMEOUT_MS),
    maxRetries: numberOption("maxRetries", options.maxRetries, 3),
    retryBaseDelayMs: numberOption("retryBaseDelayMs", options.retryBaseDelayMs, 500),
    maxRetryAfterMs: numberOption("maxRetryAfterMs", options.maxRetryAfterMs, 30_000),
    maxConcurrentRequests: numberOption("maxConcurrentRequests", options.maxConcurrentRequests, 8),
    maxRequestsPerSecond: numberOption("maxRequestsPerSecond", options.maxRequestsPerSecond, undefined),
    tokenExpiryMarginMs: numberOption("tokenExpiryMarginMs", options.tokenExpiryMarginMs, 300_000),
    dispatcher: options.dispatcher,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    log: resolveLog(options.debug),
  };
}

/**
 * When and how long to retry (ky's defaults, octokit's injectable base delay). Pure decisions plus one loop.
 * Idempotency is declared per call, not per method: the app-portal's read-only and set-style POSTs are safe to
 * repeat, a create is not. A non-idempotent call is retried only when the request provably never reached the
 * service: refused/unresolved connections, and a 429 in Kong's own `{message}` body (Kong rate-limits before
 * proxying). A 429 carrying an EnOS code (31429, or an envelope) was answered by the service, which may have acted.
 */
import type { Clock } from "./clock";
import { EnosApiError, NetworkError, TimeoutError } from "./errors";

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Base of the exponential backoff. */
  baseDelayMs: number;
  /** Cap of the exponential backoff. */
  maxDelayMs: number;
  /** Cap of an honoured Retry-After. */
  maxRetryAfterMs: number;
}

/** HTTP statuses worth another try on an idempotent call. 501/505 are permanent. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** `Retry-After` in ms: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function isRetryableApiError(error: EnosApiError, idempotent: boolean): boolean {
  if (error.status === 429 && error.fromGateway) return true; // rejected by the gateway before the service
  if (!idempotent) return false;
  if (error.status >= 300) return RETRY_STATUSES.has(error.status);
  // A body-level code in HTTP 200: internal errors (99500) and throttling (31429) are transient.
  return error.category === "server" || error.category === "rate-limited";
}

/**
 * Whether to retry after `attempt` attempts (1 = the first one failed). Never retries response-validation,
 * config or token errors (the auth layer replays those once), nor anything past `maxRetries`.
 */
export function shouldRetry(error: unknown, attempt: number, idempotent: boolean, maxRetries: number): boolean {
  if (attempt > maxRetries) return false;
  if (EnosApiError.isInstance(error)) return isRetryableApiError(error, idempotent);
  if (NetworkError.isInstance(error)) return idempotent || error.requestNotSent;
  if (TimeoutError.isInstance(error)) return idempotent;
  return false;
}

/**
 * Delay before the next attempt: the server's Retry-After (capped), else exponential backoff with full jitter,
 * `random() * min(maxDelayMs, baseDelayMs * 2^(attempt-1))`.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
  policy: RetryPolicy,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export interface RetryContext {
  policy: RetryPolicy;
  idempotent: boolean;
  clock: Clock;
  random: () => number;
  /** Time (clock ms) after which no attempt starts: the last error is thrown instead of waiting past it. */
  deadline?: number;
}

/** Runs `task` until it succeeds, `shouldRetry` says stop or the next attempt would start past the deadline. */
export async function withRetry<T>(task: () => Promise<T>, ctx: RetryContext): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!shouldRetry(error, attempt, ctx.idempotent, ctx.policy.maxRetries)) throw error;
      const retryAfter = EnosApiError.isInstance(error) ? error.retryAfterMs : undefined;
      const delay = retryDelayMs(attempt, retryAfter, ctx.random, ctx.policy);
      if (ctx.deadline !== undefined && ctx.clock.now() + delay >= ctx.deadline) throw error;
      await ctx.clock.sleep(delay);
    }
  }
}

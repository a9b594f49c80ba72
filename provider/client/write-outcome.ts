/**
 * The one answer to "could this failed write have taken effect?". A caller that gets `true` must read what EnOS
 * holds before repeating the write or reporting failure (a create looks its object up by keyword, a grant or device
 * change is recorded as a partial create); `false` means EnOS provably did not apply it, so nothing changed.
 */
import { isTokenRequestError } from "./auth";
import { ConfigError, EnosApiError, NetworkError, ResponseValidationError, TimeoutError } from "./errors";
import type { ApiErrorCategory } from "./error-category";

/** Answers in which the service refused the request outright: it was read and rejected, so it changed nothing. */
const REFUSALS: ReadonlySet<ApiErrorCategory> = new Set<ApiErrorCategory>([
  "not-found",
  "already-exists",
  "already-in-state",
  "invalid-input",
  "permission",
  "auth",
  "token-expired",
]);

/**
 * False only when the error proves the write was not applied: the request never left (refused connection, bad
 * settings, or no access token for it: a token request that failed in any way, a timeout included), the gateway
 * answered itself below 500 (Kong's own `{message}`: throttled, no route), or the service
 * refused it. Everything else may have been applied: a reset after sending, a timeout, a 5xx (a gateway may have
 * forwarded it), an unknown code, a 2xx whose body we could not read, an error of ours wrapping none of these.
 * An error that wraps a client error (`cause`) is judged by it.
 */
export function mayHaveTakenEffect(error: unknown): boolean {
  if (isTokenRequestError(error)) return false;
  if (NetworkError.isInstance(error)) return !error.requestNotSent;
  if (TimeoutError.isInstance(error) || ResponseValidationError.isInstance(error)) return true;
  if (ConfigError.isInstance(error)) return false;
  if (EnosApiError.isInstance(error)) {
    if (error.fromGateway && error.status < 500) return false;
    return !REFUSALS.has(error.category);
  }
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  return cause === undefined ? true : mayHaveTakenEffect(cause);
}

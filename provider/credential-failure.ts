/**
 * What a failed token request tells the user to fix. Every call needs an access token first (EnOS docs: Get Access
 * Token), so a wrong `enos:secretKey`, `enos:accessKey` or `enos:apiUrl`, or a gateway out of reach, shows up as the
 * token request's error: `1003 encryption is not valid`, `1002 appKey does not exist`, an HTTP 404 "no Route
 * matched" from the gateway, a refused connection, a timeout. None of those names the setting, so the provider
 * (resource failures, the preview's credential check) and the lookups replace them with a sentence that names it,
 * says how to set it and how to check it (README "Errors and what to do"). The client error stays in `cause`.
 */
import {
  DEFAULT_TOKEN_TIMEOUT_MS,
  EnosApiError,
  NetworkError,
  ResponseValidationError,
  TOKEN_GET_PATH,
  TimeoutError,
  isTokenRequestError,
  type EnosError,
} from "./client";
import { howToSet } from "./client/settings";
import { findInCauses } from "./cause-chain";

/** The settings the sentences quote (none of them secret). */
export interface GatewaySettings {
  readonly apiUrl?: string | undefined;
  readonly tokenTimeoutMs?: number | undefined;
}

/** The first token-request error in `error`'s cause chain (a wrapper may say what it was doing). */
function tokenFailureIn(error: unknown): (EnosError & { path: string }) | undefined {
  return findInCauses(error, isTokenRequestError);
}

/** `curl` line that shows whether the gateway answers at all: any JSON answer, at once, means it is reachable. */
function curlCheck(apiUrl: string): string {
  return `\`curl -sS -m 10 -X POST ${apiUrl}${TOKEN_GET_PATH}\` should print a JSON answer at once`;
}

const API_URL_FIX = `set it to the API gateway's base URL (${howToSet("apiUrl")})`;

function refusedCredentials(error: EnosApiError, apiUrl: string): string {
  const answer = `the token service answered ${String(error.code ?? `HTTP ${error.status}`)} ${error.msg}`;
  if (error.code === 1003) {
    return (
      `EnOS refused the credentials: enos:secretKey is not the secret key of enos:accessKey (${answer}). Set the ` +
      `service account's secret key: ${howToSet("secretKey")}`
    );
  }
  if (error.code === 1002) {
    return (
      `EnOS refused the credentials: enos:accessKey is not a service account known to the gateway ${apiUrl} ` +
      `(${answer}). Check enos:accessKey (${howToSet("accessKey")}), and that enos:apiUrl is the gateway of that ` +
      `account's EnOS environment`
    );
  }
  return (
    `EnOS refused the credentials (${answer}): check enos:accessKey and enos:secretKey, the service account's ` +
    `access key and secret key (${howToSet("accessKey")}; ${howToSet("secretKey")})`
  );
}

/** A path below the gateway's origin, which no EnOS gateway needs: the likely cause of a 404 on the token path. */
function pathHint(apiUrl: string): string {
  if (!URL.canParse(apiUrl)) return "";
  const url = new URL(apiUrl);
  return url.pathname === "/" ? "" : `; drop the path ${url.pathname} (try ${url.origin})`;
}

function apiError(error: EnosApiError, apiUrl: string): string {
  if (error.category === "auth") return refusedCredentials(error, apiUrl);
  const answer = `${error.method} ${error.path} → ${error.message.split(" → ").pop() ?? ""}`;
  if (error.status === 404) {
    return (
      `enos:apiUrl ${apiUrl} is not an EnOS API gateway, or has a path it should not have: the token request ` +
      `found no route (${answer}). Check enos:apiUrl: ${API_URL_FIX}, e.g. https://apim-<your-env>.envisioniot.com` +
      pathHint(apiUrl)
    );
  }
  return (
    `the EnOS token service at enos:apiUrl ${apiUrl} failed (${answer}): try again later; if it persists, check ` +
    `that enos:apiUrl is the API gateway (${howToSet("apiUrl")})`
  );
}

function networkError(error: NetworkError, apiUrl: string): string {
  const host = URL.canParse(apiUrl) ? new URL(apiUrl).host : apiUrl;
  const what =
    error.code === "ECONNREFUSED"
      ? `the connection was refused: nothing listens at ${host}`
      : error.code === "ENOTFOUND" || error.code === "EAI_AGAIN"
        ? `the host name of ${host} does not resolve (${error.code})`
        : `network error ${error.code ?? "unknown"}`;
  return (
    `cannot reach the EnOS gateway at enos:apiUrl ${apiUrl}: ${what}. Check the host and port of enos:apiUrl ` +
    `(${howToSet("apiUrl")}) and the network (VPN, proxy, firewall): ${curlCheck(apiUrl)}`
  );
}

function timeout(apiUrl: string, tokenTimeoutMs: number): string {
  return (
    `the EnOS gateway at enos:apiUrl ${apiUrl} did not answer the token request within ${tokenTimeoutMs} ms. ` +
    `Check the host and port of enos:apiUrl (${howToSet("apiUrl")}) and the network (VPN, proxy, firewall): ` +
    `${curlCheck(apiUrl)}. If the gateway is only slow, raise enos:tokenTimeoutMs (${howToSet("tokenTimeoutMs")})`
  );
}

function unreadable(error: ResponseValidationError, apiUrl: string): string {
  return (
    `enos:apiUrl ${apiUrl} does not look like an EnOS API gateway: the token request got HTTP ${error.status} ` +
    `with an answer that is not the token service's (${error.message.split(" → ").pop() ?? ""}). Check ` +
    `enos:apiUrl: ${API_URL_FIX}, not a console's`
  );
}

/**
 * The sentence for `error` when it is (or wraps) a failed token request, naming the setting to fix and how to check
 * it; undefined for any other error.
 */
export function explainTokenFailure(error: unknown, settings: GatewaySettings): string | undefined {
  const failure = tokenFailureIn(error);
  if (failure === undefined) return undefined;
  const apiUrl = settings.apiUrl ?? "(not set)";
  if (EnosApiError.isInstance(failure)) return apiError(failure, apiUrl);
  if (NetworkError.isInstance(failure)) return networkError(failure, apiUrl);
  if (TimeoutError.isInstance(failure)) return timeout(apiUrl, settings.tokenTimeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS);
  if (ResponseValidationError.isInstance(failure)) return unreadable(failure, apiUrl);
  return undefined;
}

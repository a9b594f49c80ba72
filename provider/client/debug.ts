/**
 * Debug logging of every exchange with EnOS, behind `ENOS_DEBUG=1` or the `debug` option: method, path, HTTP
 * status, service code and duration, then the request and response bodies, redacted (see redact.ts).
 */
import { redactBody, redactQuery, SecretSet } from "./redact";

/** One finished exchange, as the HTTP layer saw it. */
export interface Exchange {
  method: string;
  path: string;
  search: string;
  requestBody: string | undefined;
  durationMs: number;
  status?: number;
  responseBody?: string;
  /** The error name when no response arrived (NetworkError, TimeoutError). */
  failure?: string;
}

/** Writes exchanges to a line sink. */
export type DebugLog = (exchange: Exchange) => void;

function serviceCode(body: string | undefined): string {
  if (body === undefined) return "";
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return "";
    const { code, status } = parsed as { code?: unknown; status?: unknown };
    const value = code ?? status;
    return typeof value === "number" || typeof value === "string" ? ` code=${value}` : "";
  } catch {
    return "";
  }
}

function summary(x: Exchange): string {
  const outcome = x.failure ?? `${x.status ?? "?"}${serviceCode(x.responseBody)}`;
  return `[enos] ${x.method} ${x.path}${redactQuery(x.search)} -> ${outcome} (${x.durationMs} ms)`;
}

/**
 * A `DebugLog` writing to `sink`, or undefined when debugging is off (so callers skip the work). `accessKey` (the
 * service account's) is scrubbed from every line by value as well: the log is often pasted into tickets, and the
 * key identifies the account its secretKey belongs to.
 */
export function createDebugLog(
  sink: ((line: string) => void) | undefined,
  secrets: SecretSet,
  accessKey?: string,
): DebugLog | undefined {
  if (!sink) return undefined;
  const credentials = new SecretSet(...(accessKey === undefined ? [] : [accessKey]));
  return (x) => {
    // Every line is scrubbed once more by value, so a secret in an unexpected place still never reaches the sink.
    const emit = (line: string) => sink(credentials.scrub(secrets.scrub(line)));
    emit(summary(x));
    if (x.requestBody !== undefined) emit(`[enos]   request body: ${redactBody(x.requestBody, secrets)}`);
    if (x.responseBody !== undefined) emit(`[enos]   response body: ${redactBody(x.responseBody, secrets)}`);
  };
}

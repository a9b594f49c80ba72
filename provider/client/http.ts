/**
 * One HTTP exchange over undici, nothing more: no retry, no auth, no decoding. Socket failures become
 * `NetworkError` (recording whether the request provably never left this machine) or `TimeoutError`.
 */
import { request, type Dispatcher } from "undici";
import type { IncomingHttpHeaders } from "node:http";
import { NetworkError, TimeoutError, type EnosError, type RequestSite } from "./errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL including the query string. */
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** Failures that happen before a single byte of the request reaches the server. */
const NEVER_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const UNDICI_NETWORK_CODES = new Set(["UND_ERR_SOCKET", "UND_ERR_CLOSED", "UND_ERR_RES_CONTENT_LENGTH_MISMATCH"]);

interface ErrorLink {
  name: string | undefined;
  code: string | undefined;
}

/** The error and its `cause` chain, flattened to name/code pairs. */
function errorChain(err: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  for (let e = err, depth = 0; typeof e === "object" && e !== null && depth < 5; depth++) {
    const { name, code, cause } = e as { name?: unknown; code?: unknown; cause?: unknown };
    links.push({
      name: typeof name === "string" ? name : undefined,
      code: typeof code === "string" ? code : undefined,
    });
    e = cause;
  }
  return links;
}

/** Maps a transport failure to the client's error model; returns undefined for anything that is not one. */
export function toTransportError(err: unknown, site: RequestSite, timeoutMs: number): EnosError | undefined {
  const chain = errorChain(err);
  // AbortSignal.timeout() rejects with a DOMException named "TimeoutError"; undici has its own timeout codes.
  if (chain.some((l) => l.name === "TimeoutError" || (l.code !== undefined && TIMEOUT_CODES.has(l.code)))) {
    return new TimeoutError(site, timeoutMs, err);
  }
  const code = chain.find((l) => l.code !== undefined)?.code;
  if (code === undefined) return undefined;
  const isSystem = /^E[A-Z0-9_]+$/.test(code);
  if (!isSystem && !NEVER_SENT.has(code) && !UNDICI_NETWORK_CODES.has(code)) return undefined;
  return new NetworkError(site, code, NEVER_SENT.has(code), err);
}

/** Sends one request and reads the whole body as text. */
export async function sendHttp(dispatcher: Dispatcher, req: HttpRequest, site: RequestSite): Promise<HttpResponse> {
  try {
    const res = await request(req.url, {
      dispatcher,
      method: req.method,
      headers: req.headers,
      body: req.body ?? null,
      // The signal bounds the whole exchange; the undici timeouts catch a stalled socket phase earlier.
      signal: AbortSignal.timeout(req.timeoutMs),
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, text };
  } catch (err) {
    throw toTransportError(err, site, req.timeoutMs) ?? err;
  }
}

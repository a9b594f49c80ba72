import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { ADMIN_PREFIX, handleAdmin } from "./admin";
import { authenticate, isSigned, presentedToken } from "./auth";
import type { EmulatorCore } from "./core";
import {
  errorBody,
  gatewayBody,
  messageForCode,
  successBody,
  toWireError,
  type AppServiceCodes,
  type JsonBody,
} from "./envelopes";
import type { Fault } from "./faults";
import { envelopeCode, serviceOf, type RequestLogEntry } from "./request-log";
import type { Route, RouteContext } from "./routes/route";
import { CodedError, invalid, ServiceError } from "./service-error";

interface Reply {
  status: number;
  body: JsonBody;
  headers?: Record<string, string>;
}

/** What the pipeline decided: a reply, or a connection dropped with a TCP RST ("reset") or a clean FIN ("close"). */
type Outcome = Reply | Drop;
type Drop = "reset" | "close";

interface Call {
  method: string;
  path: string;
  query: Record<string, string>;
  queryEntries: Array<[string, string]>;
  rawBody: string;
  request: IncomingMessage;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json;charset=UTF-8", ...headers });
  response.end(JSON.stringify(body));
}

/** Runs the handler and wraps its result (or its ServiceError/CodedError) in the service's envelope, HTTP 200. */
function runRoute(route: Route, context: RouteContext, codes: AppServiceCodes): Reply {
  try {
    return { status: 200, body: successBody(route.service, route.handle(context)) };
  } catch (error: unknown) {
    if (error instanceof ServiceError || error instanceof CodedError)
      return { status: 200, body: errorBody(route.service, toWireError(route.service, error, codes)) };
    console.error("enos-emulator: handler failed", error);
    return { status: 500, body: gatewayBody(500) };
  }
}

/** An injected EnOS code. 1203/1003 are gateway codes (inf: HTTP 401, see auth.ts), the rest go in the envelope. */
function codeReply(route: Route, code: number): Reply {
  if (route.service !== "token" && (code === 1203 || code === 1003))
    return {
      status: 401,
      body: { status: code, msg: code === 1203 ? "access token has expired" : "signature is not valid" },
    };
  return { status: 200, body: errorBody(route.service, { code, msg: messageForCode(code), subMsg: null }) };
}

const INVALID_JSON = Symbol("invalid JSON");

function parseBody(rawBody: string): unknown {
  if (rawBody === "") return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function statusReply(fault: Fault, status: number): Reply {
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
  return { status, body: gatewayBody(status), headers };
}

/** Gateway order: route match, token + signature check, then the service (faults hook in at each step). */
function serve(core: EmulatorCore, call: Call, fault: Fault | undefined): Outcome {
  if (fault?.kind === "reset" || fault?.kind === "close") return fault.kind;
  if (fault?.status !== undefined) return statusReply(fault, fault.status);
  const route = core.routes.find((r) => r.path === call.path && r.methods.includes(call.method));
  // inf: like Kong, an unknown path or method is refused by the gateway before any auth check.
  if (!route) return { status: 404, body: gatewayBody(404) };
  const token = presentedToken(call.request.headers);
  if (fault?.kind === "expire-token" && token !== undefined) core.tokens.expire(token);
  let caller = null;
  if (!route.public && core.auth) {
    const auth = { headers: call.request.headers, query: call.queryEntries, rawBody: call.rawBody };
    const outcome = authenticate(auth, core.store.data, core.tokens, core.clock());
    if (!outcome.ok) return { status: 401, body: outcome.body };
    caller = outcome.caller;
  }
  if (fault?.code !== undefined) return codeReply(route, fault.code);
  const body = parseBody(call.rawBody);
  if (body === INVALID_JSON) {
    const error = invalid("body", "request body is not valid JSON");
    return { status: 200, body: errorBody(route.service, toWireError(route.service, error, core.appServiceCodes)) };
  }
  const { store, tokens, replays, clock, grantModes } = core;
  const { headers } = call.request;
  const neededPolicies = route.policy?.(call.query) ?? [];
  const context = { ...call, headers, body, caller, store, tokens, replays, clock, grantModes, neededPolicies };
  const reply = runRoute(route, context, core.appServiceCodes);
  // The change is committed; the client only loses the answer (a clean close, as a proxy timing out would).
  return fault?.kind === "commit-then-drop" ? "close" : reply;
}

/** First value of each key; fromEntries keeps the last, so feed it reversed ("__proto__" stays a plain key). */
function firstValues(entries: ReadonlyArray<[string, string]>): Record<string, string> {
  return Object.fromEntries([...entries].reverse());
}

/** The node:http request listener: admin API, or the EnOS pipeline with faults and the request log. */
export function createListener(core: EmulatorCore) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://emulator.local");
      const method = (request.method ?? "GET").toUpperCase();
      const rawBody = await readBody(request);
      if (url.pathname.startsWith(ADMIN_PREFIX)) {
        const admin = handleAdmin(core, method, url.pathname, rawBody);
        return send(response, admin.status, admin.body);
      }
      const queryEntries = [...url.searchParams.entries()];
      const call: Call = {
        method,
        path: url.pathname,
        query: firstValues(queryEntries),
        queryEntries,
        rawBody,
        request,
      };
      const fault = core.faults.take(method, call.path, call.query["action"]);
      if (fault?.latencyMs) await delay(fault.latencyMs);
      const outcome = serve(core, call, fault);
      core.log.add(logEntry(core, call, outcome, fault));
      if (isDrop(outcome)) drop(request, outcome);
      else send(response, outcome.status, outcome.body, outcome.headers);
    })().catch((error: unknown) => {
      console.error("enos-emulator: request failed", error);
      if (!response.headersSent) send(response, 500, gatewayBody(500));
    });
  };
}

const isDrop = (outcome: Outcome): outcome is Drop => outcome === "reset" || outcome === "close";

/** "reset" sends a real TCP RST (the client sees ECONNRESET); "close" ends the socket cleanly (no response). */
function drop(request: IncomingMessage, how: Drop): void {
  if (how === "reset") request.socket.resetAndDestroy();
  else request.socket.destroy();
}

function logEntry(core: EmulatorCore, call: Call, outcome: Outcome, fault: Fault | undefined): RequestLogEntry {
  const dropped = isDrop(outcome);
  return {
    method: call.method,
    path: call.path,
    query: call.query,
    status: dropped ? 0 : outcome.status,
    code: dropped ? null : envelopeCode(outcome.body),
    signed: isSigned(call.request.headers),
    service: serviceOf(call.path),
    at: new Date(core.clock()).toISOString(),
    ...(fault ? { fault: fault.id } : {}),
  };
}

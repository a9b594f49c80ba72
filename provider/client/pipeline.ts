/**
 * The request pipeline every typed call goes through, outermost first:
 *   governor slot -> auth (token, one re-auth + replay) -> retry -> governor pacing -> http -> envelope -> schema.
 * The governor slot is held across retries and their backoff: when the gateway throttles, the whole process slows
 * down instead of sending more. Token requests run inside the caller's slot (they never take a second one, which
 * could deadlock when every slot waits for the same token). Pacing applies to every HTTP exchange (token requests
 * and retries included), since each one counts against the gateway's rate limit; it waits only on time, never on a
 * slot, so it cannot deadlock either.
 */
import type { Dispatcher } from "undici";
import type { z } from "zod";
import { TokenManager, withToken, type TokenPost } from "./auth";
import type { DebugLog } from "./debug";
import { decodeData, decodeEnvelope, type ServiceFamily } from "./envelope";
import type { RequestSite } from "./errors";
import type { Governor } from "./governor";
import { sendHttp, type HttpMethod, type HttpResponse } from "./http";
import type { ResolvedClientOptions } from "./options";
import type { SecretSet } from "./redact";
import { withRetry, type RetryContext } from "./retry";
import { apimSignature, queryString, type QueryParams } from "./signing";

/** One typed call. `idempotent` says whether repeating it after an unknown outcome is safe. */
export interface CallSpec<T> {
  family: ServiceFamily;
  method: HttpMethod;
  path: string;
  query?: QueryParams;
  body?: unknown;
  idempotent: boolean;
  schema: z.ZodType<T, unknown>;
  /** The call changes EnOS state: write observers (the read path's snapshots) hear of it before it is sent. */
  write?: boolean;
}

/** Performs a call through the whole pipeline and returns its validated `data`. */
export type Caller = <T>(spec: CallSpec<T>) => Promise<T>;

export interface PipelineDeps {
  options: ResolvedClientOptions;
  dispatcher: Dispatcher;
  governor: Governor;
  secrets: SecretSet;
  debugLog: DebugLog | undefined;
}

interface Outgoing {
  method: HttpMethod;
  path: string;
  query: QueryParams;
  body: string | undefined;
  headers: Record<string, string>;
}

function retryContext(options: ResolvedClientOptions, idempotent: boolean): RetryContext {
  const policy = {
    maxRetries: options.maxRetries,
    baseDelayMs: options.retryBaseDelayMs,
    maxDelayMs: 20_000,
    maxRetryAfterMs: options.maxRetryAfterMs,
  };
  return { policy, idempotent, clock: options.clock, random: options.random };
}

/**
 * Sends one request once its start time has come, logging it (redacted) when debugging is on. The request is built
 * after pacing, so a signature's `apim-timestamp` and a token request's timestamp are the moment it leaves.
 */
async function exchange(
  deps: PipelineDeps,
  build: () => Outgoing,
  timeoutMs: () => number = () => deps.options.timeoutMs,
): Promise<HttpResponse> {
  const { options, debugLog } = deps;
  await deps.governor.pace();
  const out = build();
  const search = queryString(out.query);
  const headers: Record<string, string> = { accept: "application/json", ...out.headers };
  if (out.body !== undefined) headers["content-type"] = "application/json;charset=UTF-8";
  const url = options.apiUrl + out.path + search;
  const request = { method: out.method, url, headers, body: out.body, timeoutMs: timeoutMs() };
  const log = { method: out.method, path: out.path, search, requestBody: out.body };
  const startedAt = options.clock.now();
  try {
    const res = await sendHttp(deps.dispatcher, request, { method: out.method, path: out.path });
    debugLog?.({ ...log, durationMs: options.clock.now() - startedAt, status: res.status, responseBody: res.text });
    return res;
  } catch (error) {
    const failure = error instanceof Error ? error.name : "Error";
    debugLog?.({ ...log, durationMs: options.clock.now() - startedAt, failure });
    throw error;
  }
}

/** Envelope, then the call's data schema. */
function decode<T>(deps: PipelineDeps, site: RequestSite, family: ServiceFamily, schema: z.ZodType<T, unknown>) {
  return (res: HttpResponse): T => {
    const data = decodeEnvelope(family, res, { site, secrets: deps.secrets, now: deps.options.clock.now() });
    return decodeData(schema, data, site, res.status);
  };
}

/** One signed attempt of a business call with `token`; signed afresh so every retry has a current timestamp. */
async function attempt<T>(deps: PipelineDeps, spec: CallSpec<T>, token: string): Promise<T> {
  const query = spec.query ?? {};
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  const signed = (): Outgoing => {
    const timestamp = deps.options.clock.now();
    const secretKey = deps.options.secretKey;
    const signature = apimSignature({ accessToken: token, query, rawBody: body, timestamp, secretKey });
    const headers = { "apim-accesstoken": token, "apim-timestamp": String(timestamp), "apim-signature": signature };
    return { method: spec.method, path: spec.path, query, body, headers };
  };
  const site = { method: spec.method, path: spec.path };
  return decode(deps, site, spec.family, spec.schema)(await exchange(deps, signed));
}

/**
 * Token-service requests: no auth headers, token envelope, and one deadline (`tokenTimeoutMs`) over every attempt.
 * The first token request of a deployment is the credential check of `pulumi preview`, so a gateway that does not
 * answer fails the preview once the deadline passes, not after every retry has run into the per-request timeout
 * (4 x 30 s with the defaults).
 */
function tokenPost(deps: PipelineDeps): TokenPost {
  const { options } = deps;
  return (path, body, schema) => {
    const deadline = options.clock.now() + options.tokenTimeoutMs;
    const timeoutMs = () => Math.max(1, Math.min(options.timeoutMs, deadline - options.clock.now()));
    // The body is rebuilt per attempt: a retry must not repeat an encryption the service may have seen (1001).
    const build = (): Outgoing => ({ method: "POST", path, query: {}, body: JSON.stringify(body()), headers: {} });
    const site = { method: "POST", path };
    const send = async () => decode(deps, site, "token", schema)(await exchange(deps, build, timeoutMs));
    // Getting a token is idempotent (a second get returns the same token), so every transient failure is retried.
    return withRetry(send, { ...retryContext(options, true), deadline });
  };
}

/** What a client sends its calls through. */
export interface Pipeline {
  call: Caller;
  /** Obtains (or reuses) the access token: one token request at most, proving the credentials. */
  authenticate(): Promise<void>;
}

/** Builds the pipeline of one client. */
export function createPipeline(deps: PipelineDeps): Pipeline {
  const { options } = deps;
  const tokens = new TokenManager({
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    clock: options.clock,
    marginMs: options.tokenExpiryMarginMs,
    post: tokenPost(deps),
    secrets: deps.secrets,
  });
  return {
    call: (spec) =>
      deps.governor.run(() =>
        withToken(tokens, (token) =>
          withRetry(() => attempt(deps, spec, token), retryContext(options, spec.idempotent)),
        ),
      ),
    authenticate: () => deps.governor.run(async () => void (await tokens.current())),
  };
}

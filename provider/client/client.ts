/**
 * `createEnosClient`: validates options, then composes the pipeline (governor -> auth -> retry -> http -> envelope)
 * under the three typed service APIs. The governor and the default keep-alive Agent are shared with every other
 * client of the same apiUrl in this process.
 */
import { acquireDispatcher } from "./agent";
import { createAppPortalApi, type AppPortalApi } from "./app-portal";
import { createAppPortalUsersApi, type AppPortalUsersApi } from "./app-portal-users";
import { createAppServiceApi, type AppServiceApi } from "./app-service";
import { createConnectApi, type ConnectApi } from "./connect";
import { createDebugLog } from "./debug";
import { acquireGovernor } from "./governor";
import { resolveOptions, type ClientOptions } from "./options";
import type { ServiceFamily } from "./envelope";
import type { HttpMethod } from "./http";
import { createPipeline, type Caller } from "./pipeline";
import type { QueryParams } from "./signing";
import { SecretSet } from "./redact";

/** A write this client is about to send. */
export interface WriteNotice {
  family: ServiceFamily;
  method: HttpMethod;
  path: string;
  query: QueryParams | undefined;
  body: unknown;
  /** Settles (never rejects) once the write has an outcome, so a read that raced it can be dropped too. */
  settled: Promise<void>;
}

export interface EnosClient {
  readonly appService: AppServiceApi;
  readonly appPortal: AppPortalApi;
  /** The OU's user roster (app-portal Get Organization User List). */
  readonly appPortalUsers: AppPortalUsersApi;
  readonly connect: ConnectApi;
  /**
   * Gets the access token the calls will use (or reuses the cached one): proves apiUrl, accessKey and secretKey with
   * one token request at most. Rejects with the token request's error.
   */
  authenticate(): Promise<void>;
  /**
   * Calls `listener` with every write (appendRoles, a menu update, ...) just before it is sent, whatever its
   * outcome; returns the unsubscribe. The read path uses it to drop what a write of this process may change.
   */
  onWrite(listener: (write: WriteNotice) => void): () => void;
  /** Releases this client's share of the governor and of the default Agent (closed with its last client). */
  close(): Promise<void>;
}

/** Builds a client. Throws `ConfigError` when a required option is missing or invalid. */
export function createEnosClient(options: ClientOptions): EnosClient {
  const resolved = resolveOptions(options);
  const limits = { maxConcurrent: resolved.maxConcurrentRequests, maxPerSecond: resolved.maxRequestsPerSecond };
  const governorLease = acquireGovernor(resolved.apiUrl, limits, resolved.clock);
  const dispatcherLease = acquireDispatcher(resolved.apiUrl, resolved.dispatcher);
  const secrets = new SecretSet(resolved.secretKey);
  const listeners = new Set<(write: WriteNotice) => void>();
  const pipeline = createPipeline({
    options: resolved,
    dispatcher: dispatcherLease.dispatcher,
    governor: governorLease.governor,
    secrets,
    debugLog: createDebugLog(resolved.log, secrets, resolved.accessKey),
  });
  const send = pipeline.call;
  const call: Caller = (spec) => {
    if (spec.write !== true || listeners.size === 0) return send(spec);
    let done = () => {};
    const settled = new Promise<void>((resolve) => (done = resolve));
    const { family, method, path, query, body } = spec;
    listeners.forEach((listener) => listener({ family, method, path, query, body, settled }));
    const sent = send(spec);
    sent.then(done, done);
    return sent;
  };
  return {
    appService: createAppServiceApi(call),
    appPortal: createAppPortalApi(call),
    appPortalUsers: createAppPortalUsersApi(call),
    connect: createConnectApi(call),
    authenticate: () => pipeline.authenticate(),
    onWrite: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      governorLease.release();
      await dispatcherLease.release();
    },
  };
}

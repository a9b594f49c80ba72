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
import { createCaller } from "./pipeline";
import { SecretSet } from "./redact";

export interface EnosClient {
  readonly appService: AppServiceApi;
  readonly appPortal: AppPortalApi;
  /** The OU's user roster (app-portal Get Organization User List). */
  readonly appPortalUsers: AppPortalUsersApi;
  readonly connect: ConnectApi;
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
  const call = createCaller({
    options: resolved,
    dispatcher: dispatcherLease.dispatcher,
    governor: governorLease.governor,
    secrets,
    debugLog: createDebugLog(resolved.log, secrets),
  });
  return {
    appService: createAppServiceApi(call),
    appPortal: createAppPortalApi(call),
    appPortalUsers: createAppPortalUsersApi(call),
    connect: createConnectApi(call),
    close: async () => {
      governorLease.release();
      await dispatcherLease.release();
    },
  };
}

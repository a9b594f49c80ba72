import { createHash } from "node:crypto";
import { ConfigError, createEnosClient, type ClientOptions, type EnosClient } from "./client";
import { HOW_TO_SET_ORG_ID, orgIdOrDefault } from "./client/settings";
import { currentSettings, requireCredentials, type EnosSettings } from "./config";

// One client per process and per configuration: the engine runs every dynamic resource of a deployment in one
// provider process, so sharing the client shares its token cache, keep-alive connections and governor.
// `settings` is the settings object the client was last asked for: currentSettings() hands out the same object until
// the configuration changes, so the usual call skips building and hashing the key.
let cached: { key: string; client: EnosClient; settings: EnosSettings } | undefined;

/** The EnOS client for `settings` (by default the provider's configured settings over ENOS_* env vars). */
export function clientFor(settings: EnosSettings = currentSettings()): EnosClient {
  if (cached?.settings === settings) return cached.client;
  const credentials = requireCredentials(settings);
  const options: ClientOptions = {
    apiUrl: credentials.apiUrl,
    accessKey: credentials.accessKey,
    secretKey: credentials.secretKey,
    ...(settings.timeoutMs !== undefined && { timeoutMs: settings.timeoutMs }),
    ...(settings.tokenTimeoutMs !== undefined && { tokenTimeoutMs: settings.tokenTimeoutMs }),
    ...(settings.maxRetries !== undefined && { maxRetries: settings.maxRetries }),
    ...(settings.maxConcurrentRequests !== undefined && { maxConcurrentRequests: settings.maxConcurrentRequests }),
    ...(settings.maxRequestsPerSecond !== undefined && { maxRequestsPerSecond: settings.maxRequestsPerSecond }),
  };
  const key = cacheKey(options);
  if (cached?.key !== key) {
    void cached?.client.close();
    cached = { key, client: createEnosClient(options), settings };
  }
  cached.settings = settings;
  return cached.client;
}

// The outcome of each client's credential check: one token request per client (so per deployment), its failure kept
// too, so a gateway that does not answer holds one check for tokenTimeoutMs, not one per resource.
const proofs = new WeakMap<EnosClient, Promise<void>>();

/**
 * Proves the configured credentials with one token request per process and configuration (the token is then
 * cached for the calls that follow, so an `up` costs no extra request). The first `check` of a deployment runs it,
 * so a wrong enos:secretKey, enos:accessKey or enos:apiUrl, or a gateway out of reach, fails `pulumi preview`.
 * Rejects with the client's (or a missing setting's) error.
 */
export function proveCredentials(settings: EnosSettings = currentSettings()): Promise<void> {
  const client = clientFor(settings);
  let proof = proofs.get(client);
  if (proof === undefined) {
    proof = client.authenticate();
    proofs.set(client, proof);
  }
  return proof;
}

/** The OU a resource or lookup acts on: its own `orgId`, else the configured default. */
export function resolveOrgId(orgId: string | undefined, settings: EnosSettings = currentSettings()): string {
  const resolved = orgIdOrDefault(orgId, settings.orgId);
  if (resolved === undefined || resolved === "")
    throw new ConfigError("enos:orgId", HOW_TO_SET_ORG_ID, "is not configured");
  return resolved;
}

/** Closes the cached client (tests; the provider process simply exits). */
export async function resetClient(): Promise<void> {
  const client = cached?.client;
  cached = undefined;
  await client?.close();
}

// The secret only enters the key as a hash, so the key is safe to keep around.
function cacheKey(options: ClientOptions): string {
  const { secretKey, ...rest } = options;
  const digest = createHash("sha256").update(secretKey).digest("hex");
  return JSON.stringify({ ...rest, secretKey: digest });
}

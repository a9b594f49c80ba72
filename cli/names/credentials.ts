/**
 * The service account the commands use for their own EnOS calls (names, user lists): the stack's config, read with
 * secrets decrypted through the Automation API, falling back to ENOS_* environment variables, as README
 * "Configuration" says for the provider (stack config wins). Only the keys are read here; the client validates
 * them and names a bad one.
 */
import type { ClientOptions } from "../../provider/client";

export type ConfigValues = Readonly<Record<string, string | undefined>>;

const KEYS = [
  ["apiUrl", "ENOS_API_URL"],
  ["accessKey", "ENOS_ACCESS_KEY"],
  ["secretKey", "ENOS_SECRET_KEY"],
  ["orgId", "ENOS_ORG_ID"],
  ["timeoutMs", "ENOS_TIMEOUT_MS"],
  ["maxRetries", "ENOS_MAX_RETRIES"],
  ["maxConcurrentRequests", "ENOS_MAX_CONCURRENT_REQUESTS"],
] as const;

type Key = (typeof KEYS)[number][0];

export interface Credentials {
  options: ClientOptions;
  /** The default OU (`enos:orgId`), if set. */
  orgId: string | undefined;
}

function lookup(key: Key, env: string, config: ConfigValues, environment: ConfigValues): string | undefined {
  const fromConfig = config[`enos:${key}`]?.trim();
  if (fromConfig) return fromConfig;
  const fromEnv = environment[env]?.trim();
  return fromEnv ? fromEnv : undefined;
}

function positive(value: string | undefined): number | undefined {
  const number = value === undefined ? Number.NaN : Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}

/** The credentials, or the name of the first missing setting. */
export function credentialsFrom(config: ConfigValues, environment: ConfigValues): Credentials | { missing: string } {
  const value = Object.fromEntries(KEYS.map(([key, env]) => [key, lookup(key, env, config, environment)])) as Record<
    Key,
    string | undefined
  >;
  const { apiUrl, accessKey, secretKey } = value;
  if (!apiUrl) return { missing: "enos:apiUrl (or ENOS_API_URL)" };
  if (!accessKey) return { missing: "enos:accessKey (or ENOS_ACCESS_KEY)" };
  if (!secretKey) return { missing: "enos:secretKey (or ENOS_SECRET_KEY)" };
  const timeoutMs = positive(value.timeoutMs);
  const maxRetries = positive(value.maxRetries);
  const maxConcurrentRequests = positive(value.maxConcurrentRequests);
  const options: ClientOptions = {
    apiUrl,
    accessKey,
    secretKey,
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(maxRetries !== undefined ? { maxRetries } : {}),
    ...(maxConcurrentRequests ? { maxConcurrentRequests } : {}),
  };
  return { options, orgId: value.orgId };
}

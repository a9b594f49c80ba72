/**
 * Provider settings: explicitly namespaced stack config keys (`enos:apiUrl`, ...), falling back to `ENOS_*` environment
 * variables read at call time, so rotated credentials are picked up even by `refresh`/`destroy` of old state (since
 * `@pulumi/pulumi` 3.139 the engine hands the whole stack config to a dynamic provider's `configure`, keys namespaced,
 * values strings: `cmd/dynamic-provider/config.ts`). The secret key never appears in an error, `toString`,
 * `JSON.stringify` or `inspect`.
 */
import { ConfigError } from "./client/errors";
import {
  API_URL_RULE,
  GRANT_WRITE_MODE_RULE,
  GRANT_WRITE_MODES,
  NUMBER_RULES,
  USER_SETTINGS,
  howToSet,
  isValidNumber,
  parseApiUrl,
  type GrantWriteModeSetting,
  type UserSettingKey,
} from "./client/settings";

/** What `configure` receives (Pulumi's dynamic-provider `Config`); values are normally strings. */
export interface ConfigSource {
  get(key: string): unknown;
}

/** Resolved settings; absent means "not configured" (the client's defaults then apply to the tunables). */
export interface EnosSettings {
  /** Gateway base URL without trailing slash, e.g. "https://apim-gateway.example.com". */
  readonly apiUrl?: string;
  readonly accessKey?: string;
  /** Secret: redacted whenever the settings object is printed or serialised. */
  readonly secretKey?: string;
  /** Default OU for resources that do not set `orgId`. */
  readonly orgId?: string;
  readonly timeoutMs?: number;
  readonly tokenTimeoutMs?: number;
  readonly maxRetries?: number;
  readonly maxConcurrentRequests?: number;
  readonly maxRequestsPerSecond?: number;
  /** How grant writes treat held ids (README "Grants"); absent = "auto" (learned from the first writes). */
  readonly grantWriteMode?: GrantWriteModeSetting;
  /** A description with `secretKey` redacted (JSON.stringify and util.inspect redact it too). */
  toString(): string;
}

/** Settings with the credentials present: structurally what `createEnosClient` (ClientOptions) needs. */
export interface EnosCredentials extends EnosSettings {
  readonly apiUrl: string;
  readonly accessKey: string;
  readonly secretKey: string;
}

type StringKey = "apiUrl" | "accessKey" | "secretKey" | "orgId";
type NumberKey = "timeoutMs" | "tokenTimeoutMs" | "maxRetries" | "maxConcurrentRequests" | "maxRequestsPerSecond";

const STRING_KEYS: readonly StringKey[] = ["apiUrl", "accessKey", "secretKey", "orgId"];
const NUMBER_KEYS: readonly NumberKey[] = [
  "timeoutMs",
  "tokenTimeoutMs",
  "maxRetries",
  "maxConcurrentRequests",
  "maxRequestsPerSecond",
];

/** A value as found, and where (for messages). */
interface Raw {
  value: string;
  source: string;
}

/** One raw value: stack config first, then the environment; "" counts as unset in both. */
function lookup(key: UserSettingKey, config: ConfigSource | undefined, env: NodeJS.ProcessEnv): Raw | undefined {
  const fromConfig = config?.get(`enos:${key}`);
  if (typeof fromConfig === "string" || typeof fromConfig === "number" || typeof fromConfig === "boolean") {
    const value = String(fromConfig).trim();
    if (value !== "") return { value, source: `stack config enos:${key}` };
  }
  const variable = USER_SETTINGS[key].env;
  const fromEnv = env[variable]?.trim();
  return fromEnv ? { value: fromEnv, source: `environment variable ${variable}` } : undefined;
}

/** Quotes the bad value: only URL, number and mode settings are format-checked, so the secret key never gets here. */
function invalid(key: UserSettingKey, rule: string, raw: Raw, detail = ""): ConfigError {
  const problem = `must be ${rule}; got ${JSON.stringify(raw.value)} (from ${raw.source})${detail}`;
  return new ConfigError(`enos:${key}`, howToSet(key), problem);
}

function apiUrlOf(raw: Raw): string {
  const parsed = parseApiUrl(raw.value);
  if ("problem" in parsed) throw invalid("apiUrl", API_URL_RULE, raw, `: it ${parsed.problem}`);
  return parsed.url;
}

function grantWriteModeOf(raw: Raw): GrantWriteModeSetting {
  const mode = GRANT_WRITE_MODES.find((one) => one === raw.value);
  if (mode === undefined) throw invalid("grantWriteMode", GRANT_WRITE_MODE_RULE, raw);
  return mode;
}

function numberOf(key: NumberKey, raw: Raw): number {
  const value = /^\+?\d+(\.\d+)?$/.test(raw.value) ? Number(raw.value) : Number.NaN;
  if (!isValidNumber(key, value)) throw invalid(key, NUMBER_RULES[key].rule, raw);
  return value;
}

/**
 * Reads and validates every setting (config beats env). Throws a {@link ConfigError} naming the key for a value that
 * is present but invalid; missing values stay absent (see {@link requireCredentials}).
 */
export function resolveSettings(config: ConfigSource | undefined, env: NodeJS.ProcessEnv = process.env): EnosSettings {
  const settings: { -readonly [K in Exclude<keyof EnosSettings, "toString">]?: EnosSettings[K] } = {};
  for (const key of STRING_KEYS) {
    const raw = lookup(key, config, env);
    if (raw) settings[key] = key === "apiUrl" ? apiUrlOf(raw) : raw.value;
  }
  for (const key of NUMBER_KEYS) {
    const raw = lookup(key, config, env);
    if (raw) settings[key] = numberOf(key, raw);
  }
  const mode = lookup("grantWriteMode", config, env);
  if (mode) settings.grantWriteMode = grantWriteModeOf(mode);
  return redacting(settings);
}

/**
 * The settings with apiUrl, accessKey and secretKey guaranteed, for building a client. Throws a {@link ConfigError}
 * for the first missing one, with the exact command to fix it (and the names of any others also missing).
 */
export function requireCredentials(settings: EnosSettings): EnosCredentials {
  const { apiUrl, accessKey, secretKey } = settings;
  if (apiUrl === undefined || accessKey === undefined || secretKey === undefined) {
    const missing = (["apiUrl", "accessKey", "secretKey"] as const).filter((key) => settings[key] === undefined);
    const [first = "apiUrl", ...others] = missing;
    const also = others.length > 0 ? `; also not configured: ${others.map((key) => `enos:${key}`).join(", ")}` : "";
    throw new ConfigError(`enos:${first}`, `${howToSet(first)}${also}`, "is not configured");
  }
  return redacting({ ...settings, apiUrl, accessKey, secretKey });
}

/**
 * Gives `value` non-enumerable toJSON/toString/inspect methods that hide `secretKey`. A spread copy loses them, so
 * never log a copy.
 */
function redacting<T extends EnosSettings>(value: T): T {
  const safe = (): object => (value.secretKey === undefined ? { ...value } : { ...value, secretKey: "[redacted]" });
  const hidden = (fn: () => unknown) => ({ value: fn, enumerable: false });
  Object.defineProperties(value, {
    toJSON: hidden(safe),
    toString: hidden(() => `EnosSettings ${JSON.stringify(safe())}`),
    [Symbol.for("nodejs.util.inspect.custom")]: hidden(safe),
  });
  return Object.freeze(value);
}

let configured: ReadonlyMap<string, unknown> | undefined;

/**
 * Stores the stack config received in the provider's `configure` call (only the `enos:` keys, copied) and returns
 * the settings it resolves to, so a bad value fails on the first call. `configure(undefined)` forgets it.
 */
export function configure(config: ConfigSource | undefined, env: NodeJS.ProcessEnv = process.env): EnosSettings {
  const keys = [...STRING_KEYS, ...NUMBER_KEYS, "grantWriteMode"].map((key) => `enos:${key}`);
  const snapshot = config ? new Map(keys.map((k) => [k, config.get(k)])) : undefined;
  const settings = resolveSettings(snapshot && { get: (k) => snapshot.get(k) }, env);
  configured = snapshot;
  return settings;
}

/** The last settings resolved, with what they were resolved from. */
let lastResolved:
  { config: typeof configured; env: NodeJS.ProcessEnv; envValues: string; settings: EnosSettings } | undefined;

/** The values of the ENOS_* variables, as one string: settings resolved from equal values are equal. */
function settingsEnv(env: NodeJS.ProcessEnv): string {
  return Object.values(USER_SETTINGS)
    .map((setting) => env[setting.env] ?? "\u0000")
    .join("\u0000");
}

/**
 * The settings now: the config stored by {@link configure} (none yet: env only) over the current environment.
 * Every engine call asks for them, so they are resolved again only when the stored config or an ENOS_* variable
 * changed (a refresh of 1,000 resources would otherwise validate the same settings 2,000 times).
 */
export function currentSettings(env: NodeJS.ProcessEnv = process.env): EnosSettings {
  const snapshot = configured;
  const envValues = settingsEnv(env);
  const last = lastResolved;
  if (last !== undefined && last.config === snapshot && last.env === env && last.envValues === envValues)
    return last.settings;
  const settings = resolveSettings(snapshot && { get: (k) => snapshot.get(k) }, env);
  lastResolved = { config: snapshot, env, envValues, settings };
  return settings;
}

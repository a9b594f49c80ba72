/**
 * Provider settings: explicitly namespaced stack config keys (`enos:apiUrl`, ...), falling back to `ENOS_*`
 * environment variables read at call time, so rotated credentials are picked up even by `refresh`/`destroy` of old
 * state (style.md "Module boundaries"; pulumi.md A7: the engine hands the whole stack config to `configure`, keys
 * namespaced, values strings). The secret key never appears in an error, `toString`, `JSON.stringify` or `inspect`.
 */
import { ConfigError } from "./client/errors";

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
  readonly maxRetries?: number;
  readonly maxConcurrentRequests?: number;
  readonly maxRequestsPerSecond?: number;
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
type NumberKey = "timeoutMs" | "maxRetries" | "maxConcurrentRequests" | "maxRequestsPerSecond";

interface Setting<K extends keyof EnosSettings> {
  key: K;
  env: string;
  /** Placeholder in the "pulumi config set" hint. */
  placeholder: string;
  secret?: boolean;
}

const STRING_SETTINGS: Setting<StringKey>[] = [
  { key: "apiUrl", env: "ENOS_API_URL", placeholder: "<gateway-url>" },
  // The access key is set as a secret too: the engine stores the stack config with the provider in the state.
  { key: "accessKey", env: "ENOS_ACCESS_KEY", placeholder: "<key>", secret: true },
  { key: "secretKey", env: "ENOS_SECRET_KEY", placeholder: "<secret>", secret: true },
  { key: "orgId", env: "ENOS_ORG_ID", placeholder: "<ou-id>" },
];

interface NumberSetting extends Setting<NumberKey> {
  min: number;
  integer: boolean;
  /** What a valid value is, for the error message. */
  rule: string;
}

const NUMBER_SETTINGS: NumberSetting[] = [
  {
    key: "timeoutMs",
    env: "ENOS_TIMEOUT_MS",
    placeholder: "<ms>",
    min: 1,
    integer: true,
    rule: "a positive integer (milliseconds)",
  },
  {
    key: "maxRetries",
    env: "ENOS_MAX_RETRIES",
    placeholder: "<n>",
    min: 0,
    integer: true,
    rule: "an integer >= 0 (0 disables retries)",
  },
  {
    key: "maxConcurrentRequests",
    env: "ENOS_MAX_CONCURRENT_REQUESTS",
    placeholder: "<n>",
    min: 1,
    integer: true,
    rule: "a positive integer",
  },
  {
    key: "maxRequestsPerSecond",
    env: "ENOS_MAX_REQUESTS_PER_SECOND",
    placeholder: "<n>",
    min: Number.MIN_VALUE,
    integer: false,
    rule: "a positive number (requests per second)",
  },
];

/** "run `pulumi config set [--secret] enos:x <placeholder>` or set ENOS_X". */
function howToSet(setting: Setting<keyof EnosSettings>): string {
  const flag = setting.secret ? "--secret " : "";
  return `run \`pulumi config set ${flag}enos:${setting.key} ${setting.placeholder}\` or set ${setting.env}`;
}

/** One raw value: stack config first, then the environment; "" counts as unset in both. */
function lookup(
  setting: Setting<keyof EnosSettings>,
  config: ConfigSource | undefined,
  env: NodeJS.ProcessEnv,
): { value: string; source: string } | undefined {
  const fromConfig = config?.get(`enos:${setting.key}`);
  if (typeof fromConfig === "string" || typeof fromConfig === "number" || typeof fromConfig === "boolean") {
    const value = String(fromConfig).trim();
    if (value !== "") return { value, source: `stack config enos:${setting.key}` };
  }
  const fromEnv = env[setting.env]?.trim();
  return fromEnv ? { value: fromEnv, source: `environment variable ${setting.env}` } : undefined;
}

/** Quotes the bad value: only URL and number settings are format-checked, so the secret key never gets here. */
function invalid(setting: Setting<keyof EnosSettings>, rule: string, raw: { value: string; source: string }) {
  const problem = `must be ${rule}; got ${JSON.stringify(raw.value)} (from ${raw.source})`;
  return new ConfigError(`enos:${setting.key}`, howToSet(setting), problem);
}

/** An absolute http(s) URL without query or fragment; trailing slashes are dropped so paths can be appended. */
function parseApiUrl(setting: Setting<StringKey>, raw: { value: string; source: string }): string {
  const rule = `an http(s) URL of the EnOS API gateway, e.g. "https://apim-gateway.example.com"`;
  const url = URL.canParse(raw.value) ? new URL(raw.value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.search !== "" || url.hash !== "") {
    throw invalid(setting, rule, raw);
  }
  return raw.value.replace(/\/+$/, "");
}

function parseNumber(setting: NumberSetting, raw: { value: string; source: string }): number {
  const value = /^\+?\d+(\.\d+)?$/.test(raw.value) ? Number(raw.value) : Number.NaN;
  const ok = Number.isFinite(value) && value >= setting.min && (!setting.integer || Number.isInteger(value));
  if (!ok) throw invalid(setting, setting.rule, raw);
  return value;
}

/**
 * Reads and validates every setting (config beats env). Throws a {@link ConfigError} naming the key for a value that
 * is present but invalid; missing values stay absent (see {@link requireCredentials}).
 */
export function resolveSettings(config: ConfigSource | undefined, env: NodeJS.ProcessEnv = process.env): EnosSettings {
  const settings: Record<string, string | number> = {};
  for (const setting of STRING_SETTINGS) {
    const raw = lookup(setting, config, env);
    if (raw) settings[setting.key] = setting.key === "apiUrl" ? parseApiUrl(setting, raw) : raw.value;
  }
  for (const setting of NUMBER_SETTINGS) {
    const raw = lookup(setting, config, env);
    if (raw) settings[setting.key] = parseNumber(setting, raw);
  }
  return redacting(settings as EnosSettings);
}

/**
 * The settings with apiUrl, accessKey and secretKey guaranteed, for building a client. Throws a {@link ConfigError}
 * for the first missing one, with the exact command to fix it (and the names of any others also missing).
 */
export function requireCredentials(settings: EnosSettings): EnosCredentials {
  const missing = STRING_SETTINGS.filter((s) => s.key !== "orgId" && settings[s.key] === undefined);
  const [first, ...others] = missing;
  if (first) {
    const also = others.length > 0 ? `; also not configured: ${others.map((s) => `enos:${s.key}`).join(", ")}` : "";
    throw new ConfigError(`enos:${first.key}`, `${howToSet(first)}${also}`, "is not configured");
  }
  return redacting({ ...settings } as EnosCredentials);
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
  const keys = [...STRING_SETTINGS, ...NUMBER_SETTINGS].map((s) => `enos:${s.key}`);
  const snapshot = config ? new Map(keys.map((k) => [k, config.get(k)])) : undefined;
  const settings = resolveSettings(snapshot && { get: (k) => snapshot.get(k) }, env);
  configured = snapshot;
  return settings;
}

/** The settings now: the config stored by {@link configure} (none yet: env only) over the current environment. */
export function currentSettings(env: NodeJS.ProcessEnv = process.env): EnosSettings {
  const snapshot = configured;
  return resolveSettings(snapshot && { get: (k) => snapshot.get(k) }, env);
}

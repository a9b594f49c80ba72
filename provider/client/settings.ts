/**
 * The rules of the settings a client is built from, written once: `options.ts` applies them to `ClientOptions`, and
 * the provider's `config.ts` to stack config and `ENOS_*` variables, so both accept and refuse the same values and
 * tell the same way to set them (README "Configuration").
 */

/** A setting users give as stack config (`enos:<key>`) or an environment variable. */
export interface UserSetting {
  /** Placeholder in the `pulumi config set` hint. */
  placeholder: string;
  env: string;
  /** Set with `--secret`: the engine stores the stack config in the state, and only secrets are encrypted there. */
  secret?: true;
}

/** Every user setting, in the order messages list them. */
export const USER_SETTINGS = {
  apiUrl: { placeholder: "<gateway-url>", env: "ENOS_API_URL" },
  accessKey: { placeholder: "<key>", env: "ENOS_ACCESS_KEY", secret: true },
  secretKey: { placeholder: "<secret>", env: "ENOS_SECRET_KEY", secret: true },
  orgId: { placeholder: "<ou-id>", env: "ENOS_ORG_ID" },
  timeoutMs: { placeholder: "<ms>", env: "ENOS_TIMEOUT_MS" },
  tokenTimeoutMs: { placeholder: "<ms>", env: "ENOS_TOKEN_TIMEOUT_MS" },
  maxRetries: { placeholder: "<n>", env: "ENOS_MAX_RETRIES" },
  maxConcurrentRequests: { placeholder: "<n>", env: "ENOS_MAX_CONCURRENT_REQUESTS" },
  maxRequestsPerSecond: { placeholder: "<n>", env: "ENOS_MAX_REQUESTS_PER_SECOND" },
  grantWriteMode: { placeholder: "<auto|overwrite|additive|additive-strict>", env: "ENOS_GRANT_WRITE_MODE" },
} as const satisfies Record<string, UserSetting>;

export type UserSettingKey = keyof typeof USER_SETTINGS;

/** Whether option `key` is also a user setting (some client options are not). */
export function isUserSetting(key: string): key is UserSettingKey {
  return Object.hasOwn(USER_SETTINGS, key);
}

/** "run `pulumi config set [--secret] enos:<key> <placeholder>` or set ENOS_<KEY>". */
export function howToSet(key: UserSettingKey): string {
  const setting: UserSetting = USER_SETTINGS[key];
  const flag = setting.secret ? "--secret " : "";
  return `run \`pulumi config set ${flag}enos:${key} ${setting.placeholder}\` or set ${setting.env}`;
}

/**
 * The OU given, else the configured default (`enos:orgId`; "" counts as unset); undefined when there is neither.
 * The client itself never uses an OU setting: this is the provider's default OU, resolved here once for `check`,
 * old state and the lookups.
 */
export function orgIdOrDefault<T>(given: T | undefined, configured: string | undefined): T | string | undefined {
  if (given !== undefined) return given;
  return configured === "" ? undefined : configured;
}

/** How to give a resource its OU, in every message about a missing one. */
export const HOW_TO_SET_ORG_ID = `set \`orgId\` on the resource, or ${howToSet("orgId")}`;

/**
 * How the gateway's appendRoles / appendUserGroups treat ids the user already holds (README "Grants"): learned from
 * the first writes (`auto`), or pinned by a user who knows it. A provider setting: the client never reads it.
 */
export const GRANT_WRITE_MODES = ["auto", "overwrite", "additive", "additive-strict"] as const;

export type GrantWriteModeSetting = (typeof GRANT_WRITE_MODES)[number];

/** The grantWriteMode rule, for messages. */
export const GRANT_WRITE_MODE_RULE = `one of ${GRANT_WRITE_MODES.join(", ")}`;

/** What a valid number of one numeric option is. */
export interface NumberRule {
  min: number;
  /** The smallest value is excluded (a rate must be above zero). */
  exclusive?: true;
  integer?: true;
  /** For messages: "a positive integer (milliseconds)". */
  rule: string;
}

/** The numeric options; the first five are user settings too. */
export const NUMBER_RULES = {
  timeoutMs: { min: 1, integer: true, rule: "a positive integer (milliseconds)" },
  tokenTimeoutMs: { min: 1, integer: true, rule: "a positive integer (milliseconds)" },
  maxRetries: { min: 0, integer: true, rule: "an integer >= 0 (0 disables retries)" },
  maxConcurrentRequests: { min: 1, integer: true, rule: "a positive integer" },
  maxRequestsPerSecond: { min: 0, exclusive: true, rule: "a positive number (requests per second)" },
  retryBaseDelayMs: { min: 0, rule: "a number >= 0 (milliseconds)" },
  maxRetryAfterMs: { min: 0, rule: "a number >= 0 (milliseconds)" },
  tokenExpiryMarginMs: { min: 0, rule: "a number >= 0 (milliseconds)" },
} as const satisfies Record<string, NumberRule>;

export type NumberOptionKey = keyof typeof NUMBER_RULES;

/** Whether `value` satisfies the rule of option `key`. */
export function isValidNumber(key: NumberOptionKey, value: number): boolean {
  const rule: NumberRule = NUMBER_RULES[key];
  const aboveMin = rule.exclusive ? value > rule.min : value >= rule.min;
  return Number.isFinite(value) && aboveMin && (rule.integer !== true || Number.isInteger(value));
}

/** The apiUrl rule, for messages. */
export const API_URL_RULE = `an http(s) URL of the EnOS API gateway, e.g. "https://apim-gateway.example.com"`;

/**
 * The gateway base URL in the form paths are appended to (a base path is kept, trailing slashes dropped), or what is
 * wrong with `text`: not a URL, not http(s), or with a query or fragment, which no path could follow.
 */
export function parseApiUrl(text: string): { url: string } | { problem: string } {
  if (!URL.canParse(text.trim())) return { problem: "is not a valid URL" };
  const url = new URL(text.trim());
  if (url.protocol !== "http:" && url.protocol !== "https:") return { problem: "must start with http:// or https://" };
  if (url.search !== "" || url.hash !== "") return { problem: "must not have a query (?...) or fragment (#...)" };
  return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, "") };
}

/**
 * Maps an EnOS error (service code, message, HTTP status) to a category the provider can act on. Codes come from the
 * EnOS docs (Invoke API with Access Token, the Application Portal and Connection APIs). The enos-app-service does not
 * document its codes: a gateway may answer in the app-portal 31xxx family or in the legacy generic table's plain
 * codes (404 `app.not.exist`, 408 `keyword.already.existed`, ...; Application Portal overview). The message keys
 * (`<entity>.not.exist`, `<entity>.already.existed`, `parameter.invalid.<param>`, `permission.denied`) are the part
 * both forms share, so they are read in every service family whatever the code (README "EnOS API coverage").
 */

/** What a caller can do about an API error. */
export type ApiErrorCategory =
  | "not-found"
  | "already-exists"
  | "already-in-state"
  | "invalid-input"
  | "permission"
  | "rate-limited"
  | "token-expired"
  | "auth"
  | "server"
  | "other";

const BY_CODE: ReadonlyMap<number, ApiErrorCategory> = new Map<number, ApiErrorCategory>([
  [31404, "not-found"],
  [99404, "not-found"],
  [11404, "not-found"],
  [31408, "already-exists"],
  [11702, "already-exists"],
  [11794, "already-in-state"],
  [11723, "already-in-state"],
  [31400, "invalid-input"],
  [99400, "invalid-input"],
  [31403, "permission"],
  [99403, "permission"],
  [31429, "rate-limited"],
  [1203, "token-expired"],
  // Token-service failures: bad appKey/encryption/params, failed refresh, replay. Re-auth will not help.
  [1001, "auth"],
  [1002, "auth"],
  [1003, "auth"],
  [1004, "auth"],
  [1202, "auth"],
  [1204, "auth"],
  [31401, "auth"],
  [1005, "server"],
  [99500, "server"],
]);

/**
 * The legacy generic table's HTTP-like codes (Application Portal overview, "error codes"), read only from a body the
 * service answered in HTTP 2xx: as an HTTP status, 404 from the gateway means "no route" (see byStatus). 401
 * `unauthenticated` is left to the token handling (auth.ts), which decides between re-auth and refusal.
 */
const LEGACY_BY_CODE: ReadonlyMap<number, ApiErrorCategory> = new Map<number, ApiErrorCategory>([
  [400, "invalid-input"],
  [403, "permission"],
  [404, "not-found"],
  [408, "already-exists"],
  [429, "rate-limited"],
  [500, "server"],
]);

/** A code as a number when it is one, also when the wire sent it as a numeric string ("1203"). */
export function numericCode(code: number | string | undefined): number | undefined {
  if (typeof code === "number") return code;
  if (typeof code === "string" && /^-?\d+$/.test(code)) return Number(code);
  return undefined;
}

/** A legacy message key ending in `.not.exist` ("app.not.exist", "organization.user.not.exist"), as a whole word. */
const NOT_FOUND_KEY = /(?:^|[\s:(])[a-z][\w-]*(?:\.[\w-]+)*\.not\.exists?(?![\w.])/i;
const PERMISSION_KEY = /(?:^|[\s:(])permission\.denied(?![\w.])/i;
const INVALID_KEY = /(?:^|[\s:(])parameter\.invalid(?![\w])/i;

function byMessage(msg: string, subMsg: string | undefined): ApiErrorCategory | undefined {
  const text = `${msg} ${subMsg ?? ""}`;
  // "keyword.already.existed" (app-service key), "… already exists" and "duplicate keyword" (human sentences) all
  // mean a duplicate. Codes are checked first, so 1001 "duplicated encryption" (a replay) never lands here.
  if (/already[ ._-]?exist|duplicat/i.test(text)) return "already-exists";
  // Only the dotted keys: a sentence such as "orgId does not exist" (99400) is not read as not-found.
  if (NOT_FOUND_KEY.test(text)) return "not-found";
  if (PERMISSION_KEY.test(text)) return "permission";
  if (INVALID_KEY.test(text)) return "invalid-input";
  return undefined;
}

function byStatus(status: number): ApiErrorCategory {
  if (status === 403) return "permission";
  if (status === 429) return "rate-limited";
  if (status >= 500) return "server";
  // A bare HTTP 404 is deliberately NOT "not-found": from a gateway it means "no route" (a wrong apiUrl), and
  // treating it as "resource gone" would make reads drop resources and deletes silently succeed.
  return "other";
}

/** What categorizing looks at. */
export interface CategoryInput {
  code: number | string | undefined;
  msg: string;
  subMsg?: string | undefined;
  status: number;
  /** The answer came from the token service, which takes credentials, not a token. */
  tokenService?: boolean | undefined;
}

/**
 * The category of an API error. HTTP 401 on a call made with a token means "get a new token and replay once",
 * whatever the body says; from the token service itself it means the credentials were refused, which a new token
 * request cannot fix.
 */
export function categorize({ code, msg, subMsg, status, tokenService = false }: CategoryInput): ApiErrorCategory {
  if (status === 401) return tokenService ? "auth" : "token-expired";
  const n = numericCode(code);
  const answeredByService = status >= 200 && status < 300;
  const known =
    n === undefined ? undefined : (BY_CODE.get(n) ?? (answeredByService ? LEGACY_BY_CODE.get(n) : undefined));
  return known ?? byMessage(msg, subMsg) ?? byStatus(status);
}

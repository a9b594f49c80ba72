/**
 * APIM request signing (EnOS docs: Get Access Token, Invoke API with Access Token). Pure functions: the only inputs are
 * the values signed.
 */
import { createHash } from "node:crypto";

/** Query parameters as sent: undefined values are omitted from the URL and from the signature. */
export type QueryParams = Readonly<Record<string, string | undefined>>;

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * `paramsData` (EnOS docs: Invoke API with Access Token): query parameters sorted by key in ASCII order, concatenated
 * as key1value1key2value2 (decoded values), followed by the exact raw JSON body string when there is one.
 */
export function paramsData(query: QueryParams, rawBody: string | undefined): string {
  const keys = Object.keys(query)
    .filter((k) => query[k] !== undefined)
    // The default sort compares UTF-16 code units: ASCII order for ASCII keys, unlike localeCompare.
    .sort();
  const params = keys.map((k) => `${k}${query[k] ?? ""}`).join("");
  return params + (rawBody ?? "");
}

/** `apim-signature`: lowercase hex SHA-256 of accessToken + paramsData + timestamp + secretKey. */
export function apimSignature(input: {
  accessToken: string;
  query: QueryParams;
  rawBody: string | undefined;
  timestamp: number;
  secretKey: string;
}): string {
  return sha256Hex(input.accessToken + paramsData(input.query, input.rawBody) + input.timestamp + input.secretKey);
}

/** Token-service `encryption`: lowercase hex SHA-256 of appKey + timestamp + secretKey. */
export function tokenEncryption(appKey: string, timestamp: number, secretKey: string): string {
  return sha256Hex(appKey + timestamp + secretKey);
}

/** The query string of a request URL, in the caller's key order, without undefined values. */
export function queryString(query: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) search.append(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

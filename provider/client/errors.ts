/**
 * The client's error model. Every error carries a brand field and a `kind`, and is recognised with the static
 * `isInstance` guards rather than `instanceof`: Pulumi serializes local modules by value into the provider process,
 * so two copies of these classes can meet there (the pattern of Pulumi's own `errors.ts`).
 *
 * No field or message ever holds a secretKey, token, signature or encryption value: callers pass only
 * method, path (without query) and the service's own code/message, scrubbed of known secrets.
 */
import { categorize, type ApiErrorCategory, type CategoryInput } from "./error-category";

export type { ApiErrorCategory } from "./error-category";

/** What went wrong, coarsely: the remote API said no, the network failed, the config is incomplete, … */
export type EnosErrorKind = "api" | "network" | "timeout" | "config" | "response-validation";

const BRAND = "pulumi-enos/EnosError";

function hasBrand(x: unknown): x is { __enosErrorBrand: string; kind: unknown } {
  return typeof x === "object" && x !== null && (x as { __enosErrorBrand?: unknown }).__enosErrorBrand === BRAND;
}

/** Base class of every error thrown by the EnOS client. */
export abstract class EnosError extends Error {
  /** Brand that survives a second copy of this module; see the file comment. */
  readonly __enosErrorBrand: string = BRAND;
  abstract readonly kind: EnosErrorKind;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    // "EnosApiError", "NetworkError", ...: the concrete class, for stack traces and logs.
    this.name = new.target.name;
  }

  static isInstance(x: unknown): x is EnosError {
    return hasBrand(x);
  }
}

/** Where a request went: used in messages and errors. `path` never includes the query string. */
export interface RequestSite {
  method: string;
  path: string;
}

/** An error about one request: it names the method and the path (never the query). */
abstract class RequestError extends EnosError {
  readonly method: string;
  readonly path: string;

  constructor(site: RequestSite, outcome: string, cause?: unknown) {
    super(`${site.method} ${site.path} → ${outcome}`, cause === undefined ? undefined : { cause });
    this.method = site.method;
    this.path = site.path;
  }
}

export interface EnosApiErrorInit extends RequestSite, CategoryInput {
  requestId?: string | undefined;
  retryAfterMs?: number | undefined;
  fromGateway?: boolean | undefined;
}

/** The EnOS gateway or a service answered with an error (HTTP status >= 300, or a non-zero code in HTTP 200). */
export class EnosApiError extends RequestError {
  readonly kind = "api" as const;
  readonly code: number | string | undefined;
  readonly msg: string;
  /** The human sentence some services add (enos-app-service `subMsg`). */
  readonly subMsg: string | undefined;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly category: ApiErrorCategory;
  /** `Retry-After` of the response, in ms, when the server sent one. */
  readonly retryAfterMs: number | undefined;
  /**
   * The body was the API gateway's own error (Kong's `{"message": …}`, no EnOS code), not a service envelope. With
   * HTTP 429 this proves the request never reached the service: Kong rate-limits before proxying.
   */
  readonly fromGateway: boolean;

  constructor(init: EnosApiErrorInit) {
    const code = init.code === undefined ? `HTTP ${init.status}` : String(init.code);
    super(init, `${code} ${init.msg}${init.subMsg ? ` (${init.subMsg})` : ""}`);
    this.code = init.code;
    this.msg = init.msg;
    this.subMsg = init.subMsg;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.fromGateway = init.fromGateway ?? false;
    this.category = categorize(init);
  }

  static override isInstance(x: unknown): x is EnosApiError {
    return hasBrand(x) && x.kind === "api";
  }
}

/** The request failed below HTTP (refused, reset, DNS, …). */
export class NetworkError extends RequestError {
  readonly kind = "network" as const;

  constructor(
    site: RequestSite,
    /** The socket error code, e.g. "ECONNRESET". */
    readonly code: string | undefined,
    /** True when the request provably never reached the server (e.g. ECONNREFUSED), so even a create may be retried. */
    readonly requestNotSent: boolean,
    cause: unknown,
  ) {
    super(site, `network error ${code ?? "unknown"}`, cause);
  }

  static override isInstance(x: unknown): x is NetworkError {
    return hasBrand(x) && x.kind === "network";
  }
}

/** No complete response within the per-request timeout. The request may have reached the server. */
export class TimeoutError extends RequestError {
  readonly kind = "timeout" as const;
  readonly timeoutMs: number;

  constructor(site: RequestSite, timeoutMs: number, cause: unknown) {
    super(site, `no response within ${timeoutMs} ms`, cause);
    this.timeoutMs = timeoutMs;
  }

  static override isInstance(x: unknown): x is TimeoutError {
    return hasBrand(x) && x.kind === "timeout";
  }
}

/** One problem found in a response body: where (a JSON path) and what. Never the offending value. */
export interface ValidationIssue {
  path: string;
  message: string;
}

function describeIssue(issue: ValidationIssue): string {
  return `${issue.path || "(body)"}: ${issue.message}`;
}

/** The response was not JSON or not the documented shape. Never retried: repeating the call will not fix it. */
export class ResponseValidationError extends RequestError {
  readonly kind = "response-validation" as const;

  constructor(
    site: RequestSite,
    readonly status: number,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(site, `HTTP ${status} with an unexpected response: ${issues.map(describeIssue).join("; ")}`);
  }

  static override isInstance(x: unknown): x is ResponseValidationError {
    return hasBrand(x) && x.kind === "response-validation";
  }
}

/** A required setting is missing or invalid. The message names the setting and how to set it. */
export class ConfigError extends EnosError {
  readonly kind = "config" as const;
  readonly key: string;
  readonly howToSet: string;

  constructor(key: string, howToSet: string, problem = "is missing") {
    super(`EnOS setting "${key}" ${problem}: ${howToSet}`);
    this.key = key;
    this.howToSet = howToSet;
  }

  static override isInstance(x: unknown): x is ConfigError {
    return hasBrand(x) && x.kind === "config";
  }
}

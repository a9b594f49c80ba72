import { randomUUID } from "node:crypto";
import { CodedError, ServiceError } from "./service-error";

/** The service families behind the gateway; each has its own envelope (shown in each service's docs). */
export type ServiceName = "token" | "app-service" | "app-portal" | "connect";

export interface WireError {
  code: number;
  msg: string;
  subMsg: string | null;
}

export type JsonBody = Record<string, unknown>;

/** Success envelopes, one per family. */
export function successBody(service: ServiceName, data: unknown): JsonBody {
  switch (service) {
    case "token":
      return { status: 0, msg: "SUCCESS", business: "apim-token-service", data };
    case "app-service":
      return { code: 0, msg: "OK", subMsg: null, data };
    case "app-portal":
      return { code: 0, message: "OK", data };
    case "connect":
      return { code: 0, msg: "OK", requestId: randomUUID(), data };
  }
}

/**
 * Error envelopes: same keys as success, non-zero code, data null (Get Device for connect; inf for the others).
 * inf: sent with HTTP 200; the HTTP status of body-level errors is not documented for any service.
 */
export function errorBody(service: ServiceName, error: WireError): JsonBody {
  switch (service) {
    case "token":
      return { status: error.code, msg: error.msg, business: "apim-token-service", data: null };
    case "app-service":
      return { code: error.code, msg: error.msg, subMsg: error.subMsg, data: null };
    case "app-portal":
      return { code: error.code, message: error.msg, data: null };
    case "connect":
      return { code: error.code, msg: error.msg, requestId: randomUUID(), data: null };
  }
}

/**
 * How enos-app-service errors are coded; its codes are undocumented (inf). "portal": the app-portal 31xxx family;
 * "legacy": the plain codes of the legacy generic table in the Application Portal overview (400, 403, 404, 408).
 * Both carry the same message keys.
 */
export type AppServiceCodes = "portal" | "legacy";

/** The legacy generic table's code for each failure kind (Application Portal overview, "error codes"). */
const LEGACY_CODES: Readonly<Record<ServiceError["kind"], number>> = {
  invalid: 400,
  denied: 403,
  "not-found": 404,
  exists: 408,
};

/** Maps a handler failure to the code space of the service that was called. */
export function toWireError(
  service: ServiceName,
  error: ServiceError | CodedError,
  appServiceCodes: AppServiceCodes = "portal",
): WireError {
  if (error instanceof CodedError) return { code: error.code, msg: error.msg, subMsg: null };
  if (service === "connect") return connectError(error);
  if (service === "token") return { code: 1004, msg: "invalid parameter", subMsg: null };
  const wire = portalFamilyError(error);
  return service === "app-service" && appServiceCodes === "legacy" ? { ...wire, code: LEGACY_CODES[error.kind] } : wire;
}

/**
 * inf: enos-app-service error codes are undocumented; it shares the app-portal 31xxx family and the legacy key
 * strings ("parameter.invalid.<field>", "<entity>.not.exist", "<entity>.already.existed") of the app-portal overview.
 */
function portalFamilyError(error: ServiceError): WireError {
  switch (error.kind) {
    case "invalid":
      return { code: 31400, msg: `parameter.invalid.${error.subject}`, subMsg: error.detail };
    case "denied":
      return { code: 31403, msg: "permission.denied", subMsg: error.detail };
    case "not-found":
      return { code: 31404, msg: `${error.subject}.not.exist`, subMsg: error.detail };
    case "exists":
      return { code: 31408, msg: `${error.subject}.already.existed`, subMsg: error.detail };
  }
}

/** Connection-service messages follow the documented samples ("Invalid Argument action:action is missing"). */
function connectError(error: ServiceError): WireError {
  switch (error.kind) {
    case "invalid":
      return { code: 99400, msg: `Invalid Argument ${error.subject}:${error.detail}`, subMsg: null };
    case "denied":
      return { code: 99403, msg: error.detail, subMsg: null };
    case "exists":
      return { code: 99400, msg: `Invalid Argument ${error.subject}:${error.detail}`, subMsg: null };
    case "not-found":
      // The documented sample, two spaces included (Get Device).
      if (error.subject === "organization")
        return { code: 99400, msg: "Invalid Argument orgId:  orgId does not exist", subMsg: null };
      // inf: get's own not-found code is n/f ("99404-style"); we answer 11404, which sibling device APIs document.
      if (error.subject === "device") return { code: 11404, msg: "device cannot be found", subMsg: null };
      return { code: 99404, msg: error.detail, subMsg: null };
  }
}

/** Messages for codes injected through faults, so an injected error reads like the real one. */
const KNOWN_MESSAGES: Readonly<Record<number, string>> = {
  1001: "repeated request",
  1002: "appKey does not exist",
  1003: "encryption is not valid",
  1004: "invalid parameter",
  1005: "internal service exception",
  1202: "parameter is empty",
  1203: "access token has expired",
  1204: "failed to refresh access token",
  11404: "device cannot be found",
  11723: "Device is disabled",
  11794: "device status invalid",
  31400: "parameter.invalid",
  31401: "unauthenticated",
  31403: "permission.denied",
  31404: "entity.not.exist",
  31408: "entity.already.existed",
  31429: "operation.exhausted",
  31500: "system.internal.error",
  99400: "Invalid Argument",
  99403: "Denied resource",
  99404: "object not found",
  99500: "internal error",
};

export function messageForCode(code: number): string {
  return KNOWN_MESSAGES[code] ?? `emulated error ${code}`;
}

/** Kong-style gateway bodies (API Getting Started; inf: `{"message": ...}`). */
const GATEWAY_MESSAGES: Readonly<Record<number, string>> = {
  400: "Cannot process request body",
  401: "Invalid authentication credentials",
  403: "Your IP address is not allowed",
  404: "no Route matched with those values",
  413: "Request size limit exceeded",
  429: "API rate limit exceeded",
  500: "An unexpected error occurred",
  502: "An invalid response was received from the upstream server",
  503: "Service unavailable",
  504: "The upstream server is timing out",
};

export function gatewayBody(status: number): JsonBody {
  return { message: GATEWAY_MESSAGES[status] ?? `HTTP ${status}` };
}

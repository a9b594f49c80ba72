/**
 * Guards for the API error categories the provider acts on (read -> gone, create -> adopt, enable -> no-op, …).
 * They work on errors from another copy of the client module too (brand check, see errors.ts).
 */
import type { ApiErrorCategory } from "./error-category";
import { EnosApiError } from "./errors";

function hasCategory(e: unknown, category: ApiErrorCategory): boolean {
  return EnosApiError.isInstance(e) && e.category === category;
}

/** The object addressed does not exist (31404, 99404, 11404, legacy 404, or a `<entity>.not.exist` key). */
export const isNotFound = (e: unknown): boolean => hasCategory(e, "not-found");
/** A unique key (keyword, deviceKey, …) is already taken (31408, 11702, legacy 408, "<entity>.already.existed", "already exist…"). */
export const isAlreadyExists = (e: unknown): boolean => hasCategory(e, "already-exists");
/** The object is already in the requested state (device already enabled/disabled: 11794, 11723). */
export const isAlreadyInState = (e: unknown): boolean => hasCategory(e, "already-in-state");
/** The access token was rejected (1203 or HTTP 401). */
export const isTokenExpired = (e: unknown): boolean => hasCategory(e, "token-expired");
/** EnOS refused a parameter (31400, 99400, legacy 400, "parameter.invalid.<name>"). */
export const isInvalidInput = (e: unknown): boolean => hasCategory(e, "invalid-input");
/** The service account lacks a policy or permission (31403, 99403, legacy 403, "permission.denied"). */
export const isPermissionDenied = (e: unknown): boolean => hasCategory(e, "permission");

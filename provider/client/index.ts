/**
 * The EnOS HTTP client: the bottom layer of the provider. Knows nothing about Pulumi.
 */
export { createEnosClient, type EnosClient, type WriteNotice } from "./client";
export { DEFAULT_TOKEN_TIMEOUT_MS, type ClientOptions } from "./options";
export { TOKEN_GET_PATH, TOKEN_REFRESH_PATH, isTokenRequestError } from "./auth";
export type { Clock } from "./clock";
export type { I18n } from "./schema-helpers";
export type { App, AppWrite, Menu, MenuWrite, Permission, PermissionWrite } from "./app-service-schemas";
export type { AppServiceApi } from "./app-service";
export type { AppPortalApi, NamedRef } from "./app-portal";
export type { AppPortalUsersApi, OrganizationUser } from "./app-portal-users";
export type { ConnectApi, Device, DeviceRef, DeviceStatus } from "./connect";
export {
  EnosError,
  EnosApiError,
  NetworkError,
  TimeoutError,
  ConfigError,
  ResponseValidationError,
  type EnosErrorKind,
  type ApiErrorCategory,
  type ValidationIssue,
} from "./errors";
export { isNotFound, isAlreadyExists, isAlreadyInState, isInvalidInput, isPermissionDenied } from "./error-guards";
export { mayHaveTakenEffect } from "./write-outcome";
export { createBatchLoader, type BatchLoader, type BatchLoaderOptions } from "./batch-loader";

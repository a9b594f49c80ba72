/**
 * A failure raised by a route handler in service-neutral terms; envelopes.ts renders it in the code space and
 * envelope of the service that was called (31xxx for app-service/app-portal, 99xxx/11xxx for connect, 1xxx for the
 * token service).
 */
export type ServiceErrorKind = "invalid" | "denied" | "not-found" | "exists";

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    /** The offending field (invalid, exists), entity (not-found) or orgId (denied). */
    readonly subject: string,
    /** A human sentence; app-service puts it in `subMsg`, connect in `msg`. */
    readonly detail: string,
  ) {
    super(detail);
    this.name = "ServiceError";
  }
}

/** An error whose wire code is fixed whatever the service (token-service statuses, 11794, injected faults). */
export class CodedError extends Error {
  constructor(
    readonly code: number,
    readonly msg: string,
  ) {
    super(msg);
    this.name = "CodedError";
  }
}

export const invalid = (field: string, detail = `${field} is missing or invalid`): ServiceError =>
  new ServiceError("invalid", field, detail);

export const notFound = (entity: string, id: string): ServiceError =>
  new ServiceError("not-found", entity, `${entity} '${id}' does not exist`);

export const denied = (orgId: string): ServiceError =>
  new ServiceError("denied", orgId, `Denied resource: orgId ${orgId}`);

/** inf: the documented 99403 prefix ("Denied resource: orgId …", Get Device), then the policy that is missing. */
export const deniedPolicy = (orgId: string, policies: readonly string[]): ServiceError =>
  new ServiceError("denied", orgId, `Denied resource: orgId ${orgId}, missing policy "${policies.join('" or "')}"`);

export const alreadyExists = (field: string, value: string, scope: string): ServiceError =>
  new ServiceError("exists", field, `${field} '${value}' already exists in this ${scope}`);

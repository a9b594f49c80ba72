/**
 * What a failed provider operation hands the engine. A create that succeeded in EnOS but failed afterwards throws
 * `{ id, properties, reasons }`, so the object is recorded instead of orphaned; every other error is re-thrown with
 * a "<Resource> <op> failed:" prefix and its `cause` kept. A failed token request is told as the setting to fix
 * (credential-failure.ts) instead of the token service's own words.
 */
import { EnosError } from "./client";
import { currentSettings } from "./config";
import { explainTokenFailure, type GatewaySettings } from "./credential-failure";
import { findInCauses } from "./cause-chain";

/**
 * The error the dynamic-provider host turns into "created, but failed to initialise" (`grpcResponseFromError` in
 * `@pulumi/pulumi/cmd/dynamic-provider`): because it carries `id`, the engine records the resource with `properties`
 * as its outputs and `reasons` as init errors, and the next `up` updates it instead of creating a duplicate.
 */
export interface PartialCreateError extends Error {
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];
}

/**
 * Builds a {@link PartialCreateError}. On this path the host does NOT add `__provider` to `properties` (without it,
 * later read/delete cannot load the provider): add the create inputs' engine keys with {@link withEngineKeys}.
 * Undefined values are dropped (the host's `Struct.fromJavaScript` throws on them).
 */
export function partialCreateError(
  id: string,
  properties: object,
  reason: string,
  cause?: unknown,
): PartialCreateError {
  const error = new Error(reason, cause === undefined ? undefined : { cause });
  error.name = "PartialCreateError";
  return Object.assign(error, { id, properties: structSafe(properties), reasons: [reason] });
}

/** True for an error the host will treat as a partial create (it only looks for a truthy `id`). */
export function isPartialCreateError(error: unknown): error is PartialCreateError {
  if (!(error instanceof Error)) return false;
  const { id } = error as Partial<PartialCreateError>;
  return typeof id === "string" && id !== "";
}

/** `error` with the engine's keys (`__provider` of the create inputs) added to the properties to record. */
export function withEngineKeys(
  error: PartialCreateError,
  engine: Readonly<Record<string, unknown>>,
): PartialCreateError {
  return Object.assign(error, { properties: { ...engine, ...error.properties } });
}

/** A provider operation, as named in messages. */
export type ResourceOperation = "check" | "diff" | "create" | "read" | "update" | "delete";

/** Marks an error that already names its resource and operation, so an outer wrapper passes it on as is. */
const IN_CONTEXT = "pulumi-enos/ResourceOperationError";

function isInContext(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { __context?: unknown }).__context === IN_CONTEXT;
}

/** An error re-thrown with the resource and operation in front; the original stays in `cause`. */
export class ResourceOperationError extends Error {
  readonly __context = IN_CONTEXT;
  readonly resource: string;
  readonly operation: ResourceOperation;

  constructor(resource: string, operation: ResourceOperation, cause: unknown) {
    super(`${resource} ${operation} failed: ${describeFailure(cause)}`, { cause });
    this.name = "ResourceOperationError";
    this.resource = resource;
    this.operation = operation;
  }
}

/**
 * Re-throws `error` as "EnosApp create failed: <message>" with `cause` kept. A partial-create error keeps its `id`,
 * `properties` and `reasons` (else the host would lose the created object); an error already in context is re-thrown
 * as is, so nested wrappers do not stutter.
 */
export function withResourceContext(resource: string, operation: ResourceOperation, error: unknown): never {
  if (isInContext(error)) throw error;
  if (isPartialCreateError(error)) {
    const prefix = `${resource} ${operation} failed: `;
    const wrapped = partialCreateError(error.id, error.properties, `${prefix}${error.message}`, error);
    throw Object.assign(wrapped, { __context: IN_CONTEXT, reasons: error.reasons.map((r) => prefix + r) });
  }
  throw new ResourceOperationError(resource, operation, error);
}

/** The settings a failed token request is explained with; none when they are themselves invalid. */
function gatewaySettings(): GatewaySettings {
  try {
    return currentSettings();
  } catch {
    return {};
  }
}

/** What to tell the user about `error`: a failed token request as the setting to fix, else its own message. */
export function describeFailure(error: unknown, settings: GatewaySettings = gatewaySettings()): string {
  return explainTokenFailure(error, settings) ?? messageOf(error);
}

/** Whether `error` is, or wraps, an error of the EnOS client (a setting, the gateway, EnOS): not a bug of ours. */
export function isEnosFailure(error: unknown): boolean {
  return findInCauses(error, (e) => EnosError.isInstance(e)) !== undefined;
}

/** The message of anything thrown: an Error's own, a string as is, anything else as JSON. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : (JSON.stringify(error) ?? String(error));
}

/** A copy without undefined values (dropped from objects, null in arrays), as `google-protobuf` Struct requires. */
function structSafe(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

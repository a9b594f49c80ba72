/**
 * The one error every lookup throws: "<lookup> failed: <what and how to fix it>", the original kept in `cause`, like
 * the resources' "<Resource> <op> failed:" errors (failures.ts). The message never holds a key, token or signature:
 * client errors carry none (client/errors.ts), and argument values are quoted only for non-secret arguments.
 */
import { ConfigError, isInvalidInput, isNotFound, isPermissionDenied } from "./client";
import { explainTokenFailure, type GatewaySettings } from "./credential-failure";

/** A lookup by its public name, e.g. "getRole". */
export type LookupName =
  "getOrganizationRoles" | "getUserGroups" | "getApps" | "getRole" | "getUserGroup" | "getApp" | "getDevice";

/** The EnOS permission each lookup needs (README "Permissions the service account needs"). */
const PERMISSIONS: Record<LookupName, string> = {
  getOrganizationRoles: `Application Portal "Obtain the ID and name of all roles in the OU"`,
  getRole: `Application Portal "Obtain the ID and name of all roles in the OU"`,
  getUserGroups: `Application Portal "Obtain all user permissions in the OU"`,
  getUserGroup: `Application Portal "Obtain all user permissions in the OU"`,
  getApps: "the OU's Application Registration Administrator policy",
  getApp: "the OU's Application Registration Administrator policy",
  getDevice: "Device Management Read",
};

export class LookupError extends Error {
  readonly lookup: LookupName;
  /** The argument the message is about, when it is about one (e.g. "locale", "name"). */
  readonly argument: string | undefined;

  constructor(lookup: LookupName, problem: string, options: { argument?: string; cause?: unknown } = {}) {
    super(`${lookup} failed: ${problem}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "LookupError";
    this.lookup = lookup;
    this.argument = options.argument;
  }

  /** True for a LookupError from any copy of this module. */
  static isInstance(x: unknown): x is LookupError {
    return x instanceof Error && x.name === "LookupError" && typeof (x as { lookup?: unknown }).lookup === "string";
  }
}

/**
 * `error` as a {@link LookupError}: what EnOS said, plus the way out when the cause is a setting, a missing
 * permission or an OU that does not know the object. `subject` names what was looked up ("device 'a-1' in OU o-demo");
 * `settings` are the ones the lookup ran with, quoted when a failed token request points at one of them.
 */
export function lookupFailure(
  lookup: LookupName,
  error: unknown,
  subject: string,
  settings: GatewaySettings = {},
): LookupError {
  if (LookupError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (ConfigError.isInstance(error)) return new LookupError(lookup, message, { argument: error.key, cause: error });
  const credentials = explainTokenFailure(error, settings);
  if (credentials !== undefined) return new LookupError(lookup, credentials, { cause: error });
  if (isPermissionDenied(error)) {
    const hint = `the service account needs ${PERMISSIONS[lookup]} in that OU`;
    return new LookupError(lookup, `${message}: ${hint}`, { cause: error });
  }
  if (isNotFound(error)) {
    return new LookupError(lookup, `${subject} does not exist (${message})`, { cause: error });
  }
  if (isInvalidInput(error)) {
    const hint = "check `orgId` (or the provider setting enos:orgId) and the other arguments";
    return new LookupError(lookup, `${message}: ${hint}`, { cause: error });
  }
  return new LookupError(lookup, message, { cause: error });
}

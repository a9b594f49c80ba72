import type { IncomingHttpHeaders } from "node:http";
import type { Credential, TokenStore } from "../auth";
import type { ServiceName } from "../envelopes";
import { holdsAny, type Policy, type PolicyRule } from "../policies";
import { denied, deniedPolicy, notFound } from "../service-error";
import type { ReplayGuard } from "../replay-guard";
import type { Store } from "../state";

/**
 * How an append endpoint (appendRoles, appendUserGroups) treats the ids the user already holds, and how strict its
 * remove endpoint is. The docs leave it open (emulator README, "Grant write modes"): "overwrite" replaces the user's
 * set with the listed ids (Assign User Roles, newest docs); "additive" adds them and ignores held ones (the 2.3.0 text
 * just says "assign"); "additive-strict" adds them but refuses the call with 31408 `<entity>.already.existed` when a
 * listed id is already held (31408 is app-portal's documented "already exists" code), and the matching remove refuses
 * an id the user does not hold with 31404.
 */
export type GrantWriteMode = "overwrite" | "additive" | "additive-strict";

/** The grant write mode of appendRoles/removeRoles. */
export type AppendRolesMode = GrantWriteMode;

/** The grant write mode of each grant kind's endpoints. */
export interface GrantWriteModes {
  readonly role: GrantWriteMode;
  readonly group: GrantWriteMode;
}

/** Everything a handler may read; handlers are synchronous and call `store.commit()` after they mutate. */
export interface RouteContext {
  readonly method: string;
  readonly path: string;
  /** First value of each query parameter, decoded. */
  readonly query: Readonly<Record<string, string>>;
  /** Request headers, lower-cased names (e.g. enos-app-service's accept-language). */
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when the request had none). */
  readonly body: unknown;
  readonly store: Store;
  /** The authenticated service account; null when auth is off (--insecure-no-auth). */
  readonly caller: Credential | null;
  readonly tokens: TokenStore;
  /** null when the 1001 replay check is switched off. */
  readonly replays: ReplayGuard | null;
  readonly clock: () => number;
  readonly grantModes: GrantWriteModes;
  /** The policies that let this call through (any one suffices; [] = none needed), from the route's rule. */
  readonly neededPolicies: readonly Policy[];
}

export interface Route {
  readonly methods: readonly string[];
  readonly path: string;
  readonly service: ServiceName;
  /** The token service is called before a token exists. */
  readonly public?: boolean;
  /** The policy the caller needs in the OU (checked by authorizeOrg); absent = none. */
  readonly policy?: PolicyRule;
  /** Returns the `data` of the success envelope, or throws ServiceError / CodedError. */
  handle(context: RouteContext): unknown;
}

/**
 * The OU must exist, and a service account may act only on its own OU, with the route's policy (the Application
 * Registration, Application Portal and Connection APIs operation permissions are granted per OU). inf: with auth off
 * every OU is open; the policy is checked after the OU, so an unknown OU is still "not found".
 */
export function authorizeOrg(context: RouteContext, orgId: string): void {
  if (!context.store.data.organizations.some((org) => org.id === orgId)) throw notFound("organization", orgId);
  const { caller, neededPolicies } = context;
  if (caller && caller.orgId !== orgId) throw denied(orgId);
  if (caller && !holdsAny(caller.policies, neededPolicies)) throw deniedPolicy(orgId, neededPolicies);
}

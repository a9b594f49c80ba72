import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { TIMESTAMP_SKEW_MS, TokenStore } from "./auth";
import type { AppServiceCodes } from "./envelopes";
import { resetCore, type EmulatorCore } from "./core";
import { FaultRegistry, type Fault, type FaultSpec } from "./faults";
import { applyMutation, type Mutation } from "./mutations";
import { ReplayGuard } from "./replay-guard";
import { RequestLog, type RequestLogEntry } from "./request-log";
import { allRoutes } from "./routes";
import type { GrantWriteMode } from "./routes/route";
import { createListener } from "./server";
import { loadSeed, Store } from "./state";
import { parseState, type SeedData, type StateData } from "./state-schema";

export type { AppendRolesMode, GrantWriteMode } from "./routes/route";
export type { AppServiceCodes } from "./envelopes";
export type { Fault, FaultSpec } from "./faults";
export type { Mutation } from "./mutations";
export { MutationError } from "./mutations";
export type { RequestLogEntry } from "./request-log";
export type {
  AppRecord,
  Category,
  DeviceRecord,
  I18nMap,
  MenuRecord,
  Organization,
  PermissionRecord,
  Role,
  SeedData,
  ServiceAccount,
  StateData,
  User,
  UserGroup,
} from "./state-schema";
export { paramsData, requestSignature } from "./auth";

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 (the CLI defaults to 8088) */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** A seed file path or seed object. @default the bundled emulator/seed.json */
  seed?: string | SeedData;
  /** JSON file the state is loaded from (if present) and written to atomically after every change. */
  stateFile?: string;
  /** Token + signature checks; false is for debugging only (every call acts with full access). @default true */
  auth?: boolean;
  /** Lifetime of issued access tokens. @default 7200 */
  tokenLifetimeSeconds?: number;
  /**
   * Token-service replay check: a reused (appKey, encryption) pair answers status 1001 (Invoke API with Access Token).
   * Switch it off only for a client that cannot yet send a fresh timestamp on every token request. @default true
   */
  tokenReplayCheck?: boolean;
  /**
   * appendRoles/removeRoles semantics: "overwrite" (newest docs), "additive" (older docs; held ids ignored) or
   * "additive-strict" (31408 on a held id, 31404 on removing an unheld one). @default "overwrite"
   */
  appendRolesMode?: GrantWriteMode;
  /** appendUserGroups/removeUserGroups semantics, the same three readings. @default "additive" */
  appendUserGroupsMode?: GrantWriteMode;
  /**
   * How enos-app-service errors are coded (undocumented): "portal" = the app-portal 31xxx family (31404
   * `app.not.exist`), "legacy" = the legacy generic table's plain codes (404 `app.not.exist`, 408, 400, 403), same
   * message keys. @default "portal"
   */
  appServiceCodes?: AppServiceCodes;
  /** Epoch-ms clock for token expiry, timestamps and skew checks (tests inject one). @default Date.now */
  clock?: () => number;
  /** Random source for probabilistic faults. @default Math.random */
  random?: () => number;
}

/** A running emulator and an in-process handle mirroring the admin API. */
export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:8088 (the "gateway"). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
  /** Back to the seed, with no faults and an empty request log (issued tokens stay valid). */
  reset(): void;
  /** Replaces the seed and resets to it (POST /__emulator/seed). */
  reseed(seed: SeedData): void;
  /** A deep copy of the current state (GET /__emulator/state). */
  state(): StateData;
  /** Every EnOS call so far (GET /__emulator/requests). */
  requestLog(): RequestLogEntry[];
  clearRequestLog(): void;
  readonly faults: {
    add(spec: FaultSpec): Fault;
    list(): Fault[];
    remove(id: string): boolean;
    clear(): void;
  };
  /** Applies an out-of-band change (POST /__emulator/mutations); throws MutationError on unknown targets. */
  mutate(mutation: Mutation): void;
}

function createCore(options: EmulatorOptions): EmulatorCore {
  const clock = options.clock ?? Date.now;
  return {
    store: new Store(loadSeed(options.seed), options.stateFile),
    tokens: new TokenStore(clock, (options.tokenLifetimeSeconds ?? 7200) * 1000),
    replays: options.tokenReplayCheck === false ? null : new ReplayGuard(clock, TIMESTAMP_SKEW_MS),
    faults: new FaultRegistry(options.random ?? Math.random),
    log: new RequestLog(),
    routes: allRoutes,
    clock,
    auth: options.auth ?? true,
    grantModes: {
      role: options.appendRolesMode ?? "overwrite",
      group: options.appendUserGroupsMode ?? "additive",
    },
    appServiceCodes: options.appServiceCodes ?? "portal",
  };
}

/** Starts an EnOS emulator on loopback. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const core = createCore(options);
  const server = createServer(createListener(core));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    reset: () => resetCore(core),
    reseed: (seed) => {
      core.store.reseed(parseState(seed, "reseed()"));
      resetCore(core);
    },
    state: () => core.store.snapshot(),
    requestLog: () => core.log.list(),
    clearRequestLog: () => core.log.clear(),
    faults: {
      add: (spec) => core.faults.add(spec),
      list: () => core.faults.list(),
      remove: (id) => core.faults.remove(id),
      clear: () => core.faults.clear(),
    },
    mutate: (mutation) => applyMutation(core.store, mutation),
  };
}

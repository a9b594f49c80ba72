import type { TokenStore } from "./auth";
import type { AppServiceCodes } from "./envelopes";
import type { FaultRegistry } from "./faults";
import type { ReplayGuard } from "./replay-guard";
import type { RequestLog } from "./request-log";
import type { GrantWriteModes, Route } from "./routes/route";
import type { Store } from "./state";

/** The parts of one running emulator, shared by the HTTP server, the admin API and the in-process handle. */
export interface EmulatorCore {
  readonly store: Store;
  readonly tokens: TokenStore;
  /** The token service's 1001 replay check; null when switched off. */
  readonly replays: ReplayGuard | null;
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  readonly routes: readonly Route[];
  readonly clock: () => number;
  readonly auth: boolean;
  readonly grantModes: GrantWriteModes;
  /** How enos-app-service errors are coded (envelopes.ts). */
  readonly appServiceCodes: AppServiceCodes;
}

/** Back to the seed, with no faults and an empty request log (tokens stay valid). */
export function resetCore(core: EmulatorCore): void {
  core.store.reset();
  core.faults.clear();
  core.log.clear();
}

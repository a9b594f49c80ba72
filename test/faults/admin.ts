/**
 * The emulator's admin API over HTTP (emulator README "Admin API"), as a test outside the emulator's process would
 * use it: the matrix reads EnOS state, arms faults and reads the request log only through it.
 */
import type { Fault, FaultSpec, RequestLogEntry, StateData } from "../../emulator";

export interface AdminApi {
  state(): Promise<StateData>;
  requests(): Promise<RequestLogEntry[]>;
  clearRequests(): Promise<void>;
  addFault(spec: FaultSpec): Promise<Fault>;
  faults(): Promise<Fault[]>;
  clearFaults(): Promise<void>;
  /** Back to the seed, no faults, empty log. */
  reset(): Promise<void>;
}

export function adminApi(baseUrl: string): AdminApi {
  const call = async <T>(method: string, name: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/__emulator/${name}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
    const json = (await response.json()) as T | { error: string };
    if (!response.ok) throw new Error(`${method} /__emulator/${name} → ${response.status} ${JSON.stringify(json)}`);
    return json as T;
  };
  return {
    state: () => call<StateData>("GET", "state"),
    requests: () => call<RequestLogEntry[]>("GET", "requests"),
    clearRequests: async () => void (await call("DELETE", "requests")),
    addFault: (spec) => call<Fault>("POST", "faults", spec),
    faults: () => call<Fault[]>("GET", "faults"),
    clearFaults: async () => void (await call("DELETE", "faults")),
    reset: async () => void (await call("POST", "reset")),
  };
}

import { resetCore, type EmulatorCore } from "./core";
import { applyMutation, MutationError } from "./mutations";
import { parseState } from "./state-schema";
import type { FaultSpec } from "./faults";

export const ADMIN_PREFIX = "/__emulator/";

export interface AdminResponse {
  status: number;
  body: unknown;
}

const ok = (body: unknown = { ok: true }): AdminResponse => ({ status: 200, body });
const fail = (status: number, error: string): AdminResponse => ({ status, body: { error } });

function parseJson(rawBody: string): unknown {
  return rawBody === "" ? undefined : (JSON.parse(rawBody) as unknown);
}

type AdminHandler = (core: EmulatorCore, body: unknown) => AdminResponse;

/** The admin API (README "Admin API"): plain JSON, never under an EnOS path, never logged, never faulted. */
const handlers: Readonly<Record<string, AdminHandler>> = {
  "POST reset": (core) => {
    resetCore(core);
    return ok();
  },
  "POST seed": (core, body) => {
    core.store.reseed(parseState(body, "POST /__emulator/seed"));
    core.faults.clear();
    core.log.clear();
    return ok();
  },
  "GET state": (core) => ok(core.store.snapshot()),
  "GET requests": (core) => ok(core.log.list()),
  "DELETE requests": (core) => {
    core.log.clear();
    return ok();
  },
  "POST mutations": (core, body) => {
    applyMutation(core.store, body);
    return ok();
  },
  "GET faults": (core) => ok(core.faults.list()),
  "POST faults": (core, body) => ok(core.faults.add(body as FaultSpec)),
  "DELETE faults": (core) => {
    core.faults.clear();
    return ok();
  },
};

/** Handles /__emulator/<name>[/<id>]; errors become {error} with 400 (bad input) or 404 (unknown target). */
export function handleAdmin(core: EmulatorCore, method: string, path: string, rawBody: string): AdminResponse {
  const [name = "", id] = path.slice(ADMIN_PREFIX.length).split("/");
  try {
    if (name === "faults" && id !== undefined && method === "DELETE")
      return core.faults.remove(id) ? ok() : fail(404, `fault ${id} does not exist`);
    const handler = id === undefined ? handlers[`${method} ${name}`] : undefined;
    if (!handler) return fail(404, `no admin route ${method} ${path}`);
    return handler(core, parseJson(rawBody));
  } catch (error: unknown) {
    if (error instanceof MutationError) return fail(error.status, error.message);
    return fail(400, error instanceof Error ? error.message : String(error));
  }
}

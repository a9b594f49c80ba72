/**
 * The default undici Agent: keep-alive connections, one Agent per apiUrl shared by the clients of this process.
 * Idle keep-alive sockets are unref'd by undici, so a forgotten client does not keep the process alive.
 */
import { Agent, type Dispatcher } from "undici";

const KEEP_ALIVE_MS = 10_000;

interface Entry {
  agent: Agent;
  users: number;
}

const registry = new Map<string, Entry>();

export interface DispatcherLease {
  dispatcher: Dispatcher;
  release(): Promise<void>;
}

/** The caller's dispatcher as-is (never closed by us), or a lease on the shared Agent of `apiUrl`. */
export function acquireDispatcher(apiUrl: string, injected: Dispatcher | undefined): DispatcherLease {
  if (injected) return { dispatcher: injected, release: async () => undefined };
  let entry = registry.get(apiUrl);
  if (!entry) {
    entry = { agent: new Agent({ keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: 60_000 }), users: 0 };
    registry.set(apiUrl, entry);
  }
  entry.users++;
  const held = entry;
  let released = false;
  return {
    dispatcher: held.agent,
    release: async () => {
      if (released) return;
      released = true;
      if (--held.users > 0) return;
      if (registry.get(apiUrl) === held) registry.delete(apiUrl);
      await held.agent.close();
    },
  };
}

/**
 * State that belongs to one EnOS client, such as the coalescing loaders of the read path. When `clientFor()` returns
 * a new client (new settings), new state is built for it, and nothing outlives the client it was built on.
 */
import type { EnosClient } from "../../client";

/** `build`, called once per client and remembered for as long as the client lives. */
export function perClient<T>(build: (client: EnosClient) => T): (client: EnosClient) => T {
  const byClient = new WeakMap<EnosClient, T>();
  return (client) => {
    let value = byClient.get(client);
    if (value === undefined) {
      value = build(client);
      byClient.set(client, value);
    }
    return value;
  };
}

/**
 * The EnOS clients of one command run, one per gateway and service account, all sending through one undici Agent
 * that counts requests (token requests and retries included): the figure the reports give as `lookupCalls`.
 */
import { Agent, type Dispatcher } from "undici";
import { createEnosClient, type EnosClient } from "../../provider/client";
import type { Credentials } from "./credentials";

export class ClientPool {
  private readonly agent = new Agent({ keepAliveTimeout: 10_000 });
  private readonly dispatcher: Dispatcher;
  private readonly clients = new Map<string, EnosClient>();
  private requests = 0;

  constructor(private readonly debug: boolean) {
    this.dispatcher = this.agent.compose((dispatch) => (options, handler) => {
      this.requests += 1;
      return dispatch(options, handler);
    });
  }

  /** HTTP requests sent so far. */
  get calls(): number {
    return this.requests;
  }

  clientFor(credentials: Credentials): EnosClient {
    const { apiUrl, accessKey } = credentials.options;
    const key = `${apiUrl}\u0000${accessKey}`;
    let client = this.clients.get(key);
    if (!client) {
      client = createEnosClient({ ...credentials.options, dispatcher: this.dispatcher, debug: this.debug });
      this.clients.set(key, client);
    }
    return client;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
    await this.agent.close();
  }
}

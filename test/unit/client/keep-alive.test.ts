/**
 * The one client test on a real socket (loopback, port 0): connection reuse is a property of the default undici
 * Agent and of the server's keep-alive, which a MockAgent cannot show.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createEnosClient } from "../../../provider/client";
import { ACCESS_KEY, SECRET_KEY, TOKEN_GET, appServiceOk, createFakeClock, tick, tokenBody } from "./helpers";

/** A server answering token gets and app lists, counting the TCP connections it accepts. */
async function startServer(): Promise<{
  server: Server;
  url: string;
  stats: { connections: number; requests: number };
}> {
  const stats = { connections: 0, requests: 0 };
  const server = createServer((req, res) => {
    stats.requests++;
    req.resume();
    req.on("end", () => {
      const body = JSON.stringify(req.url === TOKEN_GET ? tokenBody("token-keep-alive") : appServiceOk([]));
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.on("connection", () => stats.connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, stats };
}

/**
 * Makes one warm-up call (token get + list) then `calls` sequential list calls through one client on the default
 * Agent, running `between` after each; returns the server's counts and the connections open after the warm-up.
 */
async function sequentialCalls(calls: number, between: () => Promise<void>) {
  const { server, url, stats } = await startServer();
  // No dispatcher: the client's default keep-alive Agent is what is under test.
  const options = { apiUrl: url, accessKey: ACCESS_KEY, secretKey: SECRET_KEY, clock: createFakeClock(), debug: false };
  const client = createEnosClient(options);
  let afterWarmUp = 0;
  try {
    await client.appService.listApps("o1");
    afterWarmUp = stats.connections;
    for (let i = 0; i < calls; i++) {
      await between();
      await client.appService.listApps("o1");
    }
  } finally {
    await client.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { ...stats, afterWarmUp };
}

// undici frees a socket one event-loop turn after its response body is read, so a request sent in that same turn
// (the first list right after the token get, or back-to-back calls) takes a second socket. Without keep-alive, every
// request would open a connection of its own.
describe("keep-alive", () => {
  it("sends sequential calls of one client over the connection already open", async () => {
    const stats = await sequentialCalls(10, tick);
    expect(stats.requests).toBe(12); // token get, warm-up list, ten lists
    expect(stats.connections).toBe(stats.afterWarmUp);
    expect(stats.connections).toBeLessThanOrEqual(2);
  });

  it("opens at most two connections for back-to-back calls", async () => {
    const stats = await sequentialCalls(10, async () => undefined);
    expect(stats.requests).toBe(12);
    expect(stats.connections).toBeLessThanOrEqual(2);
  });
});

import type { Emulator, Fault } from "../../emulator";
import { admin, APPS, DEMO, DEVICES, PORTAL, setup, type TestClient } from "./support";

const org = { orgId: DEMO.orgId };
const LIST = `${APPS}/list`;
const APP = { name: { default: "Energy" }, category: 101, type: 0, keyword: "energy" };

describe("fault injection", () => {
  let emulator: Emulator;
  let client: TestClient;
  let dice = 0.5;

  beforeAll(async () => {
    ({ emulator, client } = await setup({ random: () => dice }));
  });
  beforeEach(async () => {
    emulator.reset();
    await client.login();
  });
  afterAll(() => emulator.close());

  const list = () => client.call("GET", LIST, { query: org });

  it("answers 429 with Retry-After once, then serves normally (count defaults to 1)", async () => {
    await admin(emulator.url, "POST", "faults", { route: { path: LIST }, status: 429, retryAfter: 3 });
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(limited.body).toEqual({ message: "API rate limit exceeded" });
    expect((await list()).status).toBe(200);
  });

  it("answers 429 without Retry-After and 5xx for `count` matching requests", async () => {
    emulator.faults.add({ route: { method: "GET", path: "/enos-app-service/*" }, status: 503, count: 2 });
    emulator.faults.add({ route: { path: LIST }, status: 429 });
    const replies = [await list(), await list(), await list(), await list()];
    expect(replies.map((reply) => reply.status)).toEqual([503, 503, 429, 200]);
    expect(replies[0]?.body).toEqual({ message: "Service unavailable" });
    expect(replies[2]?.headers.get("retry-after")).toBeNull();
  });

  it("injects an EnOS code in the envelope of the service that was called", async () => {
    emulator.faults.add({ route: { path: LIST }, code: 31500 });
    emulator.faults.add({ route: { path: DEVICES, action: "disable" }, code: 99500 });
    expect((await list()).body).toEqual({ code: 31500, msg: "system.internal.error", subMsg: null, data: null });
    const get = await client.call("GET", DEVICES, { query: { ...org, action: "get", assetId: "a-turbine-7" } });
    expect(get.body.code).toBe(0);
    const disable = await client.call("POST", DEVICES, {
      query: { ...org, action: "disable", assetId: "a-turbine-7" },
    });
    expect(disable.body).toMatchObject({ code: 99500, requestId: expect.any(String), data: null });
    expect(emulator.state().devices.find((device) => device.assetId === "a-turbine-7")?.enabled).toBe(true);
  });

  it("uses the token-service and app-portal envelopes for injected codes on their paths", async () => {
    emulator.faults.add({ route: { path: "/apim-token-service/*" }, code: 1005 });
    emulator.faults.add({ route: { path: `${PORTAL}/v2.2/organization/role/list` }, code: 31429 });
    const token = await client.raw("POST", "/apim-token-service/v2.0/token/get", { body: client.tokenBody() });
    expect(token.body).toEqual({ status: 1005, msg: expect.any(String), business: "apim-token-service", data: null });
    const roles = await client.call("GET", `${PORTAL}/v2.2/organization/role/list`, { query: org });
    expect(roles.body).toEqual({ code: 31429, message: expect.any(String), data: null });
  });

  it("fires probabilistic faults by the injected random source until removed", async () => {
    const fault = emulator.faults.add({ route: { path: LIST }, status: 500, probability: 0.3 });
    dice = 0.9;
    expect((await list()).status).toBe(200);
    dice = 0.1;
    expect((await list()).status).toBe(500);
    expect((await list()).status).toBe(500);
    expect(emulator.faults.list()).toEqual([expect.objectContaining({ id: fault.id, hits: 2, remaining: null })]);
    expect(emulator.faults.remove(fault.id)).toBe(true);
    expect((await list()).status).toBe(200);
  });

  it("delays the response by latencyMs and still serves it", async () => {
    const latencyMs = 250;
    emulator.faults.add({ route: { path: LIST }, latencyMs });
    const started = performance.now();
    const reply = await list();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(latencyMs);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ code: 0, data: [] });
    expect(emulator.requestLog().at(-1)).toMatchObject({ path: LIST, status: 200, fault: expect.any(String) });
  });

  /** The socket-level code under fetch's "fetch failed" TypeError. */
  const causeCode = async (call: Promise<unknown>): Promise<unknown> => {
    const error: unknown = await call.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    return (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  };

  it("resets the connection with a TCP RST (kind reset): the client sees ECONNRESET", async () => {
    emulator.faults.add({ route: { path: LIST }, kind: "reset" });
    expect(await causeCode(list())).toBe("ECONNRESET");
    expect(emulator.requestLog().at(-1)).toMatchObject({ path: LIST, status: 0, code: null });
    expect((await list()).status).toBe(200);
  });

  it("closes the connection cleanly without a response (kind close)", async () => {
    emulator.faults.add({ route: { path: LIST }, kind: "close" });
    expect(await causeCode(list())).toBe("UND_ERR_SOCKET");
    expect(emulator.requestLog().at(-1)).toMatchObject({ path: LIST, status: 0, code: null });
    expect((await list()).status).toBe(200);
  });

  it("expires the caller's token before the call (kind expire-token -> 1203)", async () => {
    emulator.faults.add({ route: { path: LIST }, kind: "expire-token" });
    const reply = await list();
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ status: 1203, msg: "access token has expired" });
    await client.login();
    expect((await list()).status).toBe(200);
  });

  it("applies the change and then drops the connection (kind commit-then-drop)", async () => {
    emulator.faults.add({ route: { method: "POST", path: APPS }, kind: "commit-then-drop" });
    await expect(client.call("POST", APPS, { query: org, body: APP })).rejects.toThrow();
    expect(emulator.state().apps.map((app) => app.keyword)).toEqual(["energy"]);
  });

  it("manages faults through the admin API and refuses invalid ones with 400", async () => {
    const added = await admin<Fault>(emulator.url, "POST", "faults", { route: { path: LIST }, code: 31404, count: 5 });
    expect(added.body).toMatchObject({ id: expect.any(String), remaining: 5, hits: 0 });
    expect((await admin<Fault[]>(emulator.url, "GET", "faults")).body).toHaveLength(1);
    expect((await admin(emulator.url, "DELETE", `faults/${added.body.id}`)).status).toBe(200);
    await admin(emulator.url, "POST", "faults", { route: { path: LIST }, status: 500 });
    expect((await admin(emulator.url, "DELETE", "faults")).status).toBe(200);
    expect(emulator.faults.list()).toEqual([]);
    const invalid = await admin<{ error: string }>(emulator.url, "POST", "faults", { route: {}, status: 200 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toContain("invalid fault");
  });
});

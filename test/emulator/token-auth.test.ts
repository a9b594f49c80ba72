import { paramsData, requestSignature, type Emulator } from "../../emulator";
import { ReplayGuard } from "../../emulator/replay-guard";
import { APPS, DEMO, manualClock, setup, sha256, signRequest, TestClient } from "./support";

const GET = "/apim-token-service/v2.0/token/get";
const REFRESH = "/apim-token-service/v2.0/token/refresh";
const LIST = { query: { orgId: DEMO.orgId } };

describe("documented signing test vector (EnOS docs: Invoke API with Access Token)", () => {
  const body = '{\n  "count": 20,\n  "page": 1,\n  "desc": "描述"\n}';
  const query: Array<[string, string]> = [
    ["k3", "v3"],
    ["k1", "v1"],
    ["k2", "v2"],
  ];
  const expected = "59828328f6c1f9771015dc74e4929ae30f518a35a3d2353972c2ea46556fc981";

  it("is reproduced by the emulator's verifier", () => {
    const signature = requestSignature("xxxxaaaxxxx", paramsData(query, body), "1572574909697", "xxxappSecretxxx");
    expect(signature).toBe(expected);
  });

  it("is reproduced by the test-local signing helper", () => {
    expect(signRequest("xxxxaaaxxxx", query, body, "1572574909697", "xxxappSecretxxx")).toBe(expected);
  });
});

describe("token service and gateway auth", () => {
  const clock = manualClock();
  let emulator: Emulator;
  let client: TestClient;

  beforeAll(async () => {
    ({ emulator, client } = await setup({ clock: clock.now, tokenLifetimeSeconds: 60 }));
  });
  afterAll(() => emulator.close());

  it("issues a token with the documented envelope and returns the same token while it is unexpired", async () => {
    const first = await client.raw<{ accessToken: string; expire: number }>("POST", GET, { body: client.tokenBody() });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      status: 0,
      msg: "SUCCESS",
      business: "apim-token-service",
      data: { accessToken: expect.any(String), expire: 60 },
    });
    const second = await client.raw<{ accessToken: string }>("POST", GET, { body: client.tokenBody(clock.now() + 1) });
    expect(second.body.data.accessToken).toBe(first.body.data.accessToken);
  });

  it.each([
    ["an unknown appKey", { appKey: "nope" }, 1002],
    ["a wrong encryption", { encryption: sha256("wrong") }, 1003],
    ["a missing encryption", { encryption: undefined }, 1202],
    ["a non-numeric timestamp", { timestamp: "yesterday" }, 1004],
    ["a timestamp 20 minutes old", { timestamp: clock.now() - 20 * 60_000 }, 1004],
  ])("refuses %s with the documented status code", async (_name, override, status) => {
    const body = { ...client.tokenBody(), ...override };
    const reply = await client.raw("POST", GET, { body });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status, business: "apim-token-service", data: null });
  });

  it("refuses a token request that reuses an accepted encryption (1001 replay), on get and on refresh", async () => {
    const body = client.tokenBody();
    expect((await client.raw("POST", GET, { body })).body.status).toBe(0);
    const replay = await client.raw("POST", GET, { body });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ status: 1001, msg: "repeated request", business: "apim-token-service", data: null });
    const token = await client.login();
    const refresh = { ...client.tokenBody(), accessToken: token };
    expect((await client.raw("POST", REFRESH, { body: refresh })).body.status).toBe(0);
    expect((await client.raw("POST", REFRESH, { body: refresh })).body.status).toBe(1001);
    client.token = undefined;
  });

  it("does not count a refused pair as used, and forgets a pair once its timestamp is out of the window", async () => {
    const wrong = { ...client.tokenBody(), encryption: sha256("wrong") };
    expect((await client.raw("POST", GET, { body: wrong })).body.status).toBe(1003);
    expect((await client.raw("POST", GET, { body: wrong })).body.status).toBe(1003);
    const body = client.tokenBody();
    expect((await client.raw("POST", GET, { body })).body.status).toBe(0);
    clock.advance(16 * 60_000);
    expect((await client.raw("POST", GET, { body })).body.status).toBe(1004);
    client.token = undefined;
  });

  it("refreshes a token: the new one works and the old one is refused", async () => {
    const old = await client.login();
    const reply = await client.raw<{ accessToken: string }>("POST", REFRESH, {
      body: { ...client.tokenBody(), accessToken: old },
    });
    expect(reply.body.status).toBe(0);
    const fresh = reply.body.data.accessToken;
    expect(fresh).not.toBe(old);
    client.token = fresh;
    expect((await client.call("GET", `${APPS}/list`, LIST)).body.code).toBe(0);
    client.token = old;
    const refused = await client.call("GET", `${APPS}/list`, LIST);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ message: "Invalid authentication credentials" });
    client.token = undefined;
  });

  it("refuses to refresh a token that is not the key's current one (1204)", async () => {
    const reply = await client.raw("POST", REFRESH, { body: { ...client.tokenBody(), accessToken: "stale" } });
    expect(reply.body).toMatchObject({ status: 1204, data: null });
  });

  it("refuses a call without a token or with an unknown token (HTTP 401)", async () => {
    const none = await client.raw("GET", `${APPS}/list`, LIST);
    const unknown = await client.raw("GET", `${APPS}/list`, { ...LIST, headers: { "apim-accesstoken": "bogus" } });
    for (const reply of [none, unknown]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ message: "Invalid authentication credentials" });
    }
  });

  it("refuses an expired token with 1203 and issues a new token afterwards", async () => {
    const old = await client.login();
    clock.advance(61_000);
    const reply = await client.call("GET", `${APPS}/list`, LIST);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ status: 1203, msg: "access token has expired" });
    expect(await client.login()).not.toBe(old);
    expect((await client.call("GET", `${APPS}/list`, LIST)).body.code).toBe(0);
  });

  it("accepts unsigned calls and verifies signed ones over query and raw body", async () => {
    expect((await client.call("GET", `${APPS}/list`, { ...LIST, sign: false })).body.code).toBe(0);
    const body = { organizationId: DEMO.orgId, userIds: ["u-bob"] };
    const signed = await client.call("POST", "/app-portal-service/v2.2/userRoles/roleList", { body });
    expect(signed.body.code).toBe(0);
    const log = emulator.requestLog().slice(-2);
    expect(log.map((entry) => entry.signed)).toEqual([false, true]);
  });

  it("refuses a signature that does not match the sent query (1003, HTTP 401)", async () => {
    const token = await client.login();
    const timestamp = String(clock.now());
    const signature = signRequest(token, [["orgId", "o-other"]], "", timestamp, DEMO.secretKey);
    const reply = await client.raw("GET", `${APPS}/list`, {
      ...LIST,
      headers: { "apim-accesstoken": token, "apim-timestamp": timestamp, "apim-signature": signature },
    });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ status: 1003, msg: "signature is not valid" });
  });

  it("refuses a signature made with the wrong secret or a stale timestamp", async () => {
    const wrongSecret = new TestClient(emulator.url, { accessKey: DEMO.accessKey, secretKey: "guess" }, clock.now);
    wrongSecret.token = await client.login();
    expect((await wrongSecret.call("GET", `${APPS}/list`, LIST)).body.status).toBe(1003);
    const stale = new TestClient(emulator.url, DEMO, () => clock.now() - 16 * 60_000);
    stale.token = await client.login();
    expect((await stale.call("GET", `${APPS}/list`, LIST)).body.status).toBe(1003);
  });

  it("answers an unknown EnOS path with the gateway's 404 before checking auth", async () => {
    const reply = await client.raw("GET", "/enos-app-service/v2.5/nothing");
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ message: "no Route matched with those values" });
  });
});

describe("token replay check switched off (tokenReplayCheck: false)", () => {
  it("accepts the same token request twice", async () => {
    const { emulator, client } = await setup({ tokenReplayCheck: false });
    try {
      const body = client.tokenBody();
      const first = await client.raw<{ accessToken: string }>("POST", GET, { body });
      const second = await client.raw<{ accessToken: string }>("POST", GET, { body });
      expect(second.body.status).toBe(0);
      expect(second.body.data.accessToken).toBe(first.body.data.accessToken);
    } finally {
      await emulator.close();
    }
  });
});

describe("ReplayGuard", () => {
  it("keeps at most maxEntries pairs, dropping the oldest", () => {
    const guard = new ReplayGuard(() => 1_000, 60_000, 2);
    expect([guard.isReplay("k", "a", 1_000), guard.isReplay("k", "b", 1_000)]).toEqual([false, false]);
    expect(guard.isReplay("k", "c", 1_000)).toBe(false);
    expect(guard.size).toBe(2);
    expect(guard.isReplay("k", "a", 1_000)).toBe(false);
    expect(guard.isReplay("k", "c", 1_000)).toBe(true);
  });
});

describe("auth switched off (--insecure-no-auth)", () => {
  it("serves calls without any token", async () => {
    const { emulator, client } = await setup({ auth: false });
    try {
      const reply = await client.raw("GET", `${APPS}/list`, LIST);
      expect(reply.status).toBe(200);
      expect(reply.body.code).toBe(0);
    } finally {
      await emulator.close();
    }
  });
});

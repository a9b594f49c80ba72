import { apimSignature, paramsData, queryString, tokenEncryption } from "../../../provider/client/signing";
import { createHarness, mockTokenGet, appServiceOk, pathIs, sampleApp, SECRET_KEY, bodyText } from "./helpers";

// EnOS docs, Invoke API with Access Token: the documented vector pairs this signature with the Chinese body value
// "描述".
const VECTOR_BODY = '{\n  "count": 20,\n  "page": 1,\n  "desc": "描述"\n}';

describe("request signing", () => {
  it("reproduces the documented signature test vector", () => {
    const signature = apimSignature({
      accessToken: "xxxxaaaxxxx",
      query: { k3: "v3", k1: "v1", k2: "v2" },
      rawBody: VECTOR_BODY,
      timestamp: 1572574909697,
      secretKey: "xxxappSecretxxx",
    });
    expect(signature).toBe("59828328f6c1f9771015dc74e4929ae30f518a35a3d2353972c2ea46556fc981");
  });

  it("builds paramsData from query parameters sorted by ASCII key, then the raw body", () => {
    expect(paramsData({ b: "2", a: "1", B: "x", skipped: undefined }, '{"k":1}')).toBe('Bxa1b2{"k":1}');
  });

  it("uses decoded query values in paramsData and encoded ones in the URL", () => {
    const query = { name: "a b&c" };
    expect(paramsData(query, undefined)).toBe("namea b&c");
    expect(queryString(query)).toBe("?name=a+b%26c");
  });

  it("computes the token encryption as sha256(appKey + timestamp + secretKey) in lowercase hex", () => {
    expect(tokenEncryption("xxxxAppKeyxxxx", 1572574909697, "xxxappSecretxxx")).toBe(
      "98f043693a07dd461be269d85aa2d10ad26c614148aa9ec763ea49b0b20d9dc8",
    );
  });

  it("sends apim headers whose signature covers the query and the exact body bytes sent", async () => {
    const h = createHarness();
    mockTokenGet(h.pool, "token-sign-1");
    let seen: { headers: Record<string, string>; body: string; path: string } | undefined;
    h.pool.intercept({ path: pathIs("/enos-app-service/v2.5/apps"), method: "POST" }).reply(200, (opts) => {
      seen = {
        headers: opts.headers as Record<string, string>,
        body: bodyText(opts),
        path: opts.path,
      };
      return appServiceOk(sampleApp());
    });

    await h.client.appService.createApp("o1", { name: { default: "描述" }, category: 104, type: 0 });

    expect(seen).toBeDefined();
    const headers = seen!.headers;
    expect(seen!.path).toBe("/enos-app-service/v2.5/apps?orgId=o1");
    expect(headers["apim-accesstoken"]).toBe("token-sign-1");
    expect(headers["apim-timestamp"]).toBe(String(h.clock.now()));
    expect(headers["content-type"]).toBe("application/json;charset=UTF-8");
    const expected = apimSignature({
      accessToken: "token-sign-1",
      query: { orgId: "o1" },
      rawBody: seen!.body,
      timestamp: h.clock.now(),
      secretKey: SECRET_KEY,
    });
    expect(headers["apim-signature"]).toBe(expected);
    await h.finish();
  });

  it("sends the token request body with appKey, timestamp and the encryption of both", async () => {
    const h = createHarness();
    let body: Record<string, unknown> = {};
    h.pool.intercept({ path: "/apim-token-service/v2.0/token/get", method: "POST" }).reply(200, (opts) => {
      body = JSON.parse(bodyText(opts)) as Record<string, unknown>;
      return { status: 0, msg: "SUCCESS", data: { accessToken: "t-1", expire: 7200 } };
    });
    h.pool.intercept({ path: pathIs("/enos-app-service/v2.5/apps/list"), method: "GET" }).reply(200, appServiceOk([]));

    await h.client.appService.listApps("o1");

    expect(body).toEqual({
      appKey: "ak-test-0001",
      timestamp: h.clock.now(),
      encryption: tokenEncryption("ak-test-0001", h.clock.now(), SECRET_KEY),
    });
    await h.finish();
  });
});

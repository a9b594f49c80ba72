import { ResponseValidationError } from "../../../provider/client";
import {
  ACCESS_KEY,
  TOKEN_GET,
  appServiceOk,
  createHarness,
  pathIs,
  sampleApp,
  SECRET_KEY,
  tokenBody,
  type Harness,
  bodyText,
} from "./helpers";

const APPS = "/enos-app-service/v2.5/apps";
const APP_SECRET = "app-secret-7f3c9e1d2b4a";
const TOKEN = "token-debug-5e6f7a8b";

/** Mocks a token get and one create, capturing the encryption and signature actually sent. */
function mockCreate(h: Harness, appBody: unknown) {
  const sent = { encryption: "", signature: "" };
  h.pool.intercept({ path: TOKEN_GET, method: "POST" }).reply(200, (opts) => {
    sent.encryption = String((JSON.parse(bodyText(opts)) as { encryption: string }).encryption);
    return tokenBody(TOKEN);
  });
  h.pool.intercept({ path: pathIs(APPS), method: "POST" }).reply(200, (opts) => {
    sent.signature = (opts.headers as Record<string, string>)["apim-signature"] ?? "";
    return appServiceOk(appBody);
  });
  return sent;
}

const newApp = { name: { default: "A" }, category: 104, type: 0, keyword: "energy" };

describe("debug logging", () => {
  it("logs method, path, status, code and duration of every exchange", async () => {
    const lines: string[] = [];
    const h = createHarness({ debug: (line) => lines.push(line) });
    mockCreate(h, sampleApp());

    await h.client.appService.createApp("o1", newApp);

    expect(lines).toContain(`[enos] POST ${TOKEN_GET} -> 200 code=0 (0 ms)`);
    expect(lines).toContain(`[enos] POST ${APPS}?orgId=o1 -> 200 code=0 (0 ms)`);
    expect(lines.some((l) => l.startsWith("[enos]   request body: ") && l.includes('"keyword":"energy"'))).toBe(true);
    await h.finish();
  });

  it("never logs the secretKey, token, signature, encryption or the created app's secretKey", async () => {
    const lines: string[] = [];
    const h = createHarness({ debug: (line) => lines.push(line) });
    const sent = mockCreate(h, sampleApp({ secretKey: APP_SECRET }));

    const app = await h.client.appService.createApp("o1", newApp);

    expect(app.secretKey).toBe(APP_SECRET); // the caller gets it; the log does not
    const log = lines.join("\n");
    for (const secret of [SECRET_KEY, TOKEN, sent.signature, sent.encryption, APP_SECRET]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('"secretKey":"[REDACTED]"');
    expect(log).toContain('"accessToken":"[REDACTED]"');
    expect(log).toContain('"encryption":"[REDACTED]"');
    await h.finish();
  });

  // Issue 11: with ENOS_DEBUG=1 every token request printed `"appKey":"<accessKey>"` in plain text.
  it("never logs the service account's accessKey: the token request's appKey and any echo of it are masked", async () => {
    const lines: string[] = [];
    const h = createHarness({ debug: (line) => lines.push(line) });
    mockCreate(h, sampleApp({ description: { default: `made by ${ACCESS_KEY}` } }));

    await h.client.appService.createApp("o1", newApp);

    const log = lines.join("\n");
    expect(log).toContain('"appKey":"[REDACTED]"');
    expect(log).not.toContain(ACCESS_KEY);
    expect(log).toContain('"description":{"default":"made by [REDACTED]"}');
    await h.finish();
  });

  it("keeps the created app's secretKey out of the error and the log when the body fails validation", async () => {
    const lines: string[] = [];
    const h = createHarness({ debug: (line) => lines.push(line) });
    mockCreate(h, sampleApp({ secretKey: APP_SECRET, categoryId: "not-a-number" }));

    const error: unknown = await h.client.appService.createApp("o1", newApp).catch((e: unknown) => e);

    expect(ResponseValidationError.isInstance(error)).toBe(true);
    const e = error as ResponseValidationError;
    expect(e.issues.map((i) => i.path)).toContain("data.categoryId");
    const everything = [e.message, JSON.stringify(e), JSON.stringify(e.issues), String(e.stack), ...lines].join("\n");
    expect(everything).not.toContain(APP_SECRET);
    expect(everything).not.toContain(SECRET_KEY);
    expect(everything).not.toContain(TOKEN);
    await h.finish();
  });

  describe("a create whose response body was cut short (not valid JSON)", () => {
    const full = JSON.stringify(appServiceOk(sampleApp({ secretKey: APP_SECRET })));
    const secretAt = full.indexOf(APP_SECRET);
    it.each<[string, number, string]>([
      ["after the secretKey", secretAt + APP_SECRET.length + 10, APP_SECRET],
      ["inside the secretKey", secretAt + 14, APP_SECRET.slice(0, 14)],
    ])("keeps the new app's secretKey out of the log and the error when cut %s", async (_title, cutAt, leak) => {
      const lines: string[] = [];
      const h = createHarness({ debug: (line) => lines.push(line) });
      h.pool.intercept({ path: TOKEN_GET, method: "POST" }).reply(200, tokenBody(TOKEN));
      h.pool.intercept({ path: pathIs(APPS), method: "POST" }).reply(200, full.slice(0, cutAt));

      const error: unknown = await h.client.appService.createApp("o1", newApp).catch((e: unknown) => e);

      expect(ResponseValidationError.isInstance(error)).toBe(true);
      const e = error as ResponseValidationError;
      const log = lines.join("\n");
      expect(log).toContain('"secretKey":"[REDACTED]"');
      expect(log).toContain('"accessKey":"app-ak-1"'); // the rest of the body is still there to debug with
      for (const text of [log, e.message, String(e.stack), JSON.stringify(e)]) expect(text).not.toContain(leak);
      await h.finish();
    });
  });

  it("logs a transport failure by its error name", async () => {
    const lines: string[] = [];
    const h = createHarness({ debug: (line) => lines.push(line), maxRetries: 0 });
    h.pool
      .intercept({ path: TOKEN_GET, method: "POST" })
      .replyWithError(Object.assign(new Error("x"), { code: "ECONNRESET" }));

    await expect(h.client.appService.listApps("o1")).rejects.toMatchObject({ kind: "network" });

    expect(lines).toEqual([`[enos] POST ${TOKEN_GET} -> NetworkError (0 ms)`, expect.stringContaining("request body")]);
    await h.finish();
  });

  describe("ENOS_DEBUG", () => {
    const saved = process.env["ENOS_DEBUG"];
    afterEach(() => {
      if (saved === undefined) delete process.env["ENOS_DEBUG"];
      else process.env["ENOS_DEBUG"] = saved;
      jest.restoreAllMocks();
    });

    /** Runs one create with ENOS_DEBUG=`env` and returns the client's lines written to stderr. */
    async function stderrLines(env: string | undefined, options: { debug?: boolean } = {}): Promise<string[]> {
      if (env === undefined) delete process.env["ENOS_DEBUG"];
      else process.env["ENOS_DEBUG"] = env;
      const written: string[] = [];
      jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
      const h = createHarness(options, { useEnvDebug: true });
      mockCreate(h, sampleApp({ secretKey: APP_SECRET }));
      await h.client.appService.createApp("o1", newApp);
      await h.finish();
      return written.filter((l) => l.startsWith("[enos]"));
    }

    it("writes redacted lines to stderr when ENOS_DEBUG=1", async () => {
      const lines = await stderrLines("1");
      expect(lines).toContain(`[enos] POST ${APPS}?orgId=o1 -> 200 code=0 (0 ms)\n`);
      expect(lines.join("")).not.toContain(APP_SECRET);
    });

    it("stays silent without ENOS_DEBUG", async () => {
      expect(await stderrLines(undefined)).toEqual([]);
    });

    it("lets debug: false override ENOS_DEBUG=1", async () => {
      expect(await stderrLines("1", { debug: false })).toEqual([]);
    });
  });
});

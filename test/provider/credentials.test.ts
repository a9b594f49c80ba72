/**
 * The credential check and what a failed token request says, through `dispatch` (the engine's entry point) against
 * the emulator: the first check of a deployment proves the credentials with one token request, and a wrong
 * enos:secretKey / enos:accessKey / enos:apiUrl, a refused port or a gateway that does not answer fails that check
 * with one sentence naming the setting and the fix. A create whose token request timed out was never sent, and says
 * so instead of "it may exist now".
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as path from "node:path";
import type { Emulator } from "../../emulator";
import { configure } from "../../provider/config";
import { resetClient } from "../../provider/context";
import { dispatch } from "../../provider/dispatch";
import { getOrganizationRoles } from "../../provider/lookups";
import { ORG, SERVICE_ACCOUNT, startProviderEmulator, stopProviderEmulator } from "./support";

const TOKEN_GET = "/apim-token-service/v2.0/token/get";
const appInputs = { name: "Energy", category: 101, keyword: "energy-mgmt" };

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startProviderEmulator();
});
afterAll(async () => {
  await stopProviderEmulator(emulator);
});
afterEach(async () => {
  emulator.faults.clear();
  await resetClient();
});

/** Configures the provider as the engine's `configure` would, the emulator's account unless overridden. */
function settings(overrides: Record<string, string> = {}): Record<string, string> {
  const config: Record<string, string> = {
    "enos:apiUrl": emulator.url,
    "enos:accessKey": SERVICE_ACCOUNT.accessKey,
    "enos:secretKey": SERVICE_ACCOUNT.secretKey,
    "enos:orgId": ORG,
    ...overrides,
  };
  configure({ get: (key) => config[key] });
  return config;
}

/** Every message the checks below produced, for the README's table (last test). */
const seen: string[] = [];

/** The reason of the single check failure of an EnosApp check (failing the test if there is not exactly one). */
async function checkFailure(): Promise<string> {
  const result = await dispatch("EnosApp", "check", [{}, appInputs]);
  expect(result.failures).toHaveLength(1);
  const [failure] = result.failures ?? [];
  expect(failure?.property).toBe("");
  seen.push(failure?.reason ?? "");
  return failure?.reason ?? "";
}

const tokenRequests = () => emulator.requestLog().filter((entry) => entry.path === TOKEN_GET).length;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test("checks prove the credentials with one token request per deployment, whatever the number of resources", async () => {
  settings();
  emulator.clearRequestLog();
  const results = await Promise.all(
    ["a", "b", "c"].map((k) => dispatch("EnosApp", "check", [{}, { ...appInputs, keyword: k }])),
  );
  expect(results.map((r) => r.failures ?? [])).toEqual([[], [], []]);
  await dispatch("EnosApp", "check", [{}, appInputs]);
  expect(tokenRequests()).toBe(1);
  expect(emulator.requestLog()).toHaveLength(1); // nothing but the token request
});

test("a wrong secretKey fails the check naming enos:secretKey and how to set it", async () => {
  settings({ "enos:secretKey": "not-the-secret" });
  const reason = await checkFailure();
  expect(reason).toBe(
    "EnOS refused the credentials: enos:secretKey is not the secret key of enos:accessKey (the token service " +
      "answered 1003 encryption is not valid). Set the service account's secret key: run `pulumi config set " +
      "--secret enos:secretKey <secret>` or set ENOS_SECRET_KEY",
  );
  expect(reason).not.toContain("not-the-secret");
});

test("an unknown accessKey fails the check naming enos:accessKey", async () => {
  settings({ "enos:accessKey": "no-such-key" });
  expect(await checkFailure()).toBe(
    `EnOS refused the credentials: enos:accessKey is not a service account known to the gateway ${emulator.url} ` +
      "(the token service answered 1002 appKey does not exist). Check enos:accessKey (run `pulumi config set " +
      "--secret enos:accessKey <key>` or set ENOS_ACCESS_KEY), and that enos:apiUrl is the gateway of that " +
      "account's EnOS environment",
  );
});

test("an apiUrl with a path fails the check naming enos:apiUrl and the path to drop", async () => {
  settings({ "enos:apiUrl": `${emulator.url}/enos` });
  const reason = await checkFailure();
  expect(reason).toMatch(
    new RegExp(`^enos:apiUrl ${emulator.url}/enos is not an EnOS API gateway, or has a path it should not have`),
  );
  expect(reason).toContain("HTTP 404 no Route matched with those values");
  expect(reason).toContain(`drop the path /enos (try ${emulator.url})`);
  expect(reason).toContain("run `pulumi config set enos:apiUrl <gateway-url>` or set ENOS_API_URL");
});

test("a refused port fails the check naming enos:apiUrl, the host and a curl line to check it", async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  settings({ "enos:apiUrl": url, "enos:maxRetries": "0" });
  expect(await checkFailure()).toBe(
    `cannot reach the EnOS gateway at enos:apiUrl ${url}: the connection was refused: nothing listens at ` +
      `${url.slice("http://".length)}. Check the host and port of enos:apiUrl (run \`pulumi config set ` +
      "enos:apiUrl <gateway-url>` or set ENOS_API_URL) and the network (VPN, proxy, firewall): " +
      `\`curl -sS -m 10 -X POST ${url}${TOKEN_GET}\` should print a JSON answer at once`,
  );
});

test("a gateway that does not answer fails the check within tokenTimeoutMs, saying how to raise it", async () => {
  settings({ "enos:tokenTimeoutMs": "300" });
  emulator.faults.add({ route: { path: TOKEN_GET }, latencyMs: 1_200, count: 10 });
  const started = Date.now();
  const reason = await checkFailure();
  expect(Date.now() - started).toBeLessThan(1_000); // one deadline for every attempt, not 4 x 300 ms + backoff
  expect(reason).toMatch(
    new RegExp(`^the EnOS gateway at enos:apiUrl ${emulator.url} did not answer the token request within 300 ms`),
  );
  expect(reason).toContain("raise enos:tokenTimeoutMs (run `pulumi config set enos:tokenTimeoutMs <ms>`");
});

test("a missing setting fails the check (not only the up) with the command that sets it", async () => {
  configure({ get: (key) => ({ "enos:apiUrl": emulator.url, "enos:orgId": ORG })[key] });
  expect(await checkFailure()).toMatch(/^EnOS setting "enos:accessKey" is not configured: run `pulumi config set/);
});

test("a create whose token request timed out says the create was not sent, not that the app may exist", async () => {
  settings({ "enos:tokenTimeoutMs": "300" });
  emulator.faults.add({ route: { path: TOKEN_GET }, latencyMs: 1_200, count: 10 });
  emulator.clearRequestLog();
  const error: unknown = await dispatch("EnosApp", "create", [{ ...appInputs, orgId: ORG, adopt: false }]).catch(
    (e: unknown) => e,
  );
  const message = (error as Error).message;
  expect(message).toMatch(/^EnosApp create failed: the EnOS gateway at enos:apiUrl .* did not answer the token/);
  expect(message).not.toContain("may exist");
  expect(emulator.requestLog().filter((entry) => entry.path !== TOKEN_GET)).toEqual([]);
  expect(emulator.state().apps).toEqual([]);
});

test("a lookup with a wrong secretKey fails naming enos:secretKey", async () => {
  const config = settings({ "enos:secretKey": "not-the-secret" });
  const error: unknown = await getOrganizationRoles({ get: (key) => config[key] }).catch((e: unknown) => e);
  expect((error as Error).message).toMatch(
    /^getOrganizationRoles failed: EnOS refused the credentials: enos:secretKey is not the secret key/,
  );
});

test("a host name that does not resolve fails the check naming enos:apiUrl", async () => {
  settings({ "enos:apiUrl": "http://enos-gateway.invalid", "enos:maxRetries": "0" });
  expect(await checkFailure()).toMatch(
    /^cannot reach the EnOS gateway at enos:apiUrl http:\/\/enos-gateway\.invalid: the host name of enos-gateway\.invalid does not resolve \((ENOTFOUND|EAI_AGAIN)\)/,
  );
});

test("another refusal of the token service names both keys", async () => {
  settings();
  emulator.faults.add({ route: { path: TOKEN_GET }, code: 1004 });
  expect(await checkFailure()).toMatch(
    /^EnOS refused the credentials \(the token service answered 1004 .*\): check enos:accessKey and enos:secretKey/,
  );
});

test("a web server that is not the gateway fails the check naming enos:apiUrl", async () => {
  const page = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html/>"));
  await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(page.address() as net.AddressInfo).port}`;
    settings({ "enos:apiUrl": url });
    expect(await checkFailure()).toMatch(
      new RegExp(`^enos:apiUrl ${url} does not look like an EnOS API gateway: the token request got HTTP 200`),
    );
  } finally {
    page.closeAllConnections();
    await new Promise<void>((resolve) => page.close(() => resolve()));
  }
});

test("README's error table has a row for every message seen above", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Errors and what to do"));
  const rows = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map(([, head = ""]) => head);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const patterns = rows.map(
    (head) =>
      new RegExp(
        `^${head
          .split(/<[^>]+>/)
          .map(escape)
          .join(".+?")}`,
      ),
  );
  expect(seen.length).toBeGreaterThanOrEqual(9);
  const unmatched = seen.filter((message) => patterns.filter((p) => p.test(message)).length !== 1);
  expect(unmatched).toEqual([]);
});

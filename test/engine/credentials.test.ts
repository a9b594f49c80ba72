import * as net from "node:net";
import * as path from "node:path";
import { createEngineStack, expectOk, type EngineStack, type StackResult } from "./harness";

// A preview that checks the settings: with a wrong enos:secretKey, a gateway nothing listens on, or one that does not
// answer, `pulumi preview` of a program without lookups fails (the provider's first check makes one token request),
// printing one message that names the setting and the fix, without a stack trace; a failed read prints once too.
// One program, one stack; each case changes only the stack config. (A lookup's failure prints the same way: test/engine/lookups.test.ts. A program
// whose lookup throws takes the CLI 60-90 s to wind down here, so this file has no such case; the lookups' messages
// are tested in test/provider/sdk-lookups.test.ts and credentials.test.ts.)
jest.setTimeout(240_000);

const TOKEN_GET = "/apim-token-service/v2.0/token/get";

let stack: EngineStack;

beforeAll(async () => {
  stack = await createEngineStack({ project: path.join(__dirname, "programs", "credentials") });
});
afterAll(async () => {
  await stack?.close();
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A failed preview with `config`, what it printed and how long it took. */
async function failedPreview(config: Record<string, string>): Promise<{ output: string; ms: number }> {
  stack.config = config;
  const started = Date.now();
  const [preview] = (await stack.run({ op: "preview" })) as [StackResult];
  const ms = Date.now() - started;
  expect(preview.ok).toBe(false);
  return { output: `${preview.stdout ?? ""}${preview.stderr ?? ""}`, ms };
}

/**
 * `message` is the only error under "Diagnostics:" (the live progress above repeats each diagnostic), and nothing
 * printed is a stack frame, an inspected error object or a colour code.
 */
function expectPrintedOnce(output: string, message: string): void {
  expect(output).toContain("Diagnostics:");
  const diagnostics = output.slice(output.indexOf("Diagnostics:"));
  expect(diagnostics.split(message)).toHaveLength(2);
  expect(diagnostics.match(/\berror: /g)).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/EnosApiError|ResourceOperationError|LookupError|\[cause\]/);
  expect(output).not.toContain("\u001b[");
}

let baselineMs = 0;

test("with good settings the preview makes one token request and no other EnOS call", async () => {
  stack.emulator.clearRequestLog();
  const started = Date.now();
  const preview = expectOk(await stack.run({ op: "preview" }));
  baselineMs = Date.now() - started;
  expect(preview.changeSummary).toEqual({ create: 2 }); // the stack and the app
  expect(stack.emulator.requestLog().map((entry) => entry.path)).toEqual([TOKEN_GET]);
});

test("a wrong enos:secretKey fails the preview once, naming the setting and the command that sets it", async () => {
  const { output } = await failedPreview({ "enos:secretKey": "not-the-secret" });
  expectPrintedOnce(
    output,
    "EnOS refused the credentials: enos:secretKey is not the secret key of enos:accessKey (the token service " +
      "answered 1003 encryption is not valid). Set the service account's secret key: run `pulumi config set " +
      "--secret enos:secretKey <secret>` or set ENOS_SECRET_KEY",
  );
  expect(output).not.toContain("not-the-secret");
});

test("a gateway nothing listens on fails the preview naming enos:apiUrl, with a curl line to check it", async () => {
  const url = `http://127.0.0.1:${await closedPort()}`;
  const { output } = await failedPreview({ "enos:apiUrl": url });
  expectPrintedOnce(output, `cannot reach the EnOS gateway at enos:apiUrl ${url}: the connection was refused`);
  expect(output).toContain(`\`curl -sS -m 10 -X POST ${url}${TOKEN_GET}\``);
});

test("a gateway that does not answer fails the preview after the 15 s token deadline, not 123 s", async () => {
  // Longer than the deadline, not much longer: the emulator's pending delay would keep Jest alive after the file.
  stack.emulator.faults.add({ route: { path: TOKEN_GET }, latencyMs: 20_000, count: 10 });
  const { output, ms } = await failedPreview({});
  stack.emulator.faults.clear();
  expectPrintedOnce(
    output,
    `the EnOS gateway at enos:apiUrl ${stack.emulator.url} did not answer the token request within 15000 ms`,
  );
  expect(output).toContain("raise enos:tokenTimeoutMs");
  // Loosely: the 15 s deadline plus a preview's own overhead, far below the 4 x 30 s of per-request timeouts.
  expect(ms - baselineMs).toBeLessThan(25_000);
});

test("a read that fails in a refresh prints its error once, with the resource, and no stack trace", async () => {
  stack.config = {};
  expectOk(await stack.run({ op: "up" }));
  stack.emulator.faults.add({ route: { path: "/enos-app-service/v2.5/apps/list" }, status: 400, count: 100 });
  const [preview] = (await stack.run({ op: "preview", refresh: true })) as [StackResult];
  stack.emulator.faults.clear();
  expect(preview.ok).toBe(false);
  const output = `${preview.stdout ?? ""}${preview.stderr ?? ""}`;
  const message = "EnosApp read failed: GET /enos-app-service/v2.5/apps/list → HTTP 400";
  const diagnostics = output.slice(output.indexOf("Diagnostics:"));
  expect(diagnostics.split(message)).toHaveLength(2);
  // The dynamic-provider host's own stderr line for the failure, now a pointer instead of the message and stack.
  expect(diagnostics).toContain("pulumi-enos: EnosApp read failed; the error is shown with the resource");
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toContain("ResourceOperationError");
});

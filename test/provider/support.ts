import { startEmulator, type Emulator, type EmulatorOptions, type RequestLogEntry } from "../../emulator";
import { configure } from "../../provider/config";
import { resetClient } from "../../provider/context";
import { resetResumes } from "../../provider/resources/keyword/unconfirmed";
import { resetClaims } from "../../provider/resources/kit/claims";
import { resetReadSnapshots } from "../../provider/resources/kit/read-epoch";

export const ORG = "o-demo";
export const SERVICE_ACCOUNT = { accessKey: "demo-access-key", secretKey: "demo-secret-key" };

/**
 * An emulator on an ephemeral port with the provider configured against it, as `configure` would in the engine;
 * `extraConfig` adds stack settings (e.g. `{ "enos:grantWriteMode": "additive" }`).
 */
export async function startProviderEmulator(
  options: EmulatorOptions = {},
  extraConfig: Record<string, string> = {},
): Promise<Emulator> {
  const emulator = await startEmulator({ port: 0, ...options });
  resetClaims(); // each test file is a deployment of its own
  resetReadSnapshots();
  const config: Record<string, string> = {
    "enos:apiUrl": emulator.url,
    "enos:accessKey": SERVICE_ACCOUNT.accessKey,
    "enos:secretKey": SERVICE_ACCOUNT.secretKey,
    "enos:orgId": ORG,
    "enos:maxRetries": "2",
    ...extraConfig,
  };
  configure({ get: (key) => config[key] });
  return emulator;
}

export async function stopProviderEmulator(emulator: Emulator | undefined): Promise<void> {
  await resetClient();
  resetClaims();
  configure(undefined);
  await emulator?.close();
}

/**
 * Starts a new deployment as far as the provider process is concerned. The engine never creates and deletes one
 * resource in one deployment, so the provider takes a delete of an object created in the same process for the old
 * half of a rename or replacement (deployment-claims.ts); a test's delete after its create models a later run.
 */
export function nextDeployment(): void {
  resetClaims();
  resetResumes();
  resetReadSnapshots();
}

/**
 * A new provider process as far as the provider is concerned: a new deployment, and a new client, so nothing a
 * process learns (the OU's grant write behaviour, a token) carries over.
 */
export async function newProviderProcess(): Promise<void> {
  await resetClient();
  nextDeployment();
}

/** The EnOS calls in the log, token calls left out, as "METHOD /path" (query dropped): what tests count. */
export function apiCalls(log: RequestLogEntry[]): string[] {
  return log.filter((entry) => !entry.path.startsWith("/apim-token-service")).map((e) => `${e.method} ${e.path}`);
}

/** Runs `operation` and returns the EnOS calls it made (token calls excluded). */
export async function callsDuring<T>(
  emulator: Emulator,
  operation: () => Promise<T>,
): Promise<{ result: T; calls: string[] }> {
  emulator.clearRequestLog();
  const result = await operation();
  return { result, calls: apiCalls(emulator.requestLog()) };
}

import { createHash } from "node:crypto";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";

// A deliberately tiny, test-local EnOS caller written from the EnOS token and signing docs (not imported from
// provider/), so the emulator is checked against the documented wire format rather than against our own client.

export const DEMO = { accessKey: "demo-access-key", secretKey: "demo-secret-key", orgId: "o-demo" } as const;

export const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * apim-signature = sha256(token + sorted "key value" query pairs + raw body + timestamp + secret) (EnOS docs: Invoke
 * API with Access Token).
 */
export function signRequest(
  token: string,
  query: ReadonlyArray<readonly [string, string]>,
  rawBody: string,
  timestamp: string,
  secretKey: string,
): string {
  const sorted = [...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const params = sorted.map(([key, value]) => key + value).join("") + rawBody;
  return sha256(token + params + timestamp + secretKey);
}

/** Any envelope: services use code/msg|message, the token service and gateway use status/msg or message. */
export interface Envelope<D> {
  code?: number;
  status?: number;
  msg?: string;
  message?: string;
  subMsg?: string | null;
  requestId?: string;
  business?: string;
  data: D;
}

export interface Reply<D> {
  status: number;
  headers: Headers;
  body: Envelope<D>;
}

export interface CallOptions {
  query?: Record<string, string>;
  /** An object is JSON-encoded; a string is sent as is. */
  body?: unknown;
  /** Sign with apim-signature/apim-timestamp (default: the client's setting). */
  sign?: boolean;
  headers?: Record<string, string>;
}

export interface Credentials {
  accessKey: string;
  secretKey: string;
}

/** One service account talking to one emulator. */
export class TestClient {
  token: string | undefined;
  private lastStamp = 0;

  constructor(
    readonly url: string,
    readonly credentials: Credentials = DEMO,
    readonly clock: () => number = Date.now,
    readonly signByDefault = true,
  ) {}

  /** A fresh timestamp per token request, as the token service refuses a reused encryption (1001). */
  tokenBody(timestamp = this.nextStamp()): Record<string, unknown> {
    const { accessKey, secretKey } = this.credentials;
    return { appKey: accessKey, encryption: sha256(accessKey + String(timestamp) + secretKey), timestamp };
  }

  /** The clock's time, or 1 ms after the last stamp used (a manual clock may stand still). */
  private nextStamp(): number {
    this.lastStamp = Math.max(this.clock(), this.lastStamp + 1);
    return this.lastStamp;
  }

  async login(): Promise<string> {
    const reply = await this.raw<{ accessToken: string }>("POST", "/apim-token-service/v2.0/token/get", {
      body: this.tokenBody(),
    });
    if (reply.body.status !== 0) throw new Error(`token/get failed: ${JSON.stringify(reply.body)}`);
    this.token = reply.body.data.accessToken;
    return this.token;
  }

  /** An authenticated call (logs in first when needed). */
  async call<D = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Reply<D>> {
    const token = this.token ?? (await this.login());
    const rawBody = encode(options.body);
    const headers: Record<string, string> = { "apim-accesstoken": token };
    if (options.sign ?? this.signByDefault) {
      const timestamp = String(this.clock());
      const query = Object.entries(options.query ?? {});
      headers["apim-timestamp"] = timestamp;
      headers["apim-signature"] = signRequest(token, query, rawBody, timestamp, this.credentials.secretKey);
    }
    return this.raw<D>(method, path, { ...options, headers: { ...headers, ...options.headers } });
  }

  /** A call with exactly the given headers (no token unless passed). */
  async raw<D = unknown>(method: string, path: string, options: CallOptions = {}): Promise<Reply<D>> {
    const url = new URL(path, this.url);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.append(key, value);
    const rawBody = encode(options.body);
    const response = await fetch(url, {
      method,
      headers: { "content-type": "application/json;charset=UTF-8", ...options.headers },
      ...(rawBody === "" ? {} : { body: rawBody }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as Envelope<D> };
  }
}

function encode(body: unknown): string {
  if (body === undefined) return "";
  return typeof body === "string" ? body : JSON.stringify(body);
}

/** Calls the admin API. */
export async function admin<T = unknown>(
  url: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(`/__emulator/${path}`, url), {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** A manual clock starting at the real time (token timestamps must be within the skew window). */
export function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let current = Date.now();
  return { now: () => current, advance: (ms) => (current += ms) };
}

/** Starts an emulator on an ephemeral port with a logged-in demo client; close it in afterAll. */
export async function setup(options: EmulatorOptions = {}): Promise<{ emulator: Emulator; client: TestClient }> {
  const emulator = await startEmulator({ port: 0, ...options });
  const client = new TestClient(emulator.url, DEMO, options.clock ?? Date.now);
  return { emulator, client };
}

export const APPS = "/enos-app-service/v2.5/apps";
export const MENUS = "/enos-app-service/v2.5/menus";
export const PERMISSIONS = "/enos-app-service/v2.5/permissions";
export const PORTAL = "/app-portal-service";
export const DEVICES = "/connect-service/v2.1/devices";

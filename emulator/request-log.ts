import type { ServiceName } from "./envelopes";

/** One EnOS call as the emulator saw it (admin calls are not logged). Tests count calls with it. */
export interface RequestLogEntry {
  method: string;
  path: string;
  /** Decoded query parameters (first value of each key). */
  query: Record<string, string>;
  /** HTTP status sent; 0 when the connection was dropped (fault kinds "reset", "close" and "commit-then-drop"). */
  status: number;
  /** The envelope's code/status field (0 on success), or null for gateway bodies and dropped connections. */
  code: number | null;
  /** Whether apim-signature/apim-timestamp headers were sent. */
  signed: boolean;
  service: ServiceName | "unknown";
  /** ISO time from the emulator's clock. */
  at: string;
  /** The id of the fault that hit this request, if any. */
  fault?: string;
}

export function serviceOf(path: string): RequestLogEntry["service"] {
  if (path.startsWith("/apim-token-service/")) return "token";
  if (path.startsWith("/enos-app-service/")) return "app-service";
  if (path.startsWith("/app-portal-service/")) return "app-portal";
  if (path.startsWith("/connect-service/")) return "connect";
  return "unknown";
}

/** Reads the code of any envelope: `code` (services) or `status` (token service, gateway 1203/1003). */
export function envelopeCode(body: Readonly<Record<string, unknown>>): number | null {
  const code = body["code"] ?? body["status"];
  return typeof code === "number" ? code : null;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  list(): RequestLogEntry[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}

import { z } from "zod";

/**
 * Fault injection, in the spirit of LocalStack's Chaos API (docs.localstack.cloud): per route, an HTTP status or an
 * EnOS code, a count or a probability, latency, Retry-After, and four connection-level kinds.
 */
const faultSpecSchema = z
  .object({
    route: z.object({
      method: z.string().min(1).optional(),
      /** An exact EnOS path, or a prefix ending in "*". */
      path: z.string().min(1),
      /** The connect-service `action` query parameter. */
      action: z.string().min(1).optional(),
    }),
    /** Gateway-level HTTP error with a Kong-style body (429, 500, 503, ...). */
    status: z.number().int().min(400).max(599).optional(),
    /** An EnOS code in the envelope of the service that was called (HTTP 200), e.g. 31500 or 11404. */
    code: z.number().int().optional(),
    /** How many matching requests it hits (default 1; unlimited when only `probability` is given). */
    count: z.number().int().min(1).optional(),
    probability: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** Seconds for the Retry-After header (with a status). */
    retryAfter: z.number().int().min(0).optional(),
    /** reset: no response, a TCP RST (ECONNRESET); close: no response, a clean close; expire-token: expire the
     * caller's token first (1203); commit-then-drop: apply the change, then close the socket cleanly. */
    kind: z.enum(["reset", "close", "expire-token", "commit-then-drop"]).optional(),
  })
  .strict()
  .refine((spec) => [spec.status, spec.code, spec.kind].filter((v) => v !== undefined).length <= 1, {
    message: "give at most one of status, code, kind",
  })
  .refine((spec) => spec.status ?? spec.code ?? spec.kind ?? spec.latencyMs, {
    message: "give one of status, code, kind or latencyMs",
  })
  .refine((spec) => spec.retryAfter === undefined || spec.status !== undefined, {
    message: "retryAfter needs a status",
  });

export type FaultSpec = z.input<typeof faultSpecSchema>;

export interface Fault extends z.output<typeof faultSpecSchema> {
  id: string;
  /** Hits left; null = until removed. */
  remaining: number | null;
  /** How many requests it has hit so far. */
  hits: number;
}

function matchesPath(pattern: string, path: string): boolean {
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

export class FaultRegistry {
  private faults: Fault[] = [];
  private sequence = 0;

  constructor(private readonly random: () => number) {}

  /** Validates and registers a fault; throws an Error naming the problem. */
  add(spec: FaultSpec): Fault {
    const parsed = faultSpecSchema.safeParse(spec);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`invalid fault: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
    }
    const { count, probability } = parsed.data;
    this.sequence += 1;
    const fault = {
      ...parsed.data,
      id: `fault-${this.sequence}`,
      remaining: count ?? (probability === undefined ? 1 : null),
      hits: 0,
    };
    this.faults.push(fault);
    return structuredClone(fault);
  }

  list(): Fault[] {
    return structuredClone(this.faults);
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((fault) => fault.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault that matches and fires for this request (consuming one hit), if any. */
  take(method: string, path: string, action: string | undefined): Fault | undefined {
    for (const fault of this.faults) {
      const { route } = fault;
      if (route.method !== undefined && route.method.toUpperCase() !== method) continue;
      if (route.action !== undefined && route.action !== action) continue;
      if (!matchesPath(route.path, path)) continue;
      if (fault.probability !== undefined && this.random() >= fault.probability) continue;
      fault.hits += 1;
      if (fault.remaining !== null) fault.remaining -= 1;
      if (fault.remaining === 0) this.faults = this.faults.filter((other) => other !== fault);
      return structuredClone(fault);
    }
    return undefined;
  }
}

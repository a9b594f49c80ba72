/**
 * Decodes a response into the service's `data`, per service family (each service's EnOS docs show its own): the
 * envelopes differ in the code key (`status` vs `code`) and the message key (`msg` vs `message`). A non-zero code in an
 * HTTP 200 is an `EnosApiError`, and so is the gateway auth plugin's `{status, msg}` on a business route; an HTTP >=
 * 300 is one too (gateway `{message}` bodies included); a 2xx body that is not JSON or not the envelope is a
 * `ResponseValidationError`.
 */
import { z } from "zod";
import { numericCode } from "./error-category";
import { EnosApiError, ResponseValidationError, type RequestSite, type ValidationIssue } from "./errors";
import type { HttpResponse } from "./http";
import type { SecretSet } from "./redact";
import { parseRetryAfter } from "./retry";

/** The envelope a path answers with. */
export type ServiceFamily = "token" | "app-service" | "app-portal" | "connect";

const code = z.union([z.number(), z.string()]);
const text = z.string().nullish();

interface Envelope {
  code: number | string;
  msg: string;
  subMsg: string | undefined;
  requestId: string | undefined;
  data: unknown;
}

const envelopes: Record<ServiceFamily, z.ZodType<Envelope, unknown>> = {
  token: z
    .looseObject({ status: code, msg: text, data: z.unknown() })
    .transform((e) => ({ code: e.status, msg: e.msg ?? "", subMsg: undefined, requestId: undefined, data: e.data })),
  "app-service": z.looseObject({ code, msg: text, subMsg: text, data: z.unknown() }).transform((e) => ({
    code: e.code,
    msg: e.msg ?? "",
    subMsg: e.subMsg ?? undefined,
    requestId: undefined,
    data: e.data,
  })),
  "app-portal": z
    .looseObject({ code, message: text, data: z.unknown() })
    .transform((e) => ({ code: e.code, msg: e.message ?? "", subMsg: undefined, requestId: undefined, data: e.data })),
  connect: z.looseObject({ code, msg: text, requestId: text, data: z.unknown() }).transform((e) => ({
    code: e.code,
    msg: e.msg ?? "",
    subMsg: undefined,
    requestId: e.requestId ?? undefined,
    data: e.data,
  })),
};

/** What decoding needs besides the response: where it came from, and which secrets to scrub from messages. */
export interface DecodeContext {
  site: RequestSite;
  secrets: SecretSet;
  now: number;
}

/** Zod issues as path + message only: zod never includes the offending input unless asked, and we never ask. */
export function toIssues(error: z.ZodError, prefix = ""): ValidationIssue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: i.message,
  }));
}

function parseJson(textBody: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(textBody) };
  } catch {
    return { ok: false };
  }
}

function field(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

function asText(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A code as sent, with numeric strings ("31404") as numbers so every path categorizes and compares alike. */
function normaliseCode(value: unknown): number | string | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return numericCode(value) ?? value;
}

/** Kong's own error body (EnOS docs: API Getting Started, gateway exceptions): `{"message": …}` and no EnOS code. */
function isGatewayBody(body: unknown): boolean {
  return (
    typeof field(body, "message") === "string" &&
    field(body, "code") === undefined &&
    field(body, "status") === undefined
  );
}

/**
 * The non-zero `status` of a token-service-style body (`{status: 1203, msg}`, sent by the gateway's auth plugin)
 * answering a business call, which has no `code`. Undefined for anything else.
 */
function authPluginCode(body: unknown): number | undefined {
  if (field(body, "code") !== undefined) return undefined;
  const status = normaliseCode(field(body, "status"));
  return typeof status === "number" && status !== 0 ? status : undefined;
}

/** An error read loosely from any body: gateway `{message}`, auth-plugin `{status, msg}`, or a service envelope. */
function errorFromBody(res: HttpResponse, body: unknown, ctx: DecodeContext, family: ServiceFamily): EnosApiError {
  const msg = asText(field(body, "message")) ?? asText(field(body, "msg")) ?? `HTTP ${res.status}`;
  const subMsg = asText(field(body, "subMsg"));
  return new EnosApiError({
    ...ctx.site,
    status: res.status,
    code: normaliseCode(field(body, "code") ?? field(body, "status")),
    msg: ctx.secrets.scrub(msg),
    subMsg: subMsg === undefined ? undefined : ctx.secrets.scrub(subMsg),
    requestId: asText(field(body, "requestId")),
    retryAfterMs: parseRetryAfter(res.headers["retry-after"], ctx.now),
    fromGateway: isGatewayBody(body),
    tokenService: family === "token",
  });
}

function isSuccessCode(value: number | string): boolean {
  return value === 0 || value === "0";
}

/** Returns the envelope's `data`, or throws `EnosApiError` / `ResponseValidationError`. */
export function decodeEnvelope(family: ServiceFamily, res: HttpResponse, ctx: DecodeContext): unknown {
  const json = parseJson(res.text);
  const ok = res.status >= 200 && res.status < 300;
  if (!ok) throw errorFromBody(res, json.ok ? json.value : undefined, ctx, family);
  if (!json.ok) {
    throw new ResponseValidationError(ctx.site, res.status, [{ path: "", message: "body is not valid JSON" }]);
  }
  // Without this, a 1203 in HTTP 200 would fail the business envelope's schema and never trigger the re-auth.
  if (family !== "token" && authPluginCode(json.value) !== undefined) throw errorFromBody(res, json.value, ctx, family);
  const parsed = envelopes[family].safeParse(json.value);
  if (!parsed.success) throw new ResponseValidationError(ctx.site, res.status, toIssues(parsed.error));
  const envelope = parsed.data;
  if (isSuccessCode(envelope.code)) return envelope.data;
  throw new EnosApiError({
    ...ctx.site,
    status: res.status,
    code: normaliseCode(envelope.code),
    msg: ctx.secrets.scrub(envelope.msg),
    subMsg: envelope.subMsg === undefined ? undefined : ctx.secrets.scrub(envelope.subMsg),
    requestId: envelope.requestId,
    tokenService: family === "token",
  });
}

/** Validates `data` with a call's schema; a mismatch is a `ResponseValidationError` (paths start at "data"). */
export function decodeData<T>(schema: z.ZodType<T, unknown>, data: unknown, site: RequestSite, status: number): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ResponseValidationError(site, status, toIssues(parsed.error, "data"));
  return parsed.data;
}

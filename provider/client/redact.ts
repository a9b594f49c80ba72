/**
 * Keeps secrets out of logs and error messages, two ways: by field name (any JSON key that names a secret, token,
 * signature, encryption, password, session key or credential, and the token request's `appKey`: the service
 * account's accessKey, half of its credentials (Get Access Token)) and by value (every secret the client knows,
 * wherever it appears in text).
 */
import { maskSecretFields } from "./raw-json-mask";

const SECRET_KEY_NAME = /secret|token|signature|encryption|password|session[-_]?key|credential|^app[-_]?key$/i;
const MASK = "[REDACTED]";
const MAX_REMEMBERED = 16;

const isSecretName = (key: string): boolean => SECRET_KEY_NAME.test(key);

/** The secret values this client has seen: its secretKey and the access tokens it obtained. */
export class SecretSet {
  private readonly values: string[] = [];

  constructor(...initial: string[]) {
    initial.forEach((v) => this.add(v));
  }

  add(value: string): void {
    // Very short values would mask innocent text; real keys and tokens are long.
    if (value.length < 6 || this.values.includes(value)) return;
    this.values.push(value);
    if (this.values.length > MAX_REMEMBERED) this.values.splice(1, 1); // keep the secretKey, drop the oldest token
  }

  /** `text` with every known secret value replaced by a mask. */
  scrub(text: string): string {
    return this.values.reduce((acc, v) => acc.split(v).join(MASK), text);
  }
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretName(key) && inner !== null ? MASK : redactValue(inner);
  }
  return out;
}

/** A JSON body for logging: secret-named fields masked, known secret values scrubbed, long bodies truncated. */
export function redactBody(raw: string, secrets: SecretSet, maxLength = 4000): string {
  let text: string;
  try {
    text = JSON.stringify(redactValue(JSON.parse(raw)));
  } catch {
    // A body cut short still holds whole secrets (a new app's secretKey) that no SecretSet knows: mask by key name.
    text = maskSecretFields(raw, isSecretName, MASK);
  }
  text = secrets.scrub(text);
  return text.length > maxLength ? `${text.slice(0, maxLength)}… (${text.length} chars)` : text;
}

/** A URL query for logging: values of secret-named parameters masked. */
export function redactQuery(search: string): string {
  if (!search) return "";
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) {
    if (isSecretName(key)) params.set(key, MASK);
  }
  return `?${params.toString()}`;
}

/**
 * How an error of ours reaches the CLI once: the dynamic-provider host of `@pulumi/pulumi` (cmd/dynamic-provider)
 * logs an error thrown from `diff`, `read` or `delete` on stderr as `${error}: ${error.stack}` and returns its
 * message to the engine, which prints it with the resource; the stderr copy is relayed too (README "Errors and what
 * to do"). `check` failures are returned, not thrown (dispatch.ts), and create/update errors are only returned.
 */
import { findInCauses } from "./cause-chain";

/** JavaScript's own error types: a bug of ours, whose stack trace is worth printing. */
const BUG_TYPES: readonly (new () => Error)[] = [TypeError, ReferenceError, RangeError, SyntaxError];

function isBug(error: unknown): boolean {
  return findInCauses(error, (e) => BUG_TYPES.some((type) => e instanceof type)) !== undefined;
}

/**
 * The dynamic-provider host logs an error thrown from diff, read or delete as `${error}: ${error.stack}` on stderr
 * before returning its message to the engine (`@pulumi/pulumi` cmd/dynamic-provider), so the CLI shows the message
 * twice more, with a stack trace, beside the resource's own error. For failures that are not bugs, that line becomes
 * one short pointer; the message the engine reports is unchanged. ENOS_DEBUG=1 keeps the stack trace.
 */
export function quietForHost(kind: string, method: string, error: unknown): unknown {
  if (!(error instanceof Error) || isBug(error) || process.env["ENOS_DEBUG"] === "1") return error;
  const pointer = `${kind} ${method} failed; the error is shown with the resource (ENOS_DEBUG=1 adds its stack trace)`;
  Object.defineProperty(error, "toString", { value: () => "pulumi-enos", configurable: true });
  Object.defineProperty(error, "stack", { value: pointer, configurable: true, writable: true });
  return error;
}

/** The methods whose thrown errors the host logs with their stack (create and update only return the message). */
export const LOGGED_BY_HOST: ReadonlySet<string> = new Set(["diff", "read", "delete"]);

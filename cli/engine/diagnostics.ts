/**
 * Engine diagnostics, reduced to what a reviewer needs: errors and warnings, first line only. The provider process
 * writes its warnings and error dumps to stderr (severity "info#err"); only the warnings are kept, the dumps repeat
 * the error diagnostic with a stack trace. The client's `ENOS_DEBUG` lines are counted as EnOS calls, never shown.
 */
import type { Diagnostic } from "./capture";

/** One summary line per exchange: "[enos] GET /path -> 200 code=0 (12 ms)" (provider/client/debug.ts). */
const ENOS_CALL = /^\[enos\] (GET|POST|PUT|DELETE|PATCH) /;

export function countEnosCall(message: string): boolean {
  return ENOS_CALL.test(message);
}

function firstLine(message: string): string {
  return message.replace(/^\s+/, "").split("\n")[0]?.trim() ?? "";
}

/** The diagnostic to show, or undefined for debug output, program output, stack traces and EnOS debug lines. */
export function readDiagnostic(severity: string, message: string, urn: string | undefined): Diagnostic | undefined {
  if (message.startsWith("[enos]")) return undefined;
  const line = firstLine(message).replace(/^(error|warning): /, "");
  if (line === "") return undefined;
  const at = urn ? { urn } : {};
  if (severity === "error") return { severity: "error", message: line, ...at };
  if (severity === "warning") return { severity: "warning", message: line, ...at };
  if (severity === "info#err" && /^warning: /.test(firstLine(message)))
    return { severity: "warning", message: line, ...at };
  return undefined;
}

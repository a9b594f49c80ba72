/**
 * The one error the command line prints: what is wrong, then the fix, on one line, exit code 1. Anything else that
 * escapes is a bug and is printed the same way, without a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    /** What to do about it, e.g. "pass --stack NAME". */
    readonly fix?: string,
  ) {
    super(message);
    this.name = "CliError";
  }

  /** "problem: fix" as printed. */
  line(): string {
    return this.fix ? `${this.message}: ${this.fix}` : this.message;
  }
}

/** An error's message; duck-typed, since errors thrown by Node itself may come from another realm (e.g. in Jest). */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(error);
}

/** The first line of any error's message. */
export function oneLine(error: unknown): string {
  if (error instanceof CliError) return error.line();
  const message = messageOf(error);
  return (
    message
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? "unknown error"
  );
}

/**
 * Argument parsing with Node's own `util.parseArgs` (strict: an unknown flag or a stray argument is an error), and
 * the checks every command shares (formats, numbers, lists), each failing with a one-line error naming the flag.
 */
import { CliError, messageOf } from "./errors";

export const FORMATS = ["markdown", "json", "text"] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Runs `parse` (a strict `util.parseArgs` of the command's argv) and turns its errors into one line whose fix is
 * that command's --help.
 */
export function withUsageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = messageOf(error).split(". ")[0] ?? "";
    throw new CliError(message.replace(/\.$/, ""), `run \`pulumi-enos ${command} --help\` for the options`);
  }
}

export function formatOf(value: string | undefined, command: string): Format {
  const format = value ?? "markdown";
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new CliError(
    `--format must be one of ${FORMATS.join(", ")}; got '${format}'`,
    `run \`pulumi-enos ${command} --help\``,
  );
}

export function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (Number.isInteger(number) && number >= 1) return number;
  throw new CliError(`${flag} must be a whole number >= 1; got '${value}'`, `pass e.g. ${flag} ${fallback}`);
}

/** Comma-separated and repeatable: `--privileged-roles a,b --privileged-roles c`. */
export function listOf(values: readonly string[] | undefined): string[] | undefined {
  const items = (values ?? [])
    .flatMap((value) => value.split(","))
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return items.length > 0 ? items : undefined;
}

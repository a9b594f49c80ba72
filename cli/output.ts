/**
 * Writes the rendered report to --output or stdout. Only a complete report is written: a command that fails before
 * it has one writes nothing.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Format } from "./args";
import { CliError } from "./errors";
import type { CliIo } from "./io";
import { renderMarkdown } from "./render/markdown";
import { renderText } from "./render/text";
import type { Report } from "./report/schema";

export function render(report: Report, format: Format, colour: boolean): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "text") return renderText(report, colour);
  return renderMarkdown(report);
}

export function writeReport(report: Report, format: Format, output: string | undefined, io: CliIo): void {
  const colour = output === undefined && io.stdout.isTTY === true && !io.env["NO_COLOR"];
  const text = render(report, format, colour);
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  const file = path.resolve(io.cwd, output);
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot write --output ${output}: ${reason}`, "pass a path in a writable directory");
  }
}

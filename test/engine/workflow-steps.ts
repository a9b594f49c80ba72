import * as fs from "node:fs";

/**
 * The `run:` script of the step with `id: <id>` in a workflow file, exactly as written there, so a test runs the
 * very commands the example workflow runs. (A line-based read of our own files: the block scalar after `run: |`.)
 */
export function stepScript(workflowFile: string, id: string): string {
  const lines = fs.readFileSync(workflowFile, "utf8").split("\n");
  const at = lines.findIndex((line) => line.trim() === `id: ${id}`);
  if (at < 0) throw new Error(`no step with id ${id} in ${workflowFile}`);
  const run = lines.findIndex((line, index) => index > at && /^\s+run: \|\s*$/.test(line));
  if (run < 0) throw new Error(`step ${id} of ${workflowFile} has no run: | block`);
  const indent = (lines[run + 1] ?? "").search(/\S/);
  const body: string[] = [];
  for (const line of lines.slice(run + 1)) {
    if (line.trim() !== "" && line.search(/\S/) < indent) break;
    body.push(line.slice(indent));
  }
  return `${body.join("\n").trimEnd()}\n`;
}

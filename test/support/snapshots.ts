/**
 * Reports people read are checked against snapshot files kept in the repo as plain Markdown, reviewed like code.
 * UPDATE_SNAPSHOTS=1 rewrites them (then read the diff before committing).
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const SNAPSHOT_DIR = path.join(__dirname, "..", "snapshots");

export function expectSnapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOT_DIR, name);
  if (process.env["UPDATE_SNAPSHOTS"] === "1" || !fs.existsSync(file)) {
    if (process.env["CI"] === "true" && !fs.existsSync(file)) throw new Error(`snapshot ${name} is missing`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(fs.readFileSync(file, "utf8"));
}

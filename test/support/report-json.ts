/**
 * Every JSON report a test produces is checked against the published schema file (cli/report.schema.json) with an
 * independent JSON Schema validator, so the documented schema and the output cannot drift apart.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";

export const SCHEMA_FILE = path.join(__dirname, "..", "..", "cli", "report.schema.json");

let validate: ReturnType<Ajv2020["compile"]> | undefined;

/** Parses `text` as a report and fails the test, naming the first schema violation, unless it is valid. */
export function expectValidReport(text: string): Record<string, unknown> {
  validate ??= new Ajv2020({ allErrors: true, strict: false }).compile(
    JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")) as object,
  );
  const report = JSON.parse(text) as Record<string, unknown>;
  if (!validate(report)) {
    const first = validate.errors?.[0];
    throw new Error(`report does not match ${SCHEMA_FILE}: ${first?.instancePath ?? ""} ${first?.message ?? ""}`);
  }
  return report;
}

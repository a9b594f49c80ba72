import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { reportSchema } from "../../../cli/report/schema";
import { SCHEMA_FILE } from "../../support/report-json";

// cli/report.schema.json is the documented JSON format; it is generated from the zod model so it cannot go stale.
test("cli/report.schema.json is the schema generated from the report model (UPDATE_SNAPSHOTS=1 regenerates it)", () => {
  const generated = z.toJSONSchema(reportSchema);
  if (process.env["UPDATE_SNAPSHOTS"] === "1") {
    fs.writeFileSync(SCHEMA_FILE, JSON.stringify(generated));
    const prettier = path.join(__dirname, "..", "..", "..", "node_modules", "prettier", "bin", "prettier.cjs");
    execFileSync(process.execPath, [prettier, "--write", SCHEMA_FILE], { stdio: "ignore" });
  }
  expect(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"))).toEqual(generated);
});

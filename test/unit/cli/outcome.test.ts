import { credentialsFrom } from "../../../cli/names/credentials";
import { driftOutcome, exitCodeOf, reviewOutcome } from "../../../cli/report/headline";
import { emptyStackReport } from "../../../cli/review/analyze-preview";
import { writeReport } from "../../../cli/output";
import type { Report, StackReport } from "../../../cli/report/schema";

const ref = { type: "T", name: "n", urn: "u" };
const base = () => emptyStackReport("p", "s");
const withUserChange = (): StackReport => ({
  ...base(),
  users: [
    {
      user: { id: "u" },
      orgId: "o",
      grants: [],
      notes: [],
      changes: [
        { kind: "role", action: "gain", item: { id: "r" }, resource: ref, cause: "program", effect: "applied" },
      ],
    },
  ],
});
const withAppCreate = (): StackReport => ({
  ...base(),
  apps: [{ action: "create", fields: [], items: [], cause: "program", effect: "applied" }],
});

test.each([
  ["no change", [base()], "no-change", 0, 0],
  ["a grant", [withUserChange()], "permission-change", 2, 0],
  ["only an app created", [withAppCreate()], "other-change", 3, 0],
  ["a failed preview", [{ ...withUserChange(), status: "failed" as const }], "error", 1, 1],
  [
    "a mandatory policy violation",
    [{ ...base(), policy: [{ policyPack: "p", policy: "x", enforcement: "mandatory", message: "m" }] }],
    "error",
    1,
    1,
  ],
])("review: %s -> %s, exit %i (%i without --detailed-exitcode)", (_what, reports, outcome, detailed, plain) => {
  const result = reviewOutcome(reports);
  expect(result).toBe(outcome);
  expect(exitCodeOf(result, true)).toBe(detailed);
  expect(exitCodeOf(result, false)).toBe(plain);
});

test("drift: not-drift findings (extra grants beside additive resources) do not count; a failed stack is an error", () => {
  const reported = withUserChange();
  reported.users[0]!.changes[0] = { ...reported.users[0]!.changes[0]!, cause: "drift", effect: "reported" };
  expect(driftOutcome([reported])).toBe("no-drift");
  const drifted = withUserChange();
  drifted.users[0]!.changes[0]!.cause = "drift";
  expect(driftOutcome([drifted])).toBe("drift");
  expect(exitCodeOf(driftOutcome([drifted]), true)).toBe(2);
  expect(driftOutcome([drifted, { ...base(), status: "failed" }])).toBe("error");
});

test("credentials: the stack config wins over ENOS_* variables; a missing one is named", () => {
  const config = { "enos:apiUrl": "https://gw", "enos:accessKey": "ak", "enos:secretKey": "sk" };
  const env = { ENOS_API_URL: "https://other", ENOS_ORG_ID: "o-env", ENOS_TIMEOUT_MS: "1000" };
  expect(credentialsFrom(config, env)).toEqual({
    options: { apiUrl: "https://gw", accessKey: "ak", secretKey: "sk", timeoutMs: 1000 },
    orgId: "o-env",
  });
  expect(credentialsFrom({}, { ENOS_API_URL: "https://gw", ENOS_ACCESS_KEY: "ak" })).toEqual({
    missing: "enos:secretKey (or ENOS_SECRET_KEY)",
  });
});

test("text output is coloured only on a TTY and without NO_COLOR", () => {
  const report: Report = {
    schema: "pulumi-enos-report",
    version: 1,
    command: "review",
    headline: "No changes",
    outcome: "no-change",
    risks: [],
    stacks: [base()],
    notes: [],
    stats: { lookupCalls: 0 },
  };
  const written = (isTTY: boolean, env: Record<string, string>) => {
    let text = "";
    writeReport(report, "text", undefined, {
      cwd: ".",
      env,
      stdout: { isTTY, write: (t: string) => (text += t) },
      stderr: { write: () => 0 },
      readStdin: async () => "",
    });
    return /\u001b\[/.test(text);
  };
  expect(written(true, {})).toBe(true);
  expect(written(false, {})).toBe(false);
  expect(written(true, { NO_COLOR: "1" })).toBe(false);
});

import { renderMarkdown } from "../../../cli/render/markdown";
import { GITHUB_BODY_LIMIT } from "../../../cli/render/budget";
import { renderText } from "../../../cli/render/text";
import { render } from "../../../cli/output";
import type { GrantChange, Report, UserSection } from "../../../cli/report/schema";
import { analyzePreview } from "../../../cli/review/analyze-preview";
import { expectValidReport } from "../../support/report-json";

function report(users: UserSection[], risks: Report["risks"] = []): Report {
  const stack = analyzePreview(
    { steps: [], refreshed: [], diagnostics: [], policy: [], enosCalls: 0, failed: false },
    "proj",
    "dev",
  );
  stack.users = users;
  return {
    schema: "pulumi-enos-report",
    version: 1,
    command: "review",
    headline: `${users.length} users gain access`,
    outcome: "permission-change",
    risks,
    stacks: [stack],
    notes: [],
    stats: { lookupCalls: 3 },
  };
}

const ref = {
  type: "RoleAssignment",
  name: "r",
  urn: "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/enos:RoleAssignment::r",
};

function user(n: number, name = `User ${n}`): UserSection {
  const change: GrantChange = {
    kind: "role",
    action: "gain",
    item: { id: `r-${n}`, name: `Role ${n}` },
    resource: ref,
    cause: "program",
    effect: "applied",
  };
  return { user: { id: `u-${n}`, name }, orgId: "o-demo", grants: [], changes: [change], notes: [] };
}

describe("Markdown size budget", () => {
  test("a huge report stays under GitHub's comment limit, keeps headline and risks, and says how many were cut", () => {
    const many = Array.from({ length: 5000 }, (_, n) => user(n, `A rather long display name for user number ${n}`));
    const markdown = renderMarkdown(
      report(many, [{ code: "bulk-revocation", message: "bulk revocation: 5000 grants" }]),
    );
    expect(markdown.length).toBeLessThan(GITHUB_BODY_LIMIT);
    expect(markdown).toContain("**5000 users gain access**");
    expect(markdown).toContain("**bulk-revocation**: bulk revocation: 5000 grants");
    expect(markdown).toMatch(/_… and \d+ users more: run with `--format json` for all of them._/);
    expect(markdown).toContain("<details>"); // a long section is collapsed
    expect(markdown.trimEnd().endsWith("</sub>")).toBe(true); // the footer survives too
  });

  test("a small report is not cut and not collapsed", () => {
    const markdown = renderMarkdown(report([user(1), user(2)]));
    expect(markdown).not.toContain("more:");
    expect(markdown).not.toContain("<details>");
    expect(markdown.split("\n")[0]).toBe("<!-- pulumi-enos:review proj/dev -->");
  });
});

test("names from EnOS cannot inject markup, break a table cell or end a code span", () => {
  const markdown = renderMarkdown(report([user(1, "<img src=x onerror=alert(1)> | **bold** `tick`")]));
  expect(markdown).toContain("\\<img src=x onerror=alert(1)\\> \\| \\*\\*bold\\*\\* \\`tick\\`");
  expect(markdown).not.toMatch(/(?<!\\)<img/);
});

test("text: colour only on request (a TTY without NO_COLOR), the same facts either way", () => {
  const plain = renderText(report([user(1)]), false);
  const coloured = renderText(report([user(1)]), true);
  expect(plain).not.toMatch(/\u001b\[/);
  expect(coloured).toMatch(/\u001b\[/);
  expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(plain);
  expect(plain).toContain("+ gains role Role 1 r-1");
});

test("json is the report itself and matches the published schema", () => {
  const json = render(report([user(1)]), "json", false);
  expect(expectValidReport(json)).toEqual(JSON.parse(JSON.stringify(report([user(1)]))));
});

test("policy violations of the live preview get their own section and a risk flag", () => {
  const withPolicy = report([]);
  const urn = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/enos:RoleAssignment::alice";
  withPolicy.stacks[0]!.policy = [
    {
      policyPack: "enos-guardrails",
      policy: "no-admin-grants",
      enforcement: "mandatory",
      message: "Organization Administrator may not be granted by code",
      resource: { type: "RoleAssignment", name: "alice", urn },
    },
  ];
  withPolicy.risks = [{ code: "policy", message: "1 policy violation" }];
  const markdown = renderMarkdown(withPolicy);
  expect(markdown).toContain("### Policy violations");
  expect(markdown).toContain(
    "- enos-guardrails/no-admin-grants (mandatory) on alice: Organization Administrator may not be granted by code",
  );
  expect(markdown).toContain("> - **policy**: 1 policy violation");
});

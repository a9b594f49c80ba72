import * as fs from "node:fs";
import * as path from "node:path";
import { renderMarkdown } from "../../cli/render/markdown";
import type { Report } from "../../cli/report/schema";
import { expectValidReport } from "../support/report-json";
import { expectSnapshot } from "../support/snapshots";
import {
  createGitopsProject,
  DEMO_ACCOUNT,
  idAliases,
  OTHER_ACCOUNT,
  withAliases,
  type GitopsProject,
} from "./cli-support";
import { stepScript } from "./workflow-steps";

// `pulumi-enos drift` over two stacks of the gitops example, one per OU (o-demo, o-other), against one emulator
// whose console changes (out-of-band mutations) are the drift. Pulumi operations: the two ups, then three drift
// runs of refresh previews (no drift; the drift of every kind, by the workflow's own step; a run with an unknown
// stack beside a good one).
jest.setTimeout(300_000);

const WORKFLOW = path.join(__dirname, "..", "..", "examples", "drift", "workflows", "enos-drift.yml");
/** The call figure depends on how the provider's batch loader grouped the reads: kept out of the snapshots. */
const normaliseCalls = (markdown: string) =>
  markdown.replace(
    /\d+ EnOS API calls \(refresh \d+, names and users \d+\)/,
    "N EnOS API calls (refresh N, names and users N)",
  );

let project: GitopsProject;
let aliases: Map<string, string>;

beforeAll(async () => {
  project = await createGitopsProject({ demo: DEMO_ACCOUNT, other: OTHER_ACCOUNT });
  await Promise.all(["demo", "other"].map((name) => project.stack(name).up({ color: "never" })));
  aliases = idAliases(project.emulator);
});
afterAll(async () => {
  await project?.close();
});

test("no drift in two stacks: exit 0 with --detailed-exitcode", async () => {
  const run = await project.cli(["drift", "--stack", "demo", "--stack", "other", "--detailed-exitcode"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expectSnapshot("drift-none.md", normaliseCalls(run.stdout));
  expect(run.stdout).toContain("**No drift in 2 stacks**");
});

function consoleChanges(): void {
  const { emulator } = project;
  const state = emulator.state();
  const menu = state.menus.find((m) => m.keyword === "dashboard")!;
  const field = state.apps.find((a) => a.keyword === "field-service")!;
  emulator.mutate({ type: "grant-role", userId: "u-alice", roleId: "r-auditor" }); // exhaustive grant: drift
  emulator.mutate({ type: "grant-role", userId: "u-bob", roleId: "r-auditor" }); // additive grant: not drift
  emulator.mutate({ type: "grant-role", userId: "u-dave", roleId: "r-org-admin" }); // no stack manages dave here
  emulator.mutate({ type: "rename-menu", menuId: menu.id, name: "Console Dashboard" });
  emulator.mutate({ type: "delete-app", appId: field.id });
  emulator.mutate({ type: "enable-device", assetId: "a-turbine-7" });
  emulator.mutate({ type: "remove-user", userId: "u-carol", orgId: "o-demo" });
}

const IGNORES = {
  version: 1,
  ignore: [
    { user: "u-alice", id: "g-eng", reason: "engineering is granted by the HR sync", until: "2099-12-31" },
    { resource: "a-turbine-7", reason: "maintenance window", until: "2000-01-31" },
  ],
};

test("console changes of every kind, by the workflow's own step: one report over both stacks, state untouched", async () => {
  consoleChanges();
  fs.writeFileSync(path.join(project.projectDir, ".enos-drift-ignore.json"), JSON.stringify(IGNORES));
  const before = project.backendFiles();
  project.emulator.clearRequestLog();
  const output = path.join(project.dir, "github-output");
  const run = await project.shell(stepScript(WORKFLOW, "drift"), {
    PULUMI_STACKS: "demo other",
    GITHUB_OUTPUT: output,
  });
  expect(run.stderr).toBe("");
  expect(fs.readFileSync(output, "utf8")).toBe("exitcode=2\n");
  expect(project.backendFiles()).toEqual(before); // a refresh preview writes nothing, not even history

  const markdown = fs.readFileSync(path.join(project.projectDir, "drift.md"), "utf8");
  expectSnapshot("drift-console-changes.md", withAliases(normaliseCalls(markdown), aliases));
  expect(markdown.split("\n")[0]).toBe("<!-- pulumi-enos:drift enos-gitops/demo enos-gitops/other -->");
  // exhaustive: drift with both ways out; additive: reported as not drift
  expect(markdown).toContain(
    'was granted role **Auditor** `r-auditor` outside the stack: RoleAssignment "u-alice-roles" is exhaustive',
  );
  expect(markdown).toContain("  - revert: run `pulumi up`");
  expect(markdown).toContain(
    '  - accept: `roleIds` of RoleAssignment "u-alice-roles" gains `"r-auditor" /* Auditor */`',
  );
  expect(markdown).toMatch(
    /\*\*Bob Martin\*\* `u-bob` was granted role \*\*Auditor\*\* `r-auditor` outside the stack: not drift/,
  );
  expect(markdown).toMatch(
    /menu \*\*Console Dashboard\*\* `menu-\d+` \(AppMenu "energy-dashboard"\): renamed: name: "Dashboard" → "Console Dashboard"/,
  );
  expect(markdown).toMatch(/app \*\*Field Service\*\* \(EnosApp "field", id `app-\d+`\): deleted outside the stack/);
  expect(markdown).toContain('device `a-turbine-7` (DeviceEnablement "a-turbine-7"): disabled → **enabled**');
  // the roster no longer lists carol, so her name is not known any more
  expect(markdown).toContain(
    "- `u-carol` left OU o-demo (removed outside the stack): the refresh drops RoleAssignment",
  );
  expect(markdown).toContain("Coverage: 2/3 users holding a role are managed by these stacks (67 %)");
  expect(markdown).toMatch(
    /privileged-drift\*\*: 1 privileged role grant in OU o-demo that no stack manages \(Dave Okafor \(u-dave\)\)/,
  );
  expect(markdown).toContain("engineering is granted by the HR sync (until 2099-12-31)");
  expect(markdown).toContain("maintenance window (expired 2000-01-31)");

  // The report states the run's EnOS calls: exactly what the emulator saw.
  const stated = /(\d+) EnOS API calls \(refresh (\d+), names and users (\d+)\)/.exec(markdown);
  expect(Number(stated?.[1])).toBe(project.emulator.requestLog().length);
});

test("an unknown stack beside a good one: that stack fails with a one-line error naming it, the other is still reported", async () => {
  const run = await project.cli([
    "drift",
    "--stack",
    "demo",
    "--stack",
    "nope",
    "--format",
    "json",
    "--detailed-exitcode",
  ]);
  expect(run.code).toBe(1);
  const report = expectValidReport(run.stdout) as unknown as Report;
  expect(report.outcome).toBe("error");
  const [demo, nope] = report.stacks;
  expect(demo?.status).toBe("ok");
  expect(demo?.users.map((u) => u.user.id)).toEqual(["u-alice", "u-bob", "u-carol"]);
  expect(nope).toMatchObject({ stack: "nope", status: "failed" });
  expect(nope?.error).toMatch(/^stack 'nope' not found in project enos-gitops: pass --stack/);
  expect(run.stderr).toBe(`pulumi-enos drift: ${nope?.error}\n`);
  expectSnapshot("drift-unknown-stack.md", withAliases(normaliseCalls(renderMarkdown(report)), aliases));
});

test("EnOS unreachable or a backend that cannot be read: a one-line error naming the stack, nothing written", async () => {
  const before = project.backendFiles();
  project.emulator.faults.add({ route: { path: "/apim-token-service/*" }, kind: "reset", count: 1000 });
  try {
    const run = await project.cli(["drift", "--stack", "other", "--format", "json"]);
    expect(run.code).toBe(1);
    const [other] = (expectValidReport(run.stdout) as unknown as Report).stacks;
    expect(other?.status).toBe("failed");
    expect(other?.error).toMatch(/^stack 'other': the refresh failed: .*check that EnOS is reachable/);
    expect(run.stderr.trim().split("\n")).toEqual([`pulumi-enos drift: ${other?.error}`]);
  } finally {
    project.emulator.faults.clear();
  }
  const locked = await project.cli(["drift", "--stack", "other"], { PULUMI_CONFIG_PASSPHRASE: "not the passphrase" });
  expect(locked.code).toBe(1);
  expect(locked.stderr).toMatch(
    /^pulumi-enos drift: stack 'other': cannot read its config: .*: check PULUMI_CONFIG_PASSPHRASE/,
  );
  expect(project.backendFiles()).toEqual(before);
});

describe("bad input: one line naming the problem and the fix, exit 1, nothing written", () => {
  test.each([
    [["drift"], /^pulumi-enos drift: no stacks given: pass --stack NAME/],
    [["drift", "--stack", "demo", "--concurrency", "0"], /--concurrency must be a whole number >= 1; got '0'/],
    [["drift", "--stack", "demo", "--ignore-file", "package.json"], /ignore file package\.json: version: /],
  ])("%j", async (argv, message) => {
    const run = await project.cli([...argv, "--output", "bad.md"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(path.join(project.projectDir, "bad.md"))).toBe(false);
  });
});

import * as fs from "node:fs";
import * as path from "node:path";
import { renderMarkdown } from "../../cli/render/markdown";
import type { Report } from "../../cli/report/schema";
import { expectValidReport } from "../support/report-json";
import { expectSnapshot } from "../support/snapshots";
import {
  createGitopsProject,
  DEMO_ACCOUNT,
  GITOPS,
  idAliases,
  pathsOf,
  withAliases,
  type Access,
  type GitopsProject,
} from "./cli-support";
import { stepScript } from "./workflow-steps";

// `pulumi-enos review` of the gitops example through the real engine: one stack, one `up`, then previews of
// pull-request edits of access/demo.json. Four pulumi operations besides the up: a no-change review, the pull
// request's review (the workflow's own command), its saved `pulumi preview --json`, and a blocked review.
jest.setTimeout(300_000);

const WORKFLOW = path.join(GITOPS, "workflows", "enos-review.yml");

let project: GitopsProject;
let aliases: Map<string, string>;

beforeAll(async () => {
  project = await createGitopsProject({ demo: DEMO_ACCOUNT });
  await project.stack("demo").up({ color: "never" });
  aliases = idAliases(project.emulator);
});
afterAll(async () => {
  await project?.close();
});

/** The calls the command line made itself: everything after the engine's own calls of the same run. */
const lookupPaths = (log: string[]) => log.filter((p) => /organization\/role\/list|userGroup\/list|roster/.test(p));

test("a preview with no change: exit 0 with --detailed-exitcode, outcome no-change, no EnOS lookup made", async () => {
  project.emulator.clearRequestLog();
  const run = await project.cli(["review", "--stack", "demo", "--detailed-exitcode", "--format", "json"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const report = expectValidReport(run.stdout);
  expect(report).toMatchObject({ command: "review", outcome: "no-change", headline: "No changes", risks: [] });
  // Only the program's own lookups ran: the review itself had no id to name.
  expect(lookupPaths(pathsOf(project.emulator))).toEqual([
    "GET /app-portal-service/v2.2/organization/role/list",
    "GET /app-portal-service/v2.3/organization/userGroup/list",
  ]);
  expect(report["stats"]).toMatchObject({ lookupCalls: 0 });
  expectSnapshot("review-no-change.md", renderMarkdown(report as unknown as Report));
});

const PULL_REQUEST = (access: Access) => {
  access.users["u-alice"]!.roles!.push("Auditor");
  access.users["u-bob"]!.roles = ["Operator"];
  delete access.users["u-carol"];
  access.apps["energy"]!.menus!["alarms"]!.parent = "settings";
  access.apps["field"]!.orgId = "o-other";
  access.devices["a-turbine-8"]!.enabled = false;
};

test("a pull request's review, run by the workflow's own step: who gains and loses what, by name, drift marked", async () => {
  project.emulator.mutate({ type: "grant-role", userId: "u-alice", roleId: "r-viewer" }); // a console grant
  project.editAccess("demo", PULL_REQUEST);
  project.emulator.clearRequestLog();
  const output = path.join(project.dir, "github-output");
  const run = await project.shell(stepScript(WORKFLOW, "review"), { PULUMI_STACK: "demo", GITHUB_OUTPUT: output });
  expect(run.stderr).toBe("");
  expect(fs.readFileSync(output, "utf8")).toBe("exitcode=2\n"); // permission changes
  const markdown = fs.readFileSync(path.join(project.projectDir, "review.md"), "utf8");
  expectSnapshot("review-pull-request.md", withAliases(markdown, aliases));

  expect(markdown.split("\n")[0]).toBe("<!-- pulumi-enos:review enos-gitops/demo -->");
  expect(markdown).toContain(
    "**2 users gain access, 3 users lose access, 1 device will be disabled, 1 app replaced (new keys), 2 menus changed**",
  );
  // names from EnOS, never the positional roleIds[0] diff; the console grant is marked as drift
  expect(markdown).toMatch(
    /\*\*Alice Chen\*\* `u-alice`.*role \*\*Auditor\*\* `r-auditor`.*role \*\*Viewer\*\* `r-viewer` — drift: granted outside the stack/,
  );
  expect(markdown).toMatch(
    /\*\*Bob Martin\*\* `u-bob`.*role \*\*Operator\*\* `r-operator` \| role \*\*Viewer\*\* `r-viewer` \|/,
  );
  expect(withAliases(markdown, aliases)).toContain(
    "moved from **Dashboard** `menu-dashboard` to **Settings** `menu-settings`",
  );
  expect(markdown).not.toMatch(/secretKey"|sk-|ciphertext|__provider/);

  // at most one lookup per OU and kind: roles, user groups (none shown here) and the user roster
  const log = pathsOf(project.emulator);
  const program = 1; // the program's own getOrganizationRoles
  const check = 1; // the provider's preview check of the role ids the pull request adds (alice's Auditor)
  expect(log.filter((p) => p.endsWith("organization/role/list"))).toHaveLength(program + check + 1);
  expect(log.filter((p) => p.endsWith("user/organization/roster"))).toHaveLength(1);
  expect(log.filter((p) => p.endsWith("userGroup/list"))).toHaveLength(1); // the program's group lookup only
});

test("--from-json of the same preview saved with `pulumi preview --json` gives the same report", async () => {
  const saved = await project.shell("pulumi preview --json --refresh --stack demo > preview.json");
  expect(saved.code).toBe(0);
  const fromFile = await project.cli(["review", "--from-json", "preview.json", "--detailed-exitcode"]);
  expect(fromFile.stderr).toBe("");
  expect(fromFile.code).toBe(2);
  expect(fromFile.stdout).toBe(fs.readFileSync(path.join(project.projectDir, "review.md"), "utf8"));

  const json = await project.cli(["review", "--from-json", "preview.json", "--format", "json"]);
  const report = expectValidReport(json.stdout) as { outcome: string; stats: { lookupCalls: number } };
  expect(report.outcome).toBe("permission-change");
  expect(report.stats.lookupCalls).toBe(3); // a token, the OU's role list, the user roster: nothing per user
  // nothing secret in any format: not the apps' secret keys (the saved preview has them as "[secret]"), not the
  // service account's keys, which the review read from the stack config
  const secrets = [
    ...project.emulator.state().apps.map((app) => app.secretKey),
    DEMO_ACCOUNT.secretKey,
    DEMO_ACCOUNT.accessKey,
  ];
  for (const secret of secrets) expect(json.stdout + fromFile.stdout).not.toContain(secret);
  expect(json.stdout).not.toMatch(/__provider|\[secret\]|ciphertext/);

  const chinese = await project.cli(["review", "--from-json", "preview.json", "--locale", "zh_CN", "--format", "text"]);
  expect(chinese.stdout).toContain("gains role 审计员 r-auditor");
});

test("a removal over maxRemovals is shown blocked with the guardrail's message; the review exits 1", async () => {
  // Only this change, so the preview stops at it whatever order the engine plans the other resources in.
  const alice = {
    roles: ["Auditor"],
    exhaustive: true,
    protectedRoles: ["Organization Administrator"],
    maxRemovals: 1,
  };
  project.editAccess(
    "demo",
    (access) => void (access.users["u-alice"] = { ...access.users["u-alice"], ...alice }),
    true,
  );
  const run = await project.cli(["review", "--stack", "demo", "--detailed-exitcode", "--output", "blocked.md"]);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  const markdown = fs.readFileSync(path.join(project.projectDir, "blocked.md"), "utf8");
  expectSnapshot("review-blocked.md", withAliases(markdown, aliases));
  expect(markdown).toContain("The preview failed.");
  expect(markdown).toContain("role **Device Administrator** `r-device-admin` (privileged) — blocked");
  expect(markdown).toContain("would remove 2 role(s) \\[r-device-admin, r-viewer\\], more than maxRemovals (1)");
  expect(markdown).toContain("maxRemovals 1"); // the pull request's new limit, read from the guardrail's message
});

describe("bad input: one line naming the problem and the fix, exit 1, nothing written", () => {
  const out = () => path.join(project.projectDir, "bad.md");
  afterEach(() => expect(fs.existsSync(out())).toBe(false));

  test.each([
    [
      ["review", "--stack", "demo", "--colour"],
      /^pulumi-enos review: Unknown option '--colour': run `pulumi-enos review --help`/,
    ],
    [["review", "--stack", "nope"], /^pulumi-enos review: stack 'nope' not found in project enos-gitops: pass --stack/],
    [
      ["review", "--from-json", "package.json"],
      /^pulumi-enos review: package\.json is not the output of `pulumi preview --json`/,
    ],
  ])("%j", async (argv, message) => {
    const run = await project.cli([...argv, "--output", "bad.md"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("a preview of another project", async () => {
    const preview = fs.readFileSync(path.join(project.projectDir, "preview.json"), "utf8");
    fs.writeFileSync(path.join(project.dir, "other.json"), preview.replaceAll("::enos-gitops::", "::other-project::"));
    const run = await project.cli(["review", "--from-json", "../other.json", "--output", "bad.md"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is a preview of project other-project, not of enos-gitops .*: pass --cwd/);
  });
});

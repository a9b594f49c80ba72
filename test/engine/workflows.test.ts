import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../scripts/lib/stacks";
import { stepScript } from "./workflow-steps";

// The example workflows are checked by actionlint (built once from the Go module proxy by scripts/ensure-actionlint,
// cached under ~/.cache/pulumi-enos). Their review and drift steps are the scripts review.test.ts and drift.test.ts
// run verbatim; here we pin what those steps call.
jest.setTimeout(300_000);

const WORKFLOWS = [
  path.join(repoRoot, "examples", "gitops", "workflows", "enos-review.yml"),
  path.join(repoRoot, "examples", "drift", "workflows", "enos-drift.yml"),
];

let actionlint: string;

beforeAll(() => {
  const out = execFileSync("bash", [path.join(repoRoot, "scripts", "ensure-actionlint")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  actionlint = out.trim().split("\n").pop() ?? "";
});

const lint = (file: string) => spawnSync(actionlint, ["-no-color", file], { encoding: "utf8" });

test.each(WORKFLOWS)("actionlint finds nothing to fix in %s", (file) => {
  const result = lint(file);
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});

test("actionlint does catch a broken workflow (the check above can fail)", () => {
  const broken = fs
    .readFileSync(WORKFLOWS[0]!, "utf8")
    .replace("steps.review.outputs.exitcode", "steps.reveiw.outputs.exitcode");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "actionlint-")), "broken.yml");
  fs.writeFileSync(file, broken);
  const result = lint(file);
  expect(result.status).not.toBe(0);
  expect(result.stdout).toMatch(/reveiw/);
});

test("the workflows' steps run the example's npm scripts, which are the pulumi-enos commands the engine tests run", () => {
  expect(stepScript(WORKFLOWS[0]!, "review")).toContain('npm run --silent review -- --stack "$PULUMI_STACK"\n');
  expect(stepScript(WORKFLOWS[1]!, "drift")).toContain('npm run --silent drift -- "${stacks[@]}" --unmanaged\n');
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(repoRoot, "examples", "gitops", "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  expect(scripts).toEqual({
    review: "pulumi-enos review --format markdown --output review.md --detailed-exitcode",
    drift: "pulumi-enos drift --format markdown --output drift.md --detailed-exitcode",
  });
});

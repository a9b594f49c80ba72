import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import { startEmulator, type Emulator, type SeedData } from "../../emulator";
import { runCli } from "../../cli/run";
import { ensurePulumi, offlineWorkspace, repoRoot, selectStack } from "../../scripts/lib/stacks";

type OfflineWorkspace = ReturnType<typeof offlineWorkspace>;
import { SERVICE_ACCOUNT } from "./harness";

// The gitops example (examples/gitops) as a temporary project with one stack per OU against one emulator, and the
// pulumi-enos command line run on it: in-process through runCli (what the bin runs), or as the very shell command
// the example workflows run, through a `pulumi-enos` on PATH like the one npm installs.

export const GITOPS = path.join(repoRoot, "examples", "gitops");

/** A second service account, bound to o-other, so a second stack can manage that OU. */
export const OTHER_ACCOUNT = { accessKey: "other-access-key", secretKey: "other-secret-key", orgId: "o-other" };

interface AccessUser {
  roles?: string[];
  exhaustive?: boolean;
  protectedRoles?: string[];
  maxRemovals?: number;
  groups?: string[];
}

interface AccessApp {
  name: string;
  keyword: string;
  category: number;
  orgId?: string;
  menus?: Record<string, { name: string; parent?: string; sortId?: number }>;
  permissions?: Record<string, { name: string; keyword: string }>;
}

/** access/<stack>.json of the gitops example (examples/gitops/index.js reads it). */
export interface Access {
  orgId?: string;
  apps: Record<string, AccessApp>;
  users: Record<string, AccessUser>;
  devices: Record<string, { enabled: boolean }>;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitopsProject {
  readonly emulator: Emulator;
  readonly dir: string;
  readonly projectDir: string;
  readonly workspace: OfflineWorkspace;
  /** The environment the command line runs with: the offline Pulumi backend and the CLI on PATH. */
  readonly env: Record<string, string>;
  stack(name: string): Stack;
  /** Rewrites access/<stack>.json, starting from the example's own file when `fresh`. */
  editAccess(stack: string, edit: (access: Access) => void, fresh?: boolean): void;
  /** Runs `pulumi-enos <argv>` in-process in the project directory (`extraEnv` over the project's environment). */
  cli(argv: string[], extraEnv?: Record<string, string>): Promise<CliRun>;
  /** Runs a shell command (e.g. a workflow's `run:` line) in the project directory. */
  shell(command: string, extraEnv?: Record<string, string>): Promise<CliRun>;
  /** Every file the file backend holds, by path: what a drift run must leave byte-identical. */
  backendFiles(): Record<string, string>;
  close(): Promise<void>;
}

function seedWithOtherAccount(): SeedData {
  const seed = JSON.parse(fs.readFileSync(path.join(repoRoot, "emulator", "seed.json"), "utf8")) as SeedData;
  const accounts = [...(seed.serviceAccounts ?? [])];
  accounts.push({ id: "sa-other", name: "Other OU Service Account", ...OTHER_ACCOUNT });
  return { ...seed, serviceAccounts: accounts };
}

/** A `pulumi-enos` executable like the one npm links into node_modules/.bin, running this repo's build. */
function binShim(dir: string): string {
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin, { recursive: true });
  const main = path.join(repoRoot, "dist", "cli", "main.js");
  fs.writeFileSync(path.join(bin, "pulumi-enos"), `#!/bin/sh\nexec "${process.execPath}" "${main}" "$@"\n`, {
    mode: 0o755,
  });
  return bin;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function listFiles(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(root, full)] = fs.readFileSync(full, "utf8");
  }
  return files;
}

/** Copies examples/gitops and opens `stacks` (name -> service account) with their enos:* config. */
export async function createGitopsProject(
  stacks: Record<string, { accessKey: string; secretKey: string; orgId: string }>,
): Promise<GitopsProject> {
  const binDir = ensurePulumi();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enos-cli-"));
  const projectDir = path.join(dir, "project");
  fs.cpSync(GITOPS, projectDir, { recursive: true, filter: (src) => path.basename(src) !== "node_modules" });
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(projectDir, "node_modules"), "dir");
  const workspace = offlineWorkspace(dir);
  const emulator = await startEmulator({ port: 0, seed: seedWithOtherAccount() });
  const opened = new Map<string, Stack>();
  try {
    for (const [name, account] of Object.entries(stacks)) {
      const stack = await selectStack({ workDir: projectDir, stackName: name, binDir, workspace });
      await stack.setAllConfig({
        "enos:apiUrl": { value: emulator.url },
        "enos:accessKey": { value: account.accessKey, secret: true },
        "enos:secretKey": { value: account.secretKey, secret: true },
        "enos:orgId": { value: account.orgId },
      });
      opened.set(name, stack);
    }
  } catch (error) {
    await emulator.close();
    throw error;
  }
  const env: Record<string, string> = {
    ...workspace.env,
    HOME: process.env["HOME"] ?? os.homedir(),
    PATH: [binShim(dir), binDir, process.env["PATH"] ?? ""].join(path.delimiter),
  };
  const accessFile = (stack: string) => path.join(projectDir, "access", `${stack}.json`);
  return {
    emulator,
    dir,
    projectDir,
    workspace,
    env,
    stack: (name) => {
      const stack = opened.get(name);
      if (!stack) throw new Error(`no stack ${name}`);
      return stack;
    },
    editAccess: (stack, edit, fresh = false) => {
      const file = fresh ? path.join(GITOPS, "access", `${stack}.json`) : accessFile(stack);
      const access = { apps: {}, users: {}, devices: {}, ...JSON.parse(fs.readFileSync(file, "utf8")) } as Access;
      edit(access);
      fs.writeFileSync(accessFile(stack), JSON.stringify(access, null, 2));
    },
    cli: async (argv, extraEnv = {}) => {
      let stdout = "";
      let stderr = "";
      const code = await runCli(argv, {
        cwd: projectDir,
        env: { ...env, ...extraEnv },
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        readStdin: async () => "",
      });
      return { code, stdout, stderr };
    },
    shell: (command, extraEnv = {}) => run("bash", ["-c", command], projectDir, { ...env, ...extraEnv }),
    backendFiles: () => listFiles(path.join(dir, "backend")),
    close: async () => {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The service account of stack `demo` (o-demo). */
export const DEMO_ACCOUNT = SERVICE_ACCOUNT;

/** The EnOS calls the command line itself made, from the emulator's log between two marks. */
export function pathsOf(emulator: Emulator): string[] {
  return emulator.requestLog().map((entry) => `${entry.method} ${entry.path}`);
}

/**
 * Emulator-made ids (app-7, menu-12, ...) by their keyword (app-energy-mgmt, menu-dashboard): the engine creates the
 * two apps of the example in whichever order their registrations arrive, so the numbers differ between runs while
 * the reports must not. Taken once after the `up`, so ids deleted later are still known.
 */
export function idAliases(emulator: Emulator): Map<string, string> {
  const state = emulator.state();
  const aliases = new Map<string, string>();
  for (const app of state.apps) aliases.set(app.id, `app-${app.keyword ?? app.id}`);
  for (const menu of state.menus) aliases.set(menu.id, `menu-${menu.keyword}`);
  for (const permission of state.permissions) aliases.set(permission.id, `permission-${permission.keyword}`);
  return aliases;
}

export function withAliases(text: string, aliases: ReadonlyMap<string, string>): string {
  return text.replace(/\b(?:app|menu|permission)-\d+\b/g, (id) => aliases.get(id) ?? id);
}

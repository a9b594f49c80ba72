/**
 * The stacks the commands read, through the Automation API on the project directory (`LocalWorkspace` with a
 * `workDir`), so the program runs in Pulumi's language host exactly as `pulumi preview` there. Nothing here writes:
 * `preview` and `previewRefresh` leave the state and EnOS untouched. The provider's debug log is switched on in the
 * engine's environment only to count the EnOS calls a run makes; its lines are never shown.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, StackNotFoundError, type EngineEvent, type Stack } from "@pulumi/pulumi/automation";
import { CliError, messageOf } from "../errors";
import type { Env } from "../io";
import type { ConfigValues } from "../names/credentials";
import type { Capture } from "./capture";
import { captureEvents } from "./from-events";
import { pulumiCommand } from "./pulumi-command";

export interface OpenStack {
  stack: Stack;
  project: string;
  name: string;
}

/** The `name:` of `dir/Pulumi.yaml` (or .yml), or undefined when there is no project there. */
export function projectNameIn(dir: string): string | undefined {
  for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) continue;
    const name = /^name:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(full, "utf8"))?.[1];
    if (name) return name;
  }
  return undefined;
}

/** The engine's "error: ..." line out of a failed command, else the error's first line. */
export function engineError(error: unknown): string {
  const text = messageOf(error);
  const lines = text.split("\n").map((line) => line.trim());
  const found = lines.find((line) => line.startsWith("error: ")) ?? lines.find((line) => line !== "") ?? "failed";
  return found.replace(/^error: /, "");
}

function engineEnv(env: Env): Record<string, string> {
  const defined = Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return { ...Object.fromEntries(defined), PULUMI_SKIP_UPDATE_CHECK: "true", ENOS_DEBUG: "1" };
}

export async function openStack(dir: string, stackName: string, env: Env): Promise<OpenStack> {
  const project = projectNameIn(dir);
  if (project === undefined) {
    throw new CliError(`no Pulumi project in ${dir}`, "pass --cwd with the directory that holds Pulumi.yaml");
  }
  const command = await pulumiCommand(env);
  try {
    const stack = await LocalWorkspace.selectStack(
      { stackName, workDir: dir },
      { pulumiCommand: command, envVars: engineEnv(env) },
    );
    return { stack, project, name: stackName };
  } catch (error) {
    if (error instanceof StackNotFoundError) {
      throw new CliError(
        `stack '${stackName}' not found in project ${project}`,
        "pass --stack with one of `pulumi stack ls`, or create it with `pulumi stack init`",
      );
    }
    throw new CliError(
      `stack '${stackName}': cannot open it: ${engineError(error)}`,
      "check `pulumi login` and PULUMI_BACKEND_URL",
    );
  }
}

/** The stack's config, secrets decrypted (for the commands' own EnOS calls only; never printed). */
export async function stackConfig(open: OpenStack): Promise<ConfigValues> {
  try {
    const all = await open.stack.getAllConfig();
    return Object.fromEntries(Object.entries(all).map(([key, { value }]) => [key, value]));
  } catch (error) {
    throw new CliError(
      `stack '${open.name}': cannot read its config: ${engineError(error)}`,
      "check PULUMI_CONFIG_PASSPHRASE or the secrets provider",
    );
  }
}

async function run(operation: (onEvent: (event: EngineEvent) => void) => Promise<unknown>): Promise<Capture> {
  const { onEvent, capture } = captureEvents();
  try {
    await operation(onEvent);
  } catch (error) {
    capture.failed = true;
    if (!capture.diagnostics.some((d) => d.severity === "error")) {
      capture.diagnostics.push({ severity: "error", message: engineError(error) });
    }
  }
  return capture;
}

/** `pulumi preview [--refresh] [--policy-pack DIR ...]` with its engine events (policy events included). */
export function preview(open: OpenStack, refresh: boolean, policyPacks: readonly string[] = []): Promise<Capture> {
  const packs = policyPacks.length > 0 ? { policyPacks: [...policyPacks] } : {};
  return run((onEvent) => open.stack.preview({ refresh, onEvent, color: "never", ...packs }));
}

/** `pulumi refresh --preview-only` with its engine events: what EnOS holds now, nothing written. */
export function previewRefresh(open: OpenStack): Promise<Capture> {
  return run((onEvent) => open.stack.previewRefresh({ onEvent, color: "never" }));
}

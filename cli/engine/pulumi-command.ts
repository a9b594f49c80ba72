/**
 * The `pulumi` the commands drive through the Automation API: the first one on PATH, else the build
 * scripts/ensure-pulumi caches under ~/.cache/pulumi-enos (a clone of this repository). The engine finds the
 * Node.js language host and the dynamic-provider plugin next to it (PulumiCommand puts its bin directory first on
 * PATH).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation";
import { CliError } from "../errors";
import type { Env } from "../io";

/** The version scripts/ensure-pulumi builds; its cache directory is named after it. */
const CACHED_VERSION = "v3.259.0";

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `pulumi` on `env.PATH`, then the ensure-pulumi cache. */
export function locatePulumi(env: Env): string | undefined {
  for (const dir of (env["PATH"] ?? "").split(path.delimiter)) {
    if (dir !== "" && executable(path.join(dir, "pulumi"))) return path.join(dir, "pulumi");
  }
  const cacheHome = env["XDG_CACHE_HOME"] ?? path.join(env["HOME"] ?? os.homedir(), ".cache");
  const cacheRoot = env["PULUMI_ENOS_CACHE"] ?? path.join(cacheHome, "pulumi-enos");
  const cached = path.join(cacheRoot, `pulumi-${CACHED_VERSION}`, "bin", "pulumi");
  return executable(cached) ? cached : undefined;
}

export async function pulumiCommand(env: Env): Promise<PulumiCommand> {
  const binary = locatePulumi(env);
  if (binary === undefined) {
    throw new CliError(
      "no `pulumi` found on PATH",
      "install the Pulumi CLI (https://www.pulumi.com/docs/install/), or run `bash scripts/ensure-pulumi` in a clone of pulumi-enos",
    );
  }
  const bin = path.dirname(binary);
  // PulumiCommand runs <root>/bin/pulumi; a binary outside a "bin" directory is run from PATH instead.
  return path.basename(bin) === "bin" ? PulumiCommand.get({ root: path.dirname(bin) }) : PulumiCommand.get();
}

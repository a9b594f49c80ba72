/**
 * `pulumi-enos drift`: a refresh preview of each named stack (nothing is written to the state or to EnOS), read
 * from the engine events, as one report grouped by user, app and device, with both ways out of each drift
 * (issue 15). Stacks are refreshed a few at a time; a stack that fails is an error for that stack only.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { formatOf, listOf, positiveInteger, withUsageErrors, type Format } from "../args";
import type { Capture } from "../engine/capture";
import { openStack, previewRefresh, projectNameIn, stackConfig } from "../engine/workspace";
import { CliError, oneLine } from "../errors";
import type { CliIo } from "../io";
import { ClientPool } from "../names/client-pool";
import { credentialsFrom, type Credentials } from "../names/credentials";
import { NameResolver } from "../names/name-resolver";
import { writeReport } from "../output";
import { emptyStackReport } from "../review/analyze-preview";
import { finishReport, type StackInput } from "../report/finish";
import { exitCodeOf } from "../report/headline";
import { analyzeRefresh } from "./analyze-refresh";
import { addGrantFixes } from "./fixes";
import { applyIgnores, DEFAULT_IGNORE_FILE, readIgnoreFile, today, type IgnoreEntry } from "./ignore-file";
import { runLimited } from "./run-limited";
import { coverageOf, grantOrgIds, listUnmanaged } from "./unmanaged";
import { DRIFT_USAGE } from "./usage";

interface DriftOptions {
  dir: string;
  stacks: string[];
  format: Format;
  output: string | undefined;
  detailed: boolean;
  unmanaged: boolean;
  ignores: IgnoreEntry[];
  locale: string | undefined;
  concurrency: number;
  privilegedRoles: string[] | undefined;
  bulkThreshold: number;
}

function ignoresOf(dir: string, flag: string | undefined, io: CliIo): IgnoreEntry[] {
  if (flag !== undefined) return readIgnoreFile(path.resolve(io.cwd, flag), flag);
  const file = path.join(dir, DEFAULT_IGNORE_FILE);
  return fs.existsSync(file) ? readIgnoreFile(file, DEFAULT_IGNORE_FILE) : [];
}

function readOptions(argv: string[], io: CliIo): DriftOptions | "help" {
  const options = {
    cwd: { type: "string" },
    stack: { type: "string", short: "s", multiple: true },
    format: { type: "string" },
    output: { type: "string", short: "o" },
    "detailed-exitcode": { type: "boolean" },
    unmanaged: { type: "boolean" },
    "ignore-file": { type: "string" },
    locale: { type: "string" },
    concurrency: { type: "string" },
    "privileged-roles": { type: "string", multiple: true },
    "bulk-threshold": { type: "string" },
    help: { type: "boolean", short: "h" },
  } as const;
  const { values } = withUsageErrors("drift", () =>
    parseArgs({ args: argv, options, strict: true, allowPositionals: false }),
  );
  if (values.help) return "help";
  const stacks = listOf(values.stack) ?? [];
  if (stacks.length === 0) throw new CliError("no stacks given", "pass --stack NAME (repeat it for several stacks)");
  const dir = path.resolve(io.cwd, values.cwd ?? ".");
  return {
    dir,
    stacks: [...new Set(stacks)],
    format: formatOf(values.format, "drift"),
    output: values.output,
    detailed: values["detailed-exitcode"] === true,
    unmanaged: values.unmanaged === true,
    ignores: ignoresOf(dir, values["ignore-file"], io),
    locale: values.locale,
    concurrency: positiveInteger(values.concurrency, "--concurrency", 2),
    privilegedRoles: listOf(values["privileged-roles"]),
    bulkThreshold: positiveInteger(values["bulk-threshold"], "--bulk-threshold", 5),
  };
}

interface Refreshed {
  input: StackInput;
  capture: Capture | undefined;
}

async function refreshOne(options: DriftOptions, name: string, io: CliIo): Promise<Refreshed> {
  let project = projectNameIn(options.dir) ?? path.basename(options.dir);
  try {
    const open = await openStack(options.dir, name, io.env);
    project = open.project;
    const credentials = credentialsFrom(await stackConfig(open), io.env);
    const capture = await previewRefresh(open);
    const report = analyzeRefresh(capture, open.project, name);
    if (report.status === "failed")
      report.error = `stack '${name}': ${report.error ?? "failed"}; check that EnOS is reachable with the stack's enos:* settings, then run again`;
    const input: StackInput =
      "missing" in credentials
        ? { report, credentials: undefined, missing: `${credentials.missing} is not set` }
        : { report, credentials };
    return { input, capture };
  } catch (error) {
    const report = emptyStackReport(project, name);
    report.status = "failed";
    report.error = oneLine(error);
    return { input: { report, credentials: undefined }, capture: undefined };
  }
}

/** Each OU of the stacks, with the credentials of the first stack that acts in it. */
function orgsOf(refreshed: readonly Refreshed[]): Map<string, Credentials> {
  const orgs = new Map<string, Credentials>();
  for (const { input, capture } of refreshed) {
    const credentials = input.credentials;
    if (!credentials || !capture) continue;
    for (const orgId of [credentials.orgId, ...grantOrgIds([capture])]) {
      if (orgId && !orgs.has(orgId)) orgs.set(orgId, credentials);
    }
  }
  return orgs;
}

export async function drift(argv: string[], io: CliIo): Promise<number> {
  const options = readOptions(argv, io);
  if (options === "help") {
    io.stdout.write(DRIFT_USAGE);
    return 0;
  }
  const refreshed = await runLimited(options.stacks, options.concurrency, (name) => refreshOne(options, name, io));
  const pool = new ClientPool(io.env["ENOS_DEBUG"] === "1");
  const resolver = new NameResolver(options.locale);
  try {
    if (options.unmanaged) {
      const captures = refreshed.flatMap((r) => (r.capture ? [r.capture] : []));
      const orgs = orgsOf(refreshed);
      const unmanaged = await listUnmanaged(pool, orgs, coverageOf(captures), resolver);
      for (const entry of unmanaged) {
        const owner = refreshed.find((r) => r.input.credentials === orgs.get(entry.orgId)) ?? refreshed[0];
        if (owner) (owner.input.report.unmanaged ??= []).push(entry);
      }
    }
    const engineCalls = refreshed.reduce((sum, r) => sum + (r.capture?.enosCalls ?? 0), 0);
    const date = today();
    const report = await finishReport(
      refreshed.map((r) => r.input),
      {
        command: "drift",
        locale: options.locale,
        privilegedRoles: options.privilegedRoles,
        bulkThreshold: options.bulkThreshold,
        engineCalls,
        pool,
        resolver,
        afterNames: (stack) => {
          applyIgnores(stack, options.ignores, date);
          addGrantFixes(stack);
        },
      },
    );
    writeReport(report, options.format, options.output, io);
    // The report has every failed stack's error; CI logs get one line each as well.
    for (const stack of report.stacks) if (stack.error) io.stderr.write(`pulumi-enos drift: ${stack.error}\n`);
    return exitCodeOf(report.outcome, options.detailed);
  } finally {
    await pool.close();
  }
}

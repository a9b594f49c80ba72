/**
 * `pulumi-enos review`: a preview turned into who gains and loses what (issue 14). Input is either a preview this
 * command runs itself (refresh first, so the live state is what is compared) or a saved `pulumi preview --json`;
 * both give the same report.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { formatOf, listOf, positiveInteger, withUsageErrors, type Format } from "../args";
import type { Capture } from "../engine/capture";
import { projectOfUrn } from "../engine/capture";
import { captureFromPreviewJson } from "../engine/from-preview-json";
import { openStack, preview, projectNameIn, stackConfig, type OpenStack } from "../engine/workspace";
import { CliError, oneLine } from "../errors";
import type { CliIo } from "../io";
import { ClientPool } from "../names/client-pool";
import { credentialsFrom, type ConfigValues } from "../names/credentials";
import { writeReport } from "../output";
import { exitCodeOf } from "../report/headline";
import { finishReport, type StackInput } from "../report/finish";
import { analyzePreview } from "./analyze-preview";
import { REVIEW_USAGE } from "./usage";

interface ReviewOptions {
  dir: string;
  stack: string | undefined;
  refresh: boolean;
  fromJson: string | undefined;
  policyPacks: string[];
  format: Format;
  output: string | undefined;
  detailed: boolean;
  locale: string | undefined;
  privilegedRoles: string[] | undefined;
  bulkThreshold: number;
}

function readOptions(argv: string[], io: CliIo): ReviewOptions | "help" {
  const options = {
    cwd: { type: "string" },
    stack: { type: "string", short: "s" },
    "no-refresh": { type: "boolean" },
    "from-json": { type: "string" },
    "policy-pack": { type: "string", multiple: true },
    format: { type: "string" },
    output: { type: "string", short: "o" },
    "detailed-exitcode": { type: "boolean" },
    locale: { type: "string" },
    "privileged-roles": { type: "string", multiple: true },
    "bulk-threshold": { type: "string" },
    help: { type: "boolean", short: "h" },
  } as const;
  const { values } = withUsageErrors("review", () =>
    parseArgs({ args: argv, options, strict: true, allowPositionals: false }),
  );
  if (values.help) return "help";
  if (values["from-json"] !== undefined && values["policy-pack"] !== undefined) {
    throw new CliError("--policy-pack needs a live preview", "drop --from-json (a saved preview has no policy events)");
  }
  return {
    dir: path.resolve(io.cwd, values.cwd ?? "."),
    stack: values.stack,
    refresh: values["no-refresh"] !== true,
    fromJson: values["from-json"],
    policyPacks: (values["policy-pack"] ?? []).map((dir) => path.resolve(io.cwd, dir)),
    format: formatOf(values.format, "review"),
    output: values.output,
    detailed: values["detailed-exitcode"] === true,
    locale: values.locale,
    privilegedRoles: listOf(values["privileged-roles"]),
    bulkThreshold: positiveInteger(values["bulk-threshold"], "--bulk-threshold", 5),
  };
}

async function readSavedPreview(file: string, io: CliIo): Promise<string> {
  if (file === "-") return io.readStdin();
  try {
    return fs.readFileSync(path.resolve(io.cwd, file), "utf8");
  } catch (error) {
    throw new CliError(
      `cannot read --from-json ${file}: ${oneLine(error)}`,
      "pass the file `pulumi preview --json` wrote",
    );
  }
}

interface Source {
  capture: Capture;
  project: string;
  stack: string;
  config: ConfigValues;
  missing?: string;
}

/** The saved preview, checked against the project in --cwd (when there is one), and the stack's config. */
async function fromSaved(options: ReviewOptions, file: string, io: CliIo): Promise<Source> {
  const source = file === "-" ? "stdin" : file;
  const capture = captureFromPreviewJson(await readSavedPreview(file, io), source);
  const urn = [...capture.steps, ...capture.refreshed][0]?.urn;
  if (urn === undefined)
    throw new CliError(`${source} has no resource steps`, "save the preview of a stack that has resources");
  const project = projectOfUrn(urn) ?? "";
  const stack = /^urn:pulumi:([^:]+)::/.exec(urn)?.[1] ?? "";
  const local = projectNameIn(options.dir);
  if (local !== undefined && local !== project) {
    throw new CliError(
      `${source} is a preview of project ${project}, not of ${local} in ${options.dir}`,
      `pass --cwd with the directory of project ${project}`,
    );
  }
  if (options.stack !== undefined && options.stack !== stack) {
    throw new CliError(
      `${source} is a preview of stack ${stack}, not ${options.stack}`,
      "pass the preview of that stack, or drop --stack",
    );
  }
  if (local === undefined)
    return {
      capture,
      project,
      stack,
      config: {},
      missing: `no Pulumi project in ${options.dir} to read the stack config of`,
    };
  try {
    return { capture, project, stack, config: await stackConfig(await openStack(options.dir, stack, io.env)) };
  } catch (error) {
    return { capture, project, stack, config: {}, missing: oneLine(error) };
  }
}

async function live(options: ReviewOptions, io: CliIo): Promise<Source> {
  if (options.stack === undefined) throw new CliError("no stack given", "pass --stack NAME (or --from-json FILE)");
  const open: OpenStack = await openStack(options.dir, options.stack, io.env);
  const config = await stackConfig(open);
  const capture = await preview(open, options.refresh, options.policyPacks);
  return { capture, project: open.project, stack: open.name, config };
}

export async function review(argv: string[], io: CliIo): Promise<number> {
  const options = readOptions(argv, io);
  if (options === "help") {
    io.stdout.write(REVIEW_USAGE);
    return 0;
  }
  const source =
    options.fromJson === undefined ? await live(options, io) : await fromSaved(options, options.fromJson, io);
  const credentials = credentialsFrom(source.config, io.env);
  const input: StackInput = {
    report: analyzePreview(source.capture, source.project, source.stack),
    credentials: "missing" in credentials ? undefined : credentials,
    ...("missing" in credentials ? { missing: source.missing ?? `${credentials.missing} is not set` } : {}),
  };
  const pool = new ClientPool(io.env["ENOS_DEBUG"] === "1");
  try {
    const report = await finishReport([input], {
      command: "review",
      locale: options.locale,
      privilegedRoles: options.privilegedRoles,
      bulkThreshold: options.bulkThreshold,
      engineCalls: options.fromJson === undefined ? source.capture.enosCalls : undefined,
      pool,
    });
    writeReport(report, options.format, options.output, io);
    return exitCodeOf(report.outcome, options.detailed);
  } finally {
    await pool.close();
  }
}

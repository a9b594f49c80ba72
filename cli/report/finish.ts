/**
 * Turns the stack reports of one run into the report: names resolved (one call per OU and kind across all stacks),
 * privileged roles marked, risk flags, headline, outcome and the cost of the run.
 */
import { ClientPool } from "../names/client-pool";
import type { Credentials } from "../names/credentials";
import { NameResolver } from "../names/name-resolver";
import { driftHeadline, driftOutcome, reviewHeadline, reviewOutcome } from "./headline";
import { applyNames, requestNames } from "./names";
import { PrivilegedRoles } from "./privileged";
import { collectRisks } from "./risks";
import { sortStackReport } from "./sort";
import { REPORT_VERSION, type Report, type StackReport } from "./schema";

export interface StackInput {
  report: StackReport;
  /** Who to ask EnOS for names with; undefined: names are not resolved (with a note why). */
  credentials: Credentials | undefined;
  /** Why there are no credentials. */
  missing?: string;
}

export interface FinishOptions {
  command: Report["command"];
  locale: string | undefined;
  privilegedRoles: readonly string[] | undefined;
  bulkThreshold: number;
  /** EnOS calls the engine made (refresh, preview), when they were counted. */
  engineCalls: number | undefined;
  pool: ClientPool;
  resolver?: NameResolver;
  notes?: string[];
  /** Runs on each stack report once names are in (drift: ignore file, fixes that quote names). */
  afterNames?: (report: StackReport) => void;
}

export async function finishReport(stacks: readonly StackInput[], options: FinishOptions): Promise<Report> {
  const resolver = options.resolver ?? new NameResolver(options.locale);
  const notes = [...(options.notes ?? [])];
  for (const { report, credentials, missing } of stacks) {
    requestNames(report, credentials, resolver);
    if (!credentials && report.status === "ok") {
      notes.push(`names not resolved for stack ${report.stack}: ${missing ?? "no EnOS credentials"}`);
    }
  }
  const book = await resolver.resolve(options.pool);
  notes.push(...book.notes);
  const privileged = new PrivilegedRoles(options.privilegedRoles);
  const reports = stacks.map(({ report }) => report);
  for (const report of reports) {
    applyNames(report, book);
    privileged.mark(report);
    options.afterNames?.(report);
    sortStackReport(report);
  }
  const review = options.command === "review";
  return {
    schema: "pulumi-enos-report",
    version: REPORT_VERSION,
    command: options.command,
    headline: review ? reviewHeadline(reports) : driftHeadline(reports),
    outcome: review ? reviewOutcome(reports) : driftOutcome(reports),
    risks: collectRisks(reports, { bulkThreshold: options.bulkThreshold }),
    stacks: reports,
    notes,
    stats: {
      lookupCalls: options.pool.calls,
      ...(options.engineCalls === undefined ? {} : { engineCalls: options.engineCalls }),
    },
  };
}

export { ClientPool };

/**
 * Builds a {@link Capture} from a saved `pulumi preview --json` (gitops.md §2): `steps[]` with `op`, `urn`,
 * `oldState`, `newState`, `diffReasons`, `replaceReasons`, plus `diagnostics`. Its refresh steps carry the stored
 * state in `oldState` but not what EnOS holds now (their `newState` is stale), so only `old` is kept for them; the
 * preview steps' `oldState` is the refreshed state. Policy events are not in the file (Pulumi drops them).
 */
import { z } from "zod";
import { CliError } from "../errors";
import type { Capture, ResourceStep } from "./capture";
import { countEnosCall, readDiagnostic } from "./diagnostics";
import { stateView } from "./state-view";

const state = z.looseObject({
  id: z.unknown().optional(),
  type: z.unknown().optional(),
  inputs: z.unknown().optional(),
  outputs: z.unknown().optional(),
});

const previewSchema = z.looseObject({
  steps: z.array(
    z.looseObject({
      op: z.string(),
      urn: z.string().startsWith("urn:pulumi:"),
      oldState: state.optional(),
      newState: state.optional(),
      diffReasons: z.array(z.string()).optional(),
      replaceReasons: z.array(z.string()).optional(),
    }),
  ),
  diagnostics: z
    .array(z.looseObject({ message: z.string(), severity: z.string(), urn: z.string().optional() }))
    .optional(),
  changeSummary: z.record(z.string(), z.number()).optional(),
});

type JsonStep = z.output<typeof previewSchema>["steps"][number];

function typeOf(step: JsonStep): string {
  const fromState = step.newState?.type ?? step.oldState?.type;
  if (typeof fromState === "string") return fromState;
  return step.urn.split("::")[2] ?? "";
}

function stepOf(step: JsonStep): ResourceStep {
  const type = typeOf(step);
  const old = stateView(step.oldState, type);
  const next = step.op === "refresh" ? undefined : stateView(step.newState, type);
  return {
    op: step.op,
    urn: step.urn,
    type,
    ...(old === undefined ? {} : { old }),
    ...(next === undefined ? {} : { new: next }),
    ...(step.diffReasons === undefined ? {} : { diffs: step.diffReasons }),
    ...(step.replaceReasons === undefined ? {} : { replaceKeys: step.replaceReasons }),
  };
}

/** Parses the text of a saved preview; `source` names it in errors. */
export function captureFromPreviewJson(textOfFile: string, source: string): Capture {
  let raw: unknown;
  try {
    raw = JSON.parse(textOfFile);
  } catch {
    throw new CliError(`${source} is not JSON`, "save the preview with `pulumi preview --json > preview.json`");
  }
  const parsed = previewSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? ` (${issue.path.join(".") || "top level"}: ${issue.message})` : "";
    throw new CliError(
      `${source} is not the output of \`pulumi preview --json\`${where}`,
      "save the preview with `pulumi preview --json > preview.json`",
    );
  }
  const capture: Capture = { steps: [], refreshed: [], diagnostics: [], policy: [], enosCalls: 0, failed: false };
  for (const step of parsed.data.steps) {
    if (step.op === "refresh") capture.refreshed.push(stepOf(step));
    else capture.steps.push(stepOf(step));
  }
  for (const diagnostic of parsed.data.diagnostics ?? []) {
    if (countEnosCall(diagnostic.message)) capture.enosCalls += 1;
    const read = readDiagnostic(diagnostic.severity, diagnostic.message, diagnostic.urn);
    if (read && !capture.diagnostics.some((d) => d.message === read.message && d.urn === read.urn)) {
      capture.diagnostics.push(read);
    }
  }
  // A failed preview has no changeSummary (checked with this CLI).
  capture.failed = parsed.data.changeSummary === undefined || capture.diagnostics.some((d) => d.severity === "error");
  return capture;
}

/**
 * Builds a {@link Capture} from the Automation API's engine events (`preview({ onEvent })`,
 * `previewRefresh({ onEvent })`). A refresh result is the `resOutputsEvent` that follows a `resourcePreEvent` with
 * op "refresh" for the same URN: its `new` holds what EnOS has now, which `refresh --preview-only --json` hides
 * (gitops.md §2). Policy events, which `preview --json` drops, are kept.
 */
import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";
import type { Capture, Diagnostic, ResourceStep } from "./capture";
import { countEnosCall, readDiagnostic } from "./diagnostics";
import { stateView } from "./state-view";

function stepOf(m: StepEventMetadata): ResourceStep {
  const old = stateView(m.old, m.type);
  const next = stateView(m.new, m.type);
  return {
    op: m.op,
    urn: m.urn,
    type: m.type,
    ...(old === undefined ? {} : { old }),
    ...(next === undefined ? {} : { new: next }),
    ...(m.diffs === undefined ? {} : { diffs: m.diffs }),
    ...(m.keys === undefined ? {} : { replaceKeys: m.keys }),
  };
}

/** A collector to hand to `onEvent`, and the capture it has filled so far. */
export function captureEvents(): { onEvent: (event: EngineEvent) => void; capture: Capture } {
  const capture: Capture = { steps: [], refreshed: [], diagnostics: [], policy: [], enosCalls: 0, failed: false };
  const refreshing = new Set<string>();
  const seen = new Set<string>();
  const addDiagnostic = (diagnostic: Diagnostic) => {
    const key = `${diagnostic.severity}\u0000${diagnostic.urn ?? ""}\u0000${diagnostic.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    capture.diagnostics.push(diagnostic);
  };
  const onEvent = (event: EngineEvent) => {
    const pre = event.resourcePreEvent?.metadata;
    if (pre?.op === "refresh") refreshing.add(pre.urn);
    else if (pre) capture.steps.push(stepOf(pre));
    const outputs = event.resOutputsEvent?.metadata;
    if (outputs && refreshing.delete(outputs.urn)) capture.refreshed.push(stepOf(outputs));
    const diagnostic = event.diagnosticEvent;
    if (diagnostic) {
      if (countEnosCall(diagnostic.message)) capture.enosCalls += 1;
      const read = readDiagnostic(diagnostic.severity, diagnostic.message, diagnostic.urn);
      if (read) addDiagnostic(read);
    }
    const policy = event.policyEvent;
    if (policy) {
      capture.policy.push({
        policyPack: policy.policyPackName,
        policy: policy.policyName,
        enforcement: policy.enforcementLevel,
        message: policy.message.trim(),
        ...(policy.resourceUrn ? { urn: policy.resourceUrn } : {}),
      });
    }
    const summary = event.summaryEvent as { result?: string } | undefined;
    if (summary?.result === "failed") capture.failed = true;
  };
  return { onEvent, capture };
}

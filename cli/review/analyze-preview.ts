/**
 * A preview as a stack report, ids only (names come later, from the name resolver): users, apps with their menus
 * and permissions, devices, anything else, the guardrail errors that stopped it, its policy violations and warnings.
 */
import { analyzeApps } from "../analysis/apps";
import { analyzeDevices } from "../analysis/devices";
import { analyzeGrants } from "../analysis/grants";
import { analyzeOther } from "../analysis/other";
import { planResources, refOf } from "../analysis/resource-plan";
import type { Capture, StateView } from "../engine/capture";
import type { Finding, PolicyFinding, StackReport } from "../report/schema";

const typeOfUrn = (urn: string) => urn.split("::")[2]?.split("$").pop() ?? "";

export function emptyStackReport(project: string, stack: string): StackReport {
  return {
    project,
    stack,
    status: "ok",
    users: [],
    apps: [],
    devices: [],
    other: [],
    guardrails: [],
    policy: [],
    warnings: [],
    ignored: [],
    expiredIgnores: [],
  };
}

export function analyzePreview(capture: Capture, project: string, stack: string): StackReport {
  const plans = planResources(capture);
  const errors = capture.diagnostics.filter((d) => d.severity === "error");
  const stored = new Map<string, StateView>();
  for (const step of capture.refreshed) if (step.old) stored.set(step.urn, step.old);
  const report = emptyStackReport(project, stack);
  report.users = analyzeGrants(plans, errors, stored);
  report.apps = analyzeApps(plans);
  report.devices = analyzeDevices(plans);
  report.other = analyzeOther(plans);
  report.guardrails = errors.map((d): Finding =>
    d.urn ? { resource: refOf(d.urn, typeOfUrn(d.urn)), message: d.message } : { message: d.message },
  );
  report.policy = capture.policy.map((p): PolicyFinding => {
    const finding: PolicyFinding = {
      policyPack: p.policyPack,
      policy: p.policy,
      enforcement: p.enforcement,
      message: p.message,
    };
    if (p.urn) finding.resource = refOf(p.urn, typeOfUrn(p.urn));
    return finding;
  });
  report.warnings = capture.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message);
  if (capture.failed) {
    report.status = "failed";
    report.error = errors[0]?.message ?? "the preview failed";
  }
  return report;
}

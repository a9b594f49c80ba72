/**
 * A stable order for everything in a stack report. Engine events arrive in whatever order the engine's parallel
 * steps finish, so without this two runs of the same preview would render differently.
 */
import type { StackReport } from "./schema";

const by =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

export function sortStackReport(report: StackReport): void {
  report.users.sort(by((s) => `${s.orgId}/${s.user.id}`));
  for (const section of report.users) {
    section.changes.sort(by((c) => `${c.kind}/${c.action === "gain" ? 0 : 1}/${c.item.id}/${c.resource.name}`));
    section.grants.sort(by((g) => `${g.kind}/${g.resource.name}`));
  }
  report.apps.sort(by((a) => `${a.name ?? ""}/${a.resource?.name ?? ""}/${a.id ?? ""}`));
  for (const app of report.apps) app.items.sort(by((i) => `${i.kind}/${i.resource.name}`));
  report.devices.sort(by((d) => `${d.assetId}/${d.resource.name}/${d.action}`));
  report.other.sort(by((o) => o.resource.urn));
  report.guardrails.sort(by((g) => `${g.resource?.urn ?? ""}/${g.message}`));
  report.policy.sort(by((p) => `${p.policyPack}/${p.policy}/${p.resource?.urn ?? ""}/${p.message}`));
  report.warnings.sort();
  for (const unmanaged of report.unmanaged ?? []) {
    unmanaged.grants.sort(by((g) => `${g.privileged ? 0 : 1}/${g.user.id}/${g.kind}/${g.item.id}`));
  }
}

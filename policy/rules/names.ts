/**
 * The "names only when needed" pattern shared by the grant rules: a rule configured by name loads the OU's names
 * first (and fails closed without them); a rule configured by id decides without EnOS and loads names only to
 * word the messages of the violations it found.
 */
import { loadCatalog, type CatalogKind, type CatalogSource, type NameCatalog } from "../catalog";

export interface NamesNeed {
  source: CatalogSource;
  kind: CatalogKind;
  orgId: string | undefined;
  /** The config key listing names, when any are configured: the verdict then depends on them. */
  namesKey: string | undefined;
}

export async function violationsWithNames<T>(
  need: NamesNeed,
  compute: (catalog: NameCatalog | undefined) => T[],
): Promise<T[]> {
  const required = need.namesKey === undefined ? undefined : { configKey: need.namesKey };
  let catalog = required ? await loadCatalog(need.source, need.kind, need.orgId, required) : undefined;
  let violations = compute(catalog);
  if (violations.length > 0 && catalog === undefined) {
    catalog = await loadCatalog(need.source, need.kind, need.orgId, undefined);
    if (catalog !== undefined) violations = compute(catalog);
  }
  return violations;
}

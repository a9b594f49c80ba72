/**
 * Role and user-group names of an OU, for rules configured by name and for messages that name a role by id and
 * name. Read through the package's lookups (provider/lookups: the EnOS client, never provider internals) with the
 * stack config the engine hands a policy pack in PULUMI_CONFIG (decrypted, like the provider's), falling back to
 * the ENOS_* environment variables. One read per OU and kind per pack process, and only when a rule needs names.
 */
import { getOrganizationRoles, getUserGroups } from "../provider/lookups";
import { PolicyInputError } from "./errors";

/** id -> display name (en_US) of one OU's roles or user groups. */
export type NameCatalog = ReadonlyMap<string, string>;

export type CatalogKind = "roles" | "userGroups";

/** Loads the catalog of one OU; `orgId` undefined means the configured default OU. */
export interface CatalogSource {
  load(kind: CatalogKind, orgId: string | undefined): Promise<NameCatalog>;
}

/** The stack config a policy pack process receives from the engine (PULUMI_CONFIG: key -> string). */
export function stackConfigFromEnv(env: NodeJS.ProcessEnv = process.env): { get(key: string): unknown } {
  let parsed: Record<string, unknown> = {};
  const raw = env["PULUMI_CONFIG"];
  if (raw) {
    try {
      const value: unknown = JSON.parse(raw);
      if (value !== null && typeof value === "object") parsed = value as Record<string, unknown>;
    } catch {
      // Not JSON: no stack config, the ENOS_* variables still apply.
    }
  }
  return { get: (key) => parsed[key] };
}

/** Reads catalogs from EnOS, caching each OU's answer (or failure) for the life of the pack process. */
export function enosCatalogSource(config = stackConfigFromEnv()): CatalogSource {
  const cache = new Map<string, Promise<NameCatalog>>();
  return {
    load(kind, orgId) {
      const key = `${kind}:${orgId ?? ""}`;
      let entry = cache.get(key);
      if (entry === undefined) {
        const args = orgId === undefined ? {} : { orgId };
        const list = kind === "roles" ? getOrganizationRoles(config, args) : getUserGroups(config, args);
        entry = list.then((refs) => new Map(refs.map((ref) => [ref.id, ref.name])));
        cache.set(key, entry);
      }
      return entry;
    },
  };
}

/** Ids of the catalog entries whose name equals one of `names` (trimmed, case-insensitive). */
export function idsNamed(catalog: NameCatalog, names: readonly string[]): Set<string> {
  const wanted = new Set(names.map(normaliseName));
  const ids = new Set<string>();
  for (const [id, name] of catalog) if (wanted.has(normaliseName(name))) ids.add(id);
  return ids;
}

const normaliseName = (name: string): string => name.trim().toLowerCase();

/** `r-org-admin ("Organization Administrator")`, or the id with "(name unknown)" when the catalog lacks it. */
export function labelOf(id: string, catalog: NameCatalog | undefined): string {
  const name = catalog?.get(id);
  return name === undefined ? `${id} (name unknown)` : `${id} ("${name}")`;
}

/**
 * Loads a catalog for a rule. `required`: the rule cannot decide without names (they are configured by name), so a
 * failure is thrown, which fails the preview with the reason (fail closed). Otherwise the names only decorate
 * messages, and a failure yields undefined.
 */
export async function loadCatalog(
  source: CatalogSource,
  kind: CatalogKind,
  orgId: string | undefined,
  required: { configKey: string } | undefined,
): Promise<NameCatalog | undefined> {
  try {
    return await source.load(kind, orgId);
  } catch (error) {
    if (required === undefined) return undefined;
    const reason = error instanceof Error ? error.message : String(error);
    const what = kind === "roles" ? "role" : "user group";
    throw new PolicyInputError(
      `cannot resolve the ${what} names of ${required.configKey} in ${orgId === undefined ? "the default OU" : `OU ${orgId}`}: ${reason}; ` +
        `give the pack EnOS credentials (the stack's enos:* config or ENOS_* variables) or configure ids instead`,
    );
  }
}

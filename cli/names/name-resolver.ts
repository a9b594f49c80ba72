/**
 * Names for the ids a report shows, with at most one EnOS call per OU and kind: the OU's role list, its user-group
 * list (both in the requested locale) and the user roster narrowed to the users shown. A lookup EnOS refuses (e.g. a
 * service account without the roster permission) leaves those ids unnamed and adds a note saying why.
 */
import { oneLine } from "../errors";
import type { ClientPool } from "./client-pool";
import type { Credentials } from "./credentials";

export type LookupKind = "role" | "group" | "user";

const KIND_WORDS: Record<LookupKind, string> = { role: "role", group: "user group", user: "user" };

/** The resolved names. */
export class NameBook {
  constructor(
    private readonly tables: ReadonlyMap<string, ReadonlyMap<string, string>>,
    /** Why some names are missing, one line each. */
    readonly notes: readonly string[],
  ) {}

  name(orgId: string, kind: LookupKind, id: string): string | undefined {
    const name = this.tables.get(`${orgId}\u0000${kind}`)?.get(id);
    return name === "" ? undefined : name;
  }
}

interface Wanted {
  orgId: string;
  kind: LookupKind;
  credentials: Credentials;
  ids: Set<string>;
}

export class NameResolver {
  private readonly wanted = new Map<string, Wanted>();
  private readonly known = new Map<string, Map<string, string>>();

  constructor(private readonly locale: string | undefined) {}

  want(credentials: Credentials, orgId: string, kind: LookupKind, id: string): void {
    const key = `${orgId}\u0000${kind}`;
    if (this.known.get(key)?.has(id)) return;
    let entry = this.wanted.get(key);
    if (!entry) {
      entry = { orgId, kind, credentials, ids: new Set() };
      this.wanted.set(key, entry);
    }
    entry.ids.add(id);
  }

  /** Names already fetched by another call (e.g. the full roster of drift --unmanaged). */
  prefill(orgId: string, kind: LookupKind, names: ReadonlyMap<string, string>): void {
    const key = `${orgId}\u0000${kind}`;
    const table = this.known.get(key) ?? new Map<string, string>();
    names.forEach((name, id) => table.set(id, name));
    this.known.set(key, table);
    const entry = this.wanted.get(key);
    if (entry) for (const id of names.keys()) entry.ids.delete(id);
  }

  private async fetch(pool: ClientPool, entry: Wanted): Promise<Map<string, string>> {
    const client = pool.clientFor(entry.credentials);
    if (entry.kind === "user") {
      const users = await client.appPortalUsers.listOrganizationUsers(entry.orgId, { userIds: [...entry.ids] });
      return new Map(users.map((user) => [user.userId, user.name]));
    }
    const list =
      entry.kind === "role"
        ? await client.appPortal.listOrganizationRoles(entry.orgId, this.locale)
        : await client.appPortal.listOrganizationUserGroups(entry.orgId, this.locale);
    return new Map(list.map((ref) => [ref.id, ref.name]));
  }

  async resolve(pool: ClientPool): Promise<NameBook> {
    const notes: string[] = [];
    const pending = [...this.wanted.entries()].filter(([, entry]) => entry.ids.size > 0);
    await Promise.all(
      pending.map(async ([key, entry]) => {
        try {
          const table = this.known.get(key) ?? new Map<string, string>();
          (await this.fetch(pool, entry)).forEach((name, id) => table.set(id, name));
          this.known.set(key, table);
        } catch (error) {
          notes.push(`${KIND_WORDS[entry.kind]} names of OU ${entry.orgId} not shown: ${oneLine(error)}`);
        }
      }),
    );
    this.wanted.clear();
    return new NameBook(this.known, notes.sort());
  }
}

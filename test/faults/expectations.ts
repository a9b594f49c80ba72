/**
 * What EnOS must hold after each phase: the seed plus exactly what the program (program/index.js) declares, no
 * more. Objects are compared by what the program sets (generated ids, keys and timestamps aside), grants as sets, and
 * apps, menus and permissions are also counted by keyword (duplicates) and matched against the stack's ids
 * (orphans: in EnOS, not in the stack; lost: in the stack, not in EnOS).
 */
import type { StateData } from "../../emulator";

export type Variant = "a" | "b";

/** The program's declarations for one variant and tag (keep in sync with program/index.js). */
export interface Declared {
  app: { keyword: string; name: string; description: string; categoryId: number };
  menu: { keyword: string; name: string };
  permission: { keyword: string; name: string };
  bobRoles: string[];
  aliceGroups: string[];
  disabledDevice: string;
}

export function declared(tag: string, variant: Variant): Declared {
  const b = variant === "b";
  return {
    app: { keyword: `fm-${tag}`, name: `Fault matrix ${tag}`, description: b ? "updated" : "created", categoryId: 101 },
    menu: { keyword: "fm-menu", name: b ? "Menu (updated)" : "Menu" },
    permission: { keyword: "fm.permission", name: b ? "Permission (updated)" : "Permission" },
    bobRoles: b ? ["r-auditor"] : ["r-operator"],
    aliceGroups: b ? ["g-field"] : ["g-ops"],
    disabledDevice: b ? "a-turbine-8" : "a-turbine-7",
  };
}

/** The state with generated values dropped and lists in a stable order, for comparison. */
function comparable(state: StateData): Record<string, unknown> {
  const { sequence: _sequence, apps, menus, permissions, roleGrants, groupGrants, ...rest } = state;
  const keywordOf = new Map(apps.map((app) => [app.id, app.keyword]));
  const byUser = (a: { userId: string }, b: { userId: string }) => a.userId.localeCompare(b.userId);
  return {
    ...rest,
    apps: apps.map((a) => ({
      keyword: a.keyword,
      name: a.name["default"],
      description: a.description["default"],
      categoryId: a.categoryId,
    })),
    menus: menus.map((m) => ({ app: keywordOf.get(m.appId) ?? m.appId, keyword: m.keyword, name: m.name["default"] })),
    permissions: permissions.map((p) => ({
      app: keywordOf.get(p.appId) ?? p.appId,
      keyword: p.keyword,
      name: p.name["default"],
    })),
    roleGrants: roleGrants
      .map((g) => ({ ...g, roleIds: [...g.roleIds].sort() }))
      .filter((g) => g.roleIds.length > 0)
      .sort(byUser),
    groupGrants: groupGrants
      .map((g) => ({ ...g, userGroupIds: [...g.userGroupIds].sort() }))
      .filter((g) => g.userGroupIds.length > 0)
      .sort(byUser),
  };
}

/** The comparable form of the seed with the program's declarations applied (grants are additive: seeded ids stay). */
function expectedState(seed: StateData, want: Declared): Record<string, unknown> {
  const state = structuredClone(seed);
  const grant = <G extends { orgId: string; userId: string }>(list: G[], userId: string, make: () => G): G => {
    let found = list.find((g) => g.orgId === "o-demo" && g.userId === userId);
    if (!found) list.push((found = make()));
    return found;
  };
  grant(state.roleGrants, "u-bob", () => ({ orgId: "o-demo", userId: "u-bob", roleIds: [] })).roleIds.push(
    ...want.bobRoles,
  );
  grant(state.groupGrants, "u-alice", () => ({
    orgId: "o-demo",
    userId: "u-alice",
    userGroupIds: [],
  })).userGroupIds.push(...want.aliceGroups);
  for (const device of state.devices) if (device.assetId === want.disabledDevice) device.enabled = false;
  const app = want.app.keyword;
  return {
    ...comparable(state),
    apps: [want.app],
    menus: [{ app, ...want.menu }],
    permissions: [{ app, ...want.permission }],
  };
}

/** The ids the stack holds for apps, menus and permissions, read from its checkpoint. */
export interface StackIds {
  apps: string[];
  menus: string[];
  permissions: string[];
  /** Every resource of ours in the stack. */
  count: number;
}

/** Problems found, each one line; empty when EnOS holds exactly `want` (or the seed, when `want` is undefined). */
export function differences(seed: StateData, live: StateData, want: Declared | undefined, ids: StackIds): string[] {
  const problems: string[] = [];
  const expected = want === undefined ? comparable(seed) : expectedState(seed, want);
  const actual = comparable(live);
  for (const key of Object.keys(expected)) {
    const [e, a] = [JSON.stringify(expected[key]), JSON.stringify(actual[key])];
    if (e !== a) problems.push(`EnOS ${key}: expected ${e}, found ${a}`);
  }
  problems.push(...duplicates(live), ...unmatched(live, ids));
  if (want === undefined && ids.count > 0) problems.push(`the stack still holds ${ids.count} resources after destroy`);
  return problems;
}

/** More than one object with one keyword in one place. */
function duplicates(live: StateData): string[] {
  const places = [
    ...live.apps.map((a) => `app ${a.orgId}/${a.keyword}`),
    ...live.menus.map((m) => `menu ${m.appId}/${m.keyword}`),
    ...live.permissions.map((p) => `permission ${p.appId}/${p.keyword}`),
  ];
  const counts = new Map<string, number>();
  for (const place of places) counts.set(place, (counts.get(place) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([place, n]) => `duplicate: ${n} x ${place}`);
}

/** Orphans (in EnOS, not in the stack) and lost resources (in the stack, not in EnOS). */
function unmatched(live: StateData, ids: StackIds): string[] {
  const problems: string[] = [];
  const kinds = [
    ["app", live.apps.map((a) => a.id), ids.apps],
    ["menu", live.menus.map((m) => m.id), ids.menus],
    ["permission", live.permissions.map((p) => p.id), ids.permissions],
  ] as const;
  for (const [noun, inEnos, inStack] of kinds) {
    for (const id of inEnos)
      if (!inStack.includes(id)) problems.push(`orphan: ${noun} ${id} is in EnOS, not in the stack`);
    for (const id of inStack)
      if (!inEnos.includes(id)) problems.push(`lost: ${noun} ${id} is in the stack, not in EnOS`);
  }
  return problems;
}

/** Orphans and duplicates, counted, for the figures. */
export function strayCount(live: StateData, ids: StackIds): { orphans: number; duplicates: number } {
  return {
    orphans: unmatched(live, ids).filter((p) => p.startsWith("orphan")).length,
    duplicates: duplicates(live).length,
  };
}

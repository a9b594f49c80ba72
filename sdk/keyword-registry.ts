import * as pulumi from "@pulumi/pulumi";
import type { PendingIssue, ProgramIssue } from "./program-issues";

// EnOS keeps one app per keyword in an OU, and one menu or permission per keyword in an app. Two resources of one
// program that declare the same keyword would both try to own one EnOS object: the second create fails ("already
// used"), or, with `adopt: true`, takes over the first one's object, which then has two owners that undo each other.
// The program process sees every resource, so the check lives here (like the exhaustive-grant check): the second
// resource's `check` fails, before anything is written (at `pulumi preview` whenever the keyword is known then).

/** The resources that own a keyword: the kind, and what the keyword is unique within. */
export type KeywordKind = "EnosApp" | "AppMenu" | "AppPermission";

const owners = new Map<string, string>();
// An unresolved Output or Promise (e.g. `app.id` of an app created in this run) stands for its value by identity:
// every menu given the same `app.id` belongs to the same app, even before the id is known.
const pendingScopes = new WeakMap<object, string>();
let pendingCount = 0;

/** How a keyword's scope prints in a message: "OU 'o-demo'" or "app 'app-1'", or the app of an output. */
export interface Scope {
  key: string;
  label: string;
}

/** The scope of `kind`'s keyword: its OU (apps) or its app (menus, permissions). */
export function scopeOf(kind: KeywordKind, value: pulumi.Input<string> | undefined, defaultOrgId?: string): Scope {
  if (typeof value === "string") return kind === "EnosApp" ? ouScope(value) : appScope(value);
  if (value === undefined) return ouScope(defaultOrgId ?? "(default)");
  let token = pendingScopes.get(value);
  if (token === undefined) {
    token = `pending-${++pendingCount}`;
    pendingScopes.set(value, token);
  }
  return kind === "EnosApp"
    ? { key: `ou:${token}`, label: "the same OU" }
    : { key: `app:${token}`, label: "the same app" };
}

const ouScope = (orgId: string): Scope => ({ key: `ou:${orgId}`, label: `OU '${orgId}'` });
const appScope = (appId: string): Scope => ({ key: `app:${appId}`, label: `app '${appId}'` });

/** Why `self` and `first` cannot both exist, and the ways out. */
export function duplicateKeywordMessage(
  kind: KeywordKind,
  self: string,
  first: string,
  keyword: string,
  scope: Scope,
): string {
  const object = { EnosApp: "app", AppMenu: "menu", AppPermission: "permission" }[kind];
  return (
    `${kind} '${self}' and '${first}' both declare keyword '${keyword}' in ${scope.label}: EnOS keeps one ${object} ` +
    `per keyword there, so both resources would own the same ${object} (the second create fails, or with ` +
    `adopt: true takes over the first one's ${object}). Give each resource its own keyword, or remove one of them.`
  );
}

/**
 * Registers `resourceName`'s keyword and returns the issue when another resource of `kind` already declared it in
 * the same scope. A plain keyword is checked at once; a keyword given as an Output when it resolves.
 */
export function claimKeyword(
  kind: KeywordKind,
  resourceName: string,
  scopeValue: pulumi.Input<string> | undefined,
  keyword: pulumi.Input<string>,
): PendingIssue {
  const scope = scopeOf(kind, scopeValue, kind === "EnosApp" ? defaultOrgId() : undefined);
  const claim = (value: string): ProgramIssue | undefined => {
    const key = `${kind}|${scope.key}|${value}`;
    const first = owners.get(key);
    if (first !== undefined && first !== resourceName) {
      return { property: "keyword", reason: duplicateKeywordMessage(kind, resourceName, first, value, scope) };
    }
    owners.set(key, resourceName);
    return undefined;
  };
  return typeof keyword === "string" ? claim(keyword) : pulumi.output(keyword).apply(claim);
}

function defaultOrgId(): string | undefined {
  return pulumi.runtime.getConfig("enos:orgId") ?? process.env["ENOS_ORG_ID"];
}

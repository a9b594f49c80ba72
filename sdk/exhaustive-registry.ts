import * as pulumi from "@pulumi/pulumi";
import type { ProgramIssue } from "./program-issues";

// An exhaustive grant says "these ids are the user's whole set", so any other resource of the same kind for the same
// (OU, user) fights it forever: two exhaustive ones remove each other's ids on every run, and an additive one's
// ids are removed by the exhaustive one and put back by itself. The program
// process sees every resource, so the check lives here rather than in the provider; the resource's check reports it.
const targets = new Map<string, Target[]>();

/** One grant resource as the registry sees it. */
export interface Target {
  name: string;
  exhaustive: boolean;
}

/** The resource among `others` (same kind, OU and user) that `self` cannot coexist with, if any. */
export function rivalOf(self: Target, others: readonly Target[]): Target | undefined {
  return others.find((other) => other.name !== self.name && (other.exhaustive || self.exhaustive));
}

/**
 * Registers a grant resource of `kind` for its OU and user, and returns the issue when it and another resource of
 * `kind` for the same OU and user cannot both hold (one of them exhaustive).
 */
export function claimExhaustiveTarget(
  kind: string,
  resourceName: string,
  orgId: pulumi.Input<string> | undefined,
  userId: pulumi.Input<string>,
  exhaustive: pulumi.Input<boolean> | undefined,
): pulumi.Output<ProgramIssue | undefined> {
  return pulumi.all([orgId, userId, exhaustive]).apply(([org, user, isExhaustive]) => {
    const ou = org ?? defaultOrgId() ?? "(default)";
    const key = `${kind}:${ou}/${user}`;
    const self = { name: resourceName, exhaustive: isExhaustive === true };
    const others = (targets.get(key) ?? []).filter((other) => other.name !== resourceName);
    const rival = rivalOf(self, others);
    if (rival !== undefined) return { property: "exhaustive", reason: conflictMessage(kind, self, rival, user, ou) };
    targets.set(key, [...others, self]);
    return undefined;
  });
}

/** Why `self` and `rival` cannot both exist, and the two ways out. */
export function conflictMessage(kind: string, self: Target, rival: Target, user: string, ou: string): string {
  const where = `for user '${user}' in OU '${ou}'`;
  if (self.exhaustive && rival.exhaustive) {
    return (
      `${kind} '${self.name}' and '${rival.name}' are both exhaustive ${where}: each would remove the other's ids ` +
      `on every run. Merge them into one resource, or set exhaustive: false on one of them.`
    );
  }
  const [exhaustive, additive] = self.exhaustive ? [self, rival] : [rival, self];
  return (
    `${kind} '${exhaustive.name}' is exhaustive ${where}, so the ids of '${additive.name}' would be removed by it ` +
    `and granted again on every run. List them in '${exhaustive.name}' and remove '${additive.name}', or set ` +
    `exhaustive: false on '${exhaustive.name}'.`
  );
}

function defaultOrgId(): string | undefined {
  return pulumi.runtime.getConfig("enos:orgId") ?? process.env["ENOS_ORG_ID"];
}

import * as pulumi from "@pulumi/pulumi";

// Two exhaustive grants for one (OU, user) would remove each other's ids on every run, forever (peers.md: the Okta
// for_each loop). The program process sees every resource, so the check lives here rather than in the provider.
const claims = new Map<string, string>();

/** Fails the program when a second exhaustive resource of `kind` targets the same OU and user. */
export function claimExhaustiveTarget(
  kind: string,
  resourceName: string,
  orgId: pulumi.Input<string> | undefined,
  userId: pulumi.Input<string>,
  exhaustive: pulumi.Input<boolean> | undefined,
): void {
  pulumi.all([orgId, userId, exhaustive]).apply(([org, user, isExhaustive]) => {
    if (isExhaustive !== true) return;
    const key = `${kind}:${org ?? defaultOrgId() ?? ""}/${user}`;
    const owner = claims.get(key);
    if (owner !== undefined && owner !== resourceName) {
      throw new Error(
        `${kind} '${resourceName}' and '${owner}' are both exhaustive for user '${user}' in OU ` +
          `'${org ?? defaultOrgId() ?? "(default)"}': each would remove the other's ids on every run. ` +
          `Merge them into one resource, or set exhaustive: false on one of them.`,
      );
    }
    claims.set(key, resourceName);
  });
}

function defaultOrgId(): string | undefined {
  return pulumi.runtime.getConfig("enos:orgId") ?? process.env["ENOS_ORG_ID"];
}

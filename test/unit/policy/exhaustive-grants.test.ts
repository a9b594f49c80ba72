import {
  EXHAUSTIVE_GRANTS,
  exhaustiveGrantsConfig,
  exhaustiveGrantsPolicy,
  exhaustiveGroupViolations,
  exhaustiveRoleViolations,
} from "../../../policy";
import { fakeSource, resource, ROLES, runResourcePolicy, subject } from "./fixtures";

const roles = (props: { exhaustive?: boolean; maxRemovals?: number; protectedRoleIds?: string[] }) =>
  subject("alice-roles", {
    orgId: "o-demo",
    userId: "u-alice",
    roleIds: ["r-device-admin"],
    exhaustive: props.exhaustive,
    protectedRoleIds: props.protectedRoleIds,
    maxRemovals: props.maxRemovals,
  });

describe("exhaustive grants (rule 3)", () => {
  const defaults = exhaustiveGrantsConfig.parse({});

  it("defaults: maxRemovals at most 5, the Organization Administrator role protected", () => {
    expect(defaults).toEqual({
      maxRemovalsLimit: 5,
      breakGlassRoleIds: [],
      breakGlassRoleNames: ["Organization Administrator"],
      breakGlassUserGroupIds: [],
    });
  });

  it("passes the quickstart's grant and every additive grant", () => {
    const quickstart = roles({ exhaustive: true, maxRemovals: 3, protectedRoleIds: ["r-org-admin"] });
    expect(exhaustiveRoleViolations(quickstart, defaults, ROLES)).toEqual([]);
    expect(exhaustiveRoleViolations(roles({}), defaults, ROLES)).toEqual([]);
  });

  it("requires maxRemovals within the limit and the break-glass roles protected", () => {
    expect(exhaustiveRoleViolations(roles({ exhaustive: true }), defaults, ROLES)).toEqual([
      `exhaustive RoleAssignment 'alice-roles' (user u-alice in OU o-demo) sets no maxRemovals, so one run may ` +
        `remove any number of roles; set maxRemovals to at most 5 (${EXHAUSTIVE_GRANTS}.maxRemovalsLimit in the ` +
        `policy pack config)`,
      `exhaustive RoleAssignment 'alice-roles' (user u-alice in OU o-demo) does not protect the break-glass role ` +
        `r-org-admin ("Organization Administrator"): it would remove that role from the user; add it to ` +
        `protectedRoleIds (break-glass roles: ${EXHAUSTIVE_GRANTS}.breakGlassRoleIds and .breakGlassRoleNames in ` +
        `the policy pack config)`,
    ]);
    const tooMany = roles({ exhaustive: true, maxRemovals: 9, protectedRoleIds: ["r-org-admin"] });
    expect(exhaustiveRoleViolations(tooMany, defaults, ROLES)).toEqual([
      expect.stringContaining(
        "sets maxRemovals 9, above the limit 5; lower maxRemovals, or raise enos-exhaustive-grants.maxRemovalsLimit",
      ),
    ]);
    expect(exhaustiveRoleViolations(tooMany, { ...defaults, maxRemovalsLimit: 10 }, ROLES)).toEqual([]);
  });

  it("checks exhaustive user group memberships against the break-glass groups", () => {
    const membership = subject("alice-groups", {
      orgId: "o-demo",
      userId: "u-alice",
      userGroupIds: ["g-ops"],
      exhaustive: true,
      protectedUserGroupIds: undefined,
      maxRemovals: 2,
    });
    expect(exhaustiveGroupViolations(membership, defaults, undefined)).toEqual([]);
    expect(
      exhaustiveGroupViolations(membership, { ...defaults, breakGlassUserGroupIds: ["g-eng"] }, undefined),
    ).toEqual([
      expect.stringContaining(
        "does not protect the break-glass user group g-eng (name unknown): it would remove the user from it",
      ),
    ]);
  });

  it("as a policy reads role names only for exhaustive role grants", async () => {
    const source = fakeSource();
    const policy = exhaustiveGrantsPolicy(source);
    const additive = resource("RoleAssignment", "bob", { orgId: "o-demo", userId: "u-bob", roleIds: ["r-operator"] });
    expect(await runResourcePolicy(policy, additive)).toEqual([]);
    expect(source.loads).toEqual([]);
    const exhaustive = resource("RoleAssignment", "a", {
      orgId: "o-demo",
      userId: "u-alice",
      roleIds: [],
      exhaustive: true,
      maxRemovals: 1,
    });
    expect(await runResourcePolicy(policy, exhaustive)).toEqual([expect.stringContaining("r-org-admin")]);
    expect(await runResourcePolicy(policy, exhaustive, { breakGlassRoleNames: [] })).toEqual([]);
    expect(source.loads).toEqual([["roles", "o-demo"]]);
  });
});

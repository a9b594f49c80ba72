import {
  grantsByUser,
  SEPARATION_OF_DUTIES,
  separationOfDutiesConfig,
  separationOfDutiesPolicy,
  separationOfDutiesViolations,
} from "../../../policy";
import { fakeSource, resource, ROLES, runStackPolicy, subject } from "./fixtures";

const grant = (name: string, userId: string, roleIds: string[], orgId = "o-demo") =>
  subject(name, { orgId, userId, roleIds, exhaustive: undefined, protectedRoleIds: undefined, maxRemovals: undefined });

describe("separation of duties (rule 2)", () => {
  const config = separationOfDutiesConfig.parse({ conflictingRoleIds: [["r-auditor", "r-org-admin"]] });

  it("has no pairs by default", () => {
    expect(separationOfDutiesConfig.parse({})).toEqual({ conflictingRoleIds: [], conflictingRoleNames: [] });
  });

  it("finds a pair split across two RoleAssignments of one user, reported on the second", () => {
    const a = grant("audit", "u-dave", ["r-auditor"]);
    const b = grant("admin", "u-dave", ["r-org-admin", "r-viewer"]);
    const [user, ...others] = grantsByUser([a, b, grant("bob", "u-bob", ["r-org-admin"])]);
    expect(others).toHaveLength(1);
    expect(separationOfDutiesViolations(user!, config, ROLES)).toEqual([
      {
        urn: b.urn,
        message:
          `user u-dave in OU o-demo would hold both r-auditor ("Auditor") and r-org-admin ("Organization ` +
          `Administrator") (granted by RoleAssignment 'audit' and RoleAssignment 'admin'), a pair that ` +
          `${SEPARATION_OF_DUTIES}.conflictingRoleIds forbids one user to hold; grant the user only one of them, or ` +
          `change ${SEPARATION_OF_DUTIES}.conflictingRoleIds in the policy pack config`,
      },
    ]);
  });

  it("keeps OUs apart and passes a user holding one role of each pair", () => {
    const users = grantsByUser([grant("a", "u-dave", ["r-auditor"]), grant("b", "u-dave", ["r-org-admin"], "o-other")]);
    expect(users).toHaveLength(2);
    for (const user of users) expect(separationOfDutiesViolations(user, config, ROLES)).toEqual([]);
  });

  it("resolves pairs given by name in the OU", () => {
    const byName = separationOfDutiesConfig.parse({ conflictingRoleNames: [["Operator", "auditor"]] });
    const [user] = grantsByUser([grant("one", "u-carol", ["r-operator", "r-auditor"])]);
    const [conflict] = separationOfDutiesViolations(user!, byName, ROLES);
    expect(conflict?.message).toContain(
      "(granted by RoleAssignment 'one'), a pair that enos-separation-of-duties.conflictingRoleNames",
    );
    expect(separationOfDutiesViolations(user!, byName, undefined)).toEqual([]); // names need the catalog
  });

  it("as a stack policy reads EnOS only when pairs are named or a conflict needs wording", async () => {
    const source = fakeSource();
    const policy = separationOfDutiesPolicy(source);
    const stack = [
      resource("RoleAssignment", "audit", { orgId: "o-demo", userId: "u-dave", roleIds: ["r-auditor"] }),
      resource("RoleAssignment", "ops", { orgId: "o-demo", userId: "u-dave", roleIds: ["r-operator"] }),
      resource("DeviceEnablement", "d", { assetId: "a-1", enabled: false }),
    ];
    expect(await runStackPolicy(policy, stack)).toEqual([]);
    expect(await runStackPolicy(policy, stack, { conflictingRoleIds: [["r-auditor", "r-admin"]] })).toEqual([]);
    expect(source.loads).toEqual([]);
    const reported = await runStackPolicy(policy, stack, { conflictingRoleIds: [["r-operator", "r-auditor"]] });
    expect(reported).toEqual([
      [expect.stringContaining(`r-operator ("Operator") and r-auditor ("Auditor")`), stack[0]!.urn],
    ]);
    expect(source.loads).toEqual([["roles", "o-demo"]]);
  });

  it("rejects a pair that is not two ids", async () => {
    const policy = separationOfDutiesPolicy(fakeSource());
    await expect(runStackPolicy(policy, [], { conflictingRoleIds: [["r-a"]] })).rejects.toThrow(
      `${SEPARATION_OF_DUTIES}.conflictingRoleIds.0:`,
    );
  });
});

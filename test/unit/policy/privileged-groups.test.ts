import {
  PRIVILEGED_GROUPS,
  privilegedGroupsConfig,
  privilegedGroupsPolicy,
  privilegedGroupViolations,
} from "../../../policy";
import { fakeSource, GROUPS, resource, runResourcePolicy, subject } from "./fixtures";

const membership = (userId: string, userGroupIds: string[]) =>
  subject("m", {
    orgId: "o-demo",
    userId,
    userGroupIds,
    exhaustive: undefined,
    protectedUserGroupIds: undefined,
    maxRemovals: undefined,
  });

describe("privileged user groups (rule 6: members hold their group's roles)", () => {
  it("lists no group by default, and the policy then reads nothing", async () => {
    expect(privilegedGroupsConfig.parse({})).toEqual({ userGroupIds: [], userGroupNames: [], allowedUserIds: [] });
    const source = fakeSource();
    const m = resource("UserGroupMembership", "m", { orgId: "o-demo", userId: "u-bob", userGroupIds: ["g-ops"] });
    expect(await runResourcePolicy(privilegedGroupsPolicy(source), m)).toEqual([]);
    expect(source.loads).toEqual([]);
    expect(await runResourcePolicy(privilegedGroupsPolicy(source), m, { userGroupNames: ["operations"] })).toHaveLength(
      1,
    );
    expect(source.loads).toEqual([["userGroups", "o-demo"]]);
  });

  it("lets only listed users join a privileged group", () => {
    const config = privilegedGroupsConfig.parse({ userGroupIds: ["g-ops"], allowedUserIds: ["u-alice"] });
    expect(privilegedGroupViolations(membership("u-alice", ["g-ops"]), config, GROUPS)).toEqual([]);
    expect(privilegedGroupViolations(membership("u-bob", ["g-eng"]), config, GROUPS)).toEqual([]);
    expect(privilegedGroupViolations(membership("u-bob", ["g-eng", "g-ops"]), config, GROUPS)).toEqual([
      `UserGroupMembership 'm' adds user u-bob in OU o-demo to the privileged user group g-ops ("Operations") ` +
        `(members hold the group's roles), and u-bob is not in ${PRIVILEGED_GROUPS}.allowedUserIds; remove the ` +
        `group from userGroupIds, or add u-bob to ${PRIVILEGED_GROUPS}.allowedUserIds in the policy pack config`,
    ]);
  });
});

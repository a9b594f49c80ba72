import { checkInputs, userGroupMembershipSchema } from "../../../provider/inputs";
import { expectFailure, expectInputs } from "./expect-check";

const valid = { userId: "u-alice", userGroupIds: ["g-ops"] };
const check = (news: Record<string, unknown>) => checkInputs(userGroupMembershipSchema, news, { orgId: "o-1" });

describe("checkUserGroupMembership rejects bad input, naming the property and the fix", () => {
  it.each([
    ["userGroupIds is missing", { userGroupIds: undefined }, "userGroupIds", ["a list of user group ids"]],
    ["userGroupIds is empty without exhaustive", { userGroupIds: [] }, "userGroupIds", ["exhaustive: true"]],
    ["userGroupIds holds a number", { userGroupIds: ["g-1", 2] }, "userGroupIds.1", ["user group id", "got 2"]],
    ["maxRemovals is negative", { maxRemovals: -3 }, "maxRemovals", ["integer >= 0", "groups"]],
    ["userId has trailing spaces", { userId: "u-alice " }, "userId", ["without surrounding spaces"]],
    ["the list name is singular", { userGroupId: "g-1" }, "userGroupId", ["did you mean 'userGroupIds'?"]],
    ["the role list is used", { roleIds: ["r-1"] }, "roleIds", ["unknown property 'roleIds'"]],
  ])("when %s", (_title, override, property, fragments) => {
    expectFailure(check({ ...valid, ...override }), property, ...fragments);
  });
});

describe("checkUserGroupMembership normalises and applies defaults", () => {
  it("sorts the lists, defaults exhaustive to false and fills orgId", () => {
    const inputs = expectInputs(
      check({ ...valid, userGroupIds: ["g-2", "g-1", "g-2"], protectedUserGroupIds: ["g-9"], maxRemovals: 2 }),
    );
    expect(inputs).toEqual({
      orgId: "o-1",
      userId: "u-alice",
      userGroupIds: ["g-1", "g-2"],
      exhaustive: false,
      restoreOnDelete: true,
      protectedUserGroupIds: ["g-9"],
      maxRemovals: 2,
    });
  });

  it("allows an empty list with exhaustive: true", () => {
    expectInputs(check({ ...valid, userGroupIds: [], exhaustive: true }));
  });

  it("replaces on orgId and userId", () => {
    expect(userGroupMembershipSchema.replaceOn).toEqual(["orgId", "userId"]);
  });
});

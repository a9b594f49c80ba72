import { checkInputs, roleAssignmentSchema } from "../../../provider/inputs";
import { expectFailure, expectInputs } from "./expect-check";

const valid = { userId: "u-alice", roleIds: ["r-device-admin"] };
const check = (news: Record<string, unknown>) => checkInputs(roleAssignmentSchema, news, { orgId: "o-1" });

describe("checkRoleAssignment rejects bad input, naming the property and the fix", () => {
  it.each([
    ["userId is empty", { userId: "" }, "userId", ["userId must be a non-empty user id", 'got ""']],
    ["userId is missing", { userId: undefined }, "userId", ["userId is required"]],
    ["roleIds is a single string", { roleIds: "r-1" }, "roleIds", ["a list of role ids", 'got "r-1"']],
    ["roleIds is missing", { roleIds: undefined }, "roleIds", ["roleIds is required: it must be a list of role ids"]],
    ["roleIds holds an empty string", { roleIds: ["r-1", "r-2", ""] }, "roleIds.2", ["non-empty role id", 'got ""']],
    ["roleIds holds a null", { roleIds: ["r-1", null] }, "roleIds.1", ["non-empty role id", "got null"]],
    ["roleIds is empty without exhaustive", { roleIds: [] }, "roleIds", ["set exhaustive: true", "at least one"]],
    ["roleIds is empty with exhaustive: false", { roleIds: [], exhaustive: false }, "roleIds", ["exhaustive: true"]],
    ["exhaustive is a string", { exhaustive: "true" }, "exhaustive", ["exhaustive must be true", 'got "true"']],
    ["maxRemovals is negative", { maxRemovals: -1 }, "maxRemovals", ["integer >= 0", "got -1"]],
    ["maxRemovals is fractional", { maxRemovals: 0.5 }, "maxRemovals", ["integer >= 0", "got 0.5"]],
    ["protectedRoleIds holds an empty id", { protectedRoleIds: ["r-1", ""] }, "protectedRoleIds.1", ["non-empty"]],
    [
      "roleIds is misspelt as roleId",
      { roleId: "r-1" },
      "roleId",
      ["unknown property 'roleId'; did you mean 'roleIds'?"],
    ],
    ["an output is passed", { assignedRoleIds: ["r-1"] }, "assignedRoleIds", ["is an output"]],
  ])("when %s", (_title, override, property, fragments) => {
    expectFailure(check({ ...valid, ...override }), property, ...fragments);
  });
});

describe("checkRoleAssignment normalises and applies defaults", () => {
  it("defaults exhaustive to false and restoreOnDelete to true, leaves maxRemovals unlimited and fills orgId", () => {
    expect(expectInputs(check(valid))).toEqual({
      orgId: "o-1",
      userId: "u-alice",
      roleIds: ["r-device-admin"],
      exhaustive: false,
      restoreOnDelete: true,
    });
  });

  it("sorts id lists and drops duplicates instead of failing on them", () => {
    const inputs = expectInputs(
      check({ ...valid, roleIds: ["r-b", "r-a", "r-b"], protectedRoleIds: ["p-2", "p-1", "p-1"] }),
    );
    expect(inputs.roleIds).toEqual(["r-a", "r-b"]);
    expect(inputs.protectedRoleIds).toEqual(["p-1", "p-2"]);
  });

  it("allows an empty roleIds with exhaustive: true, and a protected id that is also listed", () => {
    expect(expectInputs(check({ ...valid, roleIds: [], exhaustive: true })).roleIds).toEqual([]);
    expectInputs(check({ ...valid, protectedRoleIds: ["r-device-admin"], maxRemovals: 0 }));
  });

  it("replaces on orgId and userId", () => {
    expect(roleAssignmentSchema.replaceOn).toEqual(["orgId", "userId"]);
  });
});

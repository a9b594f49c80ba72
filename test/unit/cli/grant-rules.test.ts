import { readGrantState, targetAfterDelete, targetAfterUpdate } from "../../../cli/analysis/grant-rules";
import { roles } from "./fixtures";

// README "Grants": exhaustive = listed + protected ids held; additive = listed added, previously listed and now
// dropped removed; protected never removed; delete removes the managed ids.
describe("what a grant resource does to the user's set", () => {
  const next = (roleIds: string[], extra: Record<string, unknown> = {}) =>
    readGrantState("role", roles("u", roleIds, [], [], extra));

  test.each([
    [
      "exhaustive: unlisted ids go, protected held ids stay",
      ["a", "p", "x"],
      ["a"],
      { exhaustive: true, protectedRoleIds: ["p"] },
      ["a", "p"],
    ],
    [
      "exhaustive: a listed id the user lacks is added",
      ["p"],
      ["a", "b"],
      { exhaustive: true, protectedRoleIds: ["p"] },
      ["a", "b", "p"],
    ],
    ["additive: other ids stay, listed ids are added", ["x"], ["a"], {}, ["a", "x"]],
    ["additive: an id listed before and dropped now is removed", ["a", "b", "x"], ["a"], {}, ["a", "x"]],
    ["additive: a protected id is never removed", ["a", "b"], ["a"], { protectedRoleIds: ["b"] }, ["a", "b"]],
  ])("%s", (_name, live, listed, extra, target) => {
    const previouslyManaged = ["a", "b"];
    expect(targetAfterUpdate(live, previouslyManaged, next(listed, extra))).toEqual(target);
  });

  test("delete removes the managed ids only", () => {
    const stored = readGrantState("role", roles("u", ["a", "p"], ["a", "p", "x"], ["a"], { protectedRoleIds: ["p"] }));
    expect(targetAfterDelete(["a", "p", "x"], stored)).toEqual(["p", "x"]);
  });

  test("ids come from the inputs, the live set from assignedRoleIds, the owner from the id when inputs lack it", () => {
    const grant = readGrantState("role", {
      id: "o-1/u-9",
      type: "t",
      inputs: { roleIds: ["b", "a", "a"] },
      outputs: { assignedRoleIds: ["c"] },
    });
    expect(grant).toMatchObject({
      orgId: "o-1",
      userId: "u-9",
      wanted: ["a", "b"],
      assigned: ["c"],
      managed: ["a", "b"],
    });
  });
});

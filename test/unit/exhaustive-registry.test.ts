import { conflictMessage, rivalOf } from "../../sdk/exhaustive-registry";

const exhaustive = (name: string) => ({ name, exhaustive: true });
const additive = (name: string) => ({ name, exhaustive: false });

describe("which grant resources for one OU and user cannot coexist", () => {
  test("any number of additive resources can", () => {
    expect(rivalOf(additive("c"), [additive("a"), additive("b")])).toBeUndefined();
  });

  test("an exhaustive one cannot share the user with an exhaustive or an additive one, whichever comes first", () => {
    expect(rivalOf(exhaustive("b"), [exhaustive("a")])).toEqual(exhaustive("a"));
    expect(rivalOf(exhaustive("b"), [additive("a")])).toEqual(additive("a"));
    expect(rivalOf(additive("b"), [exhaustive("a")])).toEqual(exhaustive("a"));
  });

  test("a resource registered twice (its inputs resolved again) is not its own rival", () => {
    expect(rivalOf(exhaustive("a"), [exhaustive("a")])).toBeUndefined();
  });
});

describe("the conflict message names both resources and the way out", () => {
  test("two exhaustive resources", () => {
    const message = conflictMessage("RoleAssignment", exhaustive("b"), exhaustive("a"), "u-alice", "o-demo");
    expect(message).toContain("RoleAssignment 'b' and 'a' are both exhaustive for user 'u-alice' in OU 'o-demo'");
    expect(message).toContain("set exhaustive: false on one of them");
  });

  test("an exhaustive and an additive resource, in either order", () => {
    for (const [self, rival] of [
      [additive("extra"), exhaustive("main")],
      [exhaustive("main"), additive("extra")],
    ] as const) {
      const message = conflictMessage("UserGroupMembership", self, rival, "u-bob", "o-demo");
      expect(message).toContain("UserGroupMembership 'main' is exhaustive for user 'u-bob' in OU 'o-demo'");
      expect(message).toContain("the ids of 'extra' would be removed by it");
      expect(message).toContain("set exhaustive: false on 'main'");
    }
  });
});

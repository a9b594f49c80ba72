import { EnosApiError } from "../../../provider/client";
import {
  assertWithinMaxRemovals,
  planGrants,
  reconcileGrants,
  targetSet,
  type GrantIo,
  type GrantProgress,
  type GrantRules,
} from "../../../provider/resources/grants/reconcile";

const wording = {
  subject: "RoleAssignment 'o-1/u-1'",
  noun: "role",
  listKey: "roleIds",
  protectedKey: "protectedRoleIds",
};

function rules(overrides: Partial<GrantRules>): GrantRules {
  return { wanted: [], exhaustive: false, protectedIds: [], released: [], ...overrides };
}

type Mode = "overwrite" | "additive";

/** One user's grants in memory; `append` behaves like appendRoles in `mode`. Records every call. */
function fakeUser(initial: string[], mode: Mode, options: { ignoreOnAppend?: string } = {}) {
  let held = new Set(initial);
  const calls: string[] = [];
  const io: GrantIo = {
    read: async () => {
      calls.push("read");
      return [...held];
    },
    append: async (ids) => {
      calls.push(`append ${ids.join(",")}`);
      const added = ids.filter((id) => id !== options.ignoreOnAppend);
      held = new Set(mode === "overwrite" ? added : [...held, ...added]);
    },
    remove: async (ids) => {
      calls.push(`remove ${ids.join(",")}`);
      ids.forEach((id) => held.delete(id));
    },
  };
  return { io, calls, held: () => [...held].sort() };
}

describe("targetSet computes the set a user should hold", () => {
  it.each([
    [
      "exhaustive: the listed ids plus the protected ids the user already holds",
      ["r-a", "r-admin", "r-x"],
      rules({ wanted: ["r-b"], exhaustive: true, protectedIds: ["r-admin", "r-audit"] }),
      ["r-admin", "r-b"],
    ],
    [
      "exhaustive with an empty list keeps only live protected ids",
      ["r-a", "r-admin"],
      rules({ exhaustive: true, protectedIds: ["r-admin"] }),
      ["r-admin"],
    ],
    ["additive: live ids plus the listed ones", ["r-x"], rules({ wanted: ["r-b", "r-a"] }), ["r-a", "r-b", "r-x"]],
    [
      "additive: ids released by the resource are removed, unless protected or listed again",
      ["r-a", "r-old", "r-admin", "r-x"],
      rules({ wanted: ["r-a"], released: ["r-old", "r-admin", "r-a"], protectedIds: ["r-admin"] }),
      ["r-a", "r-admin", "r-x"],
    ],
  ])("%s", (_title, live, given, expected) => {
    expect(targetSet(live, given)).toEqual(expected);
  });
});

describe("planGrants lists what to add and what to remove", () => {
  it("adds the missing ids and removes the extra ones, sorted", () => {
    expect(planGrants(["r-c", "r-a"], ["r-b", "r-a"])).toEqual({
      target: ["r-a", "r-b"],
      toAdd: ["r-b"],
      toRemove: ["r-c"],
    });
  });

  it("is empty when live equals the target", () => {
    expect(planGrants(["r-a"], ["r-a"])).toEqual({ target: ["r-a"], toAdd: [], toRemove: [] });
  });
});

describe("assertWithinMaxRemovals", () => {
  it("names every id and the limit when a run would remove too many", () => {
    expect(() => assertWithinMaxRemovals(wording, ["r-a", "r-b"], 1)).toThrow(
      "RoleAssignment 'o-1/u-1' would remove 2 role(s) [r-a, r-b], more than maxRemovals (1); nothing was changed",
    );
  });

  it("accepts a run at the limit, and any run without a limit", () => {
    expect(() => assertWithinMaxRemovals(wording, ["r-a"], 1)).not.toThrow();
    expect(() => assertWithinMaxRemovals(wording, ["r-a", "r-b"], undefined)).not.toThrow();
  });
});

describe.each<[Mode, Record<string, string[]>]>([
  [
    "overwrite",
    {
      addAndRemove: ["read", "append r-admin,r-b", "read"],
      addOnly: ["read", "append r-a,r-b,r-x", "read"],
    },
  ],
  [
    "additive",
    {
      addAndRemove: ["read", "append r-admin,r-b", "read", "remove r-x", "read"],
      addOnly: ["read", "append r-a,r-b,r-x", "read"],
    },
  ],
])("reconcileGrants with appendRoles in %s mode", (mode, expectedCalls) => {
  const exhaustive = rules({ wanted: ["r-b"], exhaustive: true, protectedIds: ["r-admin"] });

  it("reaches the same exhaustive target: listed + live protected, extras removed", async () => {
    const user = fakeUser(["r-admin", "r-x"], mode);
    const outcome = await reconcileGrants(user.io, (live) => targetSet(live, exhaustive), wording, undefined);
    expect(outcome).toEqual({ userMissing: false, live: ["r-admin", "r-b"] });
    expect(user.held()).toEqual(["r-admin", "r-b"]);
    expect(user.calls).toEqual(expectedCalls["addAndRemove"]);
  });

  it("adds without touching other ids in additive rules", async () => {
    const user = fakeUser(["r-x", "r-a"], mode);
    const additive = rules({ wanted: ["r-b"] });
    await reconcileGrants(user.io, (live) => targetSet(live, additive), wording, 0);
    expect(user.held()).toEqual(["r-a", "r-b", "r-x"]);
    expect(user.calls).toEqual(expectedCalls["addOnly"]);
  });

  it("only reads when the user already holds the target", async () => {
    const user = fakeUser(["r-admin", "r-b"], mode);
    await reconcileGrants(user.io, (live) => targetSet(live, exhaustive), wording, 0);
    expect(user.calls).toEqual(["read"]);
  });

  it("only removes (then verifies) when nothing is missing", async () => {
    const user = fakeUser(["r-b", "r-x", "r-y"], mode);
    await reconcileGrants(user.io, (live) => targetSet(live, exhaustive), wording, undefined);
    expect(user.held()).toEqual(["r-b"]);
    expect(user.calls).toEqual(["read", "remove r-x,r-y", "read"]);
  });

  it("refuses, before any write, to remove more than maxRemovals", async () => {
    const user = fakeUser(["r-x", "r-y"], mode);
    const run = reconcileGrants(user.io, (live) => targetSet(live, exhaustive), wording, 1);
    await expect(run).rejects.toThrow("would remove 2 role(s) [r-x, r-y], more than maxRemovals (1)");
    expect(user.calls).toEqual(["read"]);
    expect(user.held()).toEqual(["r-x", "r-y"]);
  });

  it("fails verification when a write did not take effect", async () => {
    const user = fakeUser([], mode, { ignoreOnAppend: "r-b" });
    const progress: GrantProgress = { wrote: false, live: undefined };
    const run = reconcileGrants(user.io, (live) => targetSet(live, rules({ wanted: ["r-b"] })), wording, 0, progress);
    await expect(run).rejects.toThrow("after writing, the user's roles are [] instead of [r-b]");
    expect(progress).toEqual({ wrote: true, live: [] });
  });
});

describe("reconcileGrants outcomes", () => {
  it("reports a user who is not in the OU after one read, writing nothing", async () => {
    const calls: string[] = [];
    const io: GrantIo = {
      read: async () => (calls.push("read"), undefined),
      append: async () => void calls.push("append"),
      remove: async () => void calls.push("remove"),
    };
    expect(await reconcileGrants(io, () => ["r-a"], wording, undefined)).toEqual({ userMissing: true });
    expect(calls).toEqual(["read"]);
  });

  it("marks progress as written when a write failed in a way that may have been applied", async () => {
    const user = fakeUser([], "overwrite");
    user.io.append = async () => Promise.reject(new Error("socket hang up"));
    const progress: GrantProgress = { wrote: false, live: undefined };
    await expect(reconcileGrants(user.io, () => ["r-a"], wording, undefined, progress)).rejects.toThrow("hang up");
    expect(progress.wrote).toBe(true);
  });

  it("does not mark progress when the service refused the write", async () => {
    const user = fakeUser([], "overwrite");
    const refusal = new EnosApiError({ method: "POST", path: "/x", status: 200, code: 31404, msg: "role.not.exist" });
    user.io.append = async () => Promise.reject(refusal);
    const progress: GrantProgress = { wrote: false, live: undefined };
    const run = reconcileGrants(user.io, () => ["r-a"], wording, undefined, progress);
    await expect(run).rejects.toThrow(
      "RoleAssignment 'o-1/u-1': EnOS refused to grant roles [r-a] (POST /x → 31404 role.not.exist): check that " +
        "every id in roleIds is a role of the OU",
    );
    await expect(run).rejects.toHaveProperty("cause", refusal);
    expect(progress.wrote).toBe(false);
  });
});

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
import {
  initialBehaviour,
  WRITE_MODES,
  type WriteBehaviour,
  type WriteMode,
} from "../../../provider/resources/grants/write-behaviour";

const wording = {
  subject: "RoleAssignment 'o-1/u-1'",
  noun: "role",
  listKey: "roleIds",
  protectedKey: "protectedRoleIds",
};

function rules(overrides: Partial<GrantRules>): GrantRules {
  return { wanted: [], exhaustive: false, protectedIds: [], released: [], ...overrides };
}

const apiError = (code: number, msg: string) =>
  new EnosApiError({ method: "POST", path: "/x", status: 200, code, msg });

/**
 * One user's grants in memory, its append behaving as `mode` says (write-behaviour.ts), strict refusals as EnOS
 * answers them. `dropAnswer` commits the next write of that op and then answers as the client's retry would: the
 * strict refusal, or success. Records every call and the set held after each write.
 */
function fakeUser(initial: string[], mode: WriteMode, options: { dropAnswer?: "append" | "remove" } = {}) {
  let held = new Set(initial);
  let drop = options.dropAnswer;
  const calls: string[] = [];
  const history: string[][] = [];
  const apply = (op: "append" | "remove", ids: string[]) => {
    const strict = mode === "additive-strict";
    if (strict && op === "append" && ids.some((id) => held.has(id))) throw apiError(31408, "role.already.existed");
    if (strict && op === "remove" && ids.some((id) => !held.has(id))) throw apiError(31404, "role.not.exist");
    if (op === "remove") ids.forEach((id) => held.delete(id));
    else held = new Set(mode === "overwrite" ? ids : [...held, ...ids]);
    history.push([...held].sort());
  };
  const write = (op: "append" | "remove") => async (ids: string[]) => {
    calls.push(`${op} ${ids.join(",")}`);
    apply(op, ids);
    if (drop === op) {
      drop = undefined;
      apply(op, ids); // the retry of a committed write
    }
  };
  const io: GrantIo = {
    read: async () => {
      calls.push("read");
      return [...held];
    },
    append: write("append"),
    remove: write("remove"),
  };
  return { io, calls, history, held: () => [...held].sort() };
}

const wantedOnly = (wanted: string[]) => (live: readonly string[]) => targetSet(live, rules({ wanted }));
const exhaustiveOf =
  (wanted: string[], protectedIds: string[] = []) =>
  (live: readonly string[]) =>
    targetSet(live, rules({ wanted, exhaustive: true, protectedIds }));

/** A behaviour record that already learned `mode` (what the first writes of a process teach). */
const known = (mode: WriteMode): WriteBehaviour => ({ candidates: [mode], verified: true, pinned: undefined });

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

/** Scenarios: the user's set before, and what the resource wants. */
const SCENARIOS: Array<[string, string[], (live: readonly string[]) => string[]]> = [
  ["additive create with held ids", ["r-admin"], wantedOnly(["r-b"])],
  ["additive create for a user with nothing", [], wantedOnly(["r-a", "r-b"])],
  ["exhaustive add and remove, protected kept", ["r-admin", "r-x"], exhaustiveOf(["r-b"], ["r-admin"])],
  ["exhaustive removal of everything unprotected", ["r-admin", "r-x", "r-y"], exhaustiveOf([], ["r-admin"])],
  ["exhaustive replace of every id", ["r-x"], exhaustiveOf(["r-a"])],
  ["already there", ["r-a", "r-b"], wantedOnly(["r-a"])],
];

type Knowledge = "auto" | "learned" | "pinned";

const behaviourOf = (knowledge: Knowledge, mode: WriteMode): WriteBehaviour =>
  knowledge === "auto" ? initialBehaviour("auto") : knowledge === "pinned" ? initialBehaviour(mode) : known(mode);

describe.each(WRITE_MODES)("reconcileGrants against a %s gateway", (mode) => {
  describe.each<Knowledge>(["auto", "learned", "pinned"])("knowing %s", (knowledge) => {
    it.each(SCENARIOS)(
      "%s: reaches the target, never dropping an id to keep, in few calls",
      async (_t, live, targetOf) => {
        const user = fakeUser(live, mode);
        const target = targetOf(live);
        const keep = live.filter((id) => target.includes(id));
        const outcome = await reconcileGrants(user.io, targetOf, wording, { behaviour: behaviourOf(knowledge, mode) });
        expect(outcome).toEqual({ userMissing: false, live: target });
        expect(user.held()).toEqual(target);
        for (const after of user.history) expect(after).toEqual(expect.arrayContaining(keep));
        expect(user.calls.length).toBeLessThanOrEqual(knowledge === "auto" ? 6 : 3);
      },
    );

    it.each(["append", "remove"] as const)(
      "re-reads and re-plans when the answer to the %s was lost and the retry is refused",
      async (op) => {
        const user = fakeUser(["r-admin", "r-x"], mode, { dropAnswer: op });
        const targetOf = exhaustiveOf(["r-b"], ["r-admin"]);
        const behaviour = behaviourOf(knowledge, mode);
        const outcome = await reconcileGrants(user.io, targetOf, wording, { behaviour });
        expect(outcome).toEqual({ userMissing: false, live: ["r-admin", "r-b"] });
        expect(user.held()).toEqual(["r-admin", "r-b"]);
      },
    );
  });

  it("costs one read and one write per step once the mode is known", async () => {
    const user = fakeUser(["r-admin"], mode);
    await reconcileGrants(user.io, wantedOnly(["r-b"]), wording, { behaviour: known(mode) });
    const append = mode === "overwrite" ? "append r-admin,r-b" : "append r-b";
    expect(user.calls).toEqual(["read", append]);
  });
});

describe("reconcileGrants learns the mode from the first writes", () => {
  it("learns additive-strict from 31408 to the full target and then appends only the missing ids", async () => {
    const user = fakeUser(["r-admin"], "additive-strict");
    const behaviour = initialBehaviour("auto");
    await reconcileGrants(user.io, wantedOnly(["r-b"]), wording, { behaviour });
    expect(user.calls).toEqual(["read", "append r-admin,r-b", "read", "append r-b", "read"]);
    expect(behaviour).toEqual({ candidates: ["additive-strict"], verified: true, pinned: undefined });

    const next = fakeUser(["r-admin"], "additive-strict");
    await reconcileGrants(next.io, wantedOnly(["r-c"]), wording, { behaviour });
    expect(next.calls).toEqual(["read", "append r-c"]);
  });

  it("tells overwrite from additive by the read-back of a full-target append that drops an id", async () => {
    for (const mode of ["overwrite", "additive"] as const) {
      const user = fakeUser(["r-x"], mode);
      const behaviour = initialBehaviour("auto");
      await reconcileGrants(user.io, exhaustiveOf(["r-a"]), wording, { behaviour });
      expect(behaviour.candidates).toEqual(mode === "overwrite" ? ["overwrite"] : ["additive", "additive-strict"]);
      expect(user.calls).toEqual(
        mode === "overwrite" ? ["read", "append r-a", "read"] : ["read", "append r-a", "read", "remove r-x"],
      );
    }
  });

  it("keeps both overwrite and additive open while no write tells them apart, and trusts appends both agree on", async () => {
    const behaviour = initialBehaviour("auto");
    const first = fakeUser(["r-admin"], "additive");
    await reconcileGrants(first.io, wantedOnly(["r-b"]), wording, { behaviour });
    expect(first.calls).toEqual(["read", "append r-admin,r-b", "read"]);
    expect(behaviour).toMatchObject({ candidates: ["overwrite", "additive"], verified: true });
    const second = fakeUser(["r-x"], "additive");
    await reconcileGrants(second.io, wantedOnly(["r-c"]), wording, { behaviour });
    expect(second.calls).toEqual(["read", "append r-c,r-x"]);
  });

  it("follows a 31408 over a pinned overwrite, and says so", async () => {
    const user = fakeUser(["r-admin"], "additive-strict");
    const messages: string[] = [];
    const behaviour = initialBehaviour("overwrite");
    await reconcileGrants(user.io, wantedOnly(["r-b"]), wording, {
      behaviour,
      onContradiction: (message) => messages.push(message),
    });
    expect(user.held()).toEqual(["r-admin", "r-b"]);
    expect(behaviour.candidates).toEqual(["additive-strict"]);
    expect(messages.join("\n")).toContain('enos:grantWriteMode is "overwrite", but EnOS answered "already exists"');
  });
});

describe("reconcileGrants guardrails and failures", () => {
  const exhaustive = exhaustiveOf(["r-b"], ["r-admin"]);

  it("only reads when the user already holds the target", async () => {
    const user = fakeUser(["r-admin", "r-b"], "overwrite");
    await reconcileGrants(user.io, exhaustive, wording, { maxRemovals: 0 });
    expect(user.calls).toEqual(["read"]);
  });

  it("refuses, before any write, to remove more than maxRemovals", async () => {
    const user = fakeUser(["r-x", "r-y"], "additive");
    const run = reconcileGrants(user.io, exhaustive, wording, { maxRemovals: 1 });
    await expect(run).rejects.toThrow("would remove 2 role(s) [r-x, r-y], more than maxRemovals (1)");
    expect(user.calls).toEqual(["read"]);
    expect(user.held()).toEqual(["r-x", "r-y"]);
  });

  it("gives up after a bounded number of writes when every write is undone, naming both sets", async () => {
    const user = fakeUser([], "additive");
    user.io.append = async (ids) => void user.calls.push(`append ${ids.join(",")}`); // accepted, never applied
    const progress: GrantProgress = { wrote: false, live: undefined };
    const run = reconcileGrants(user.io, wantedOnly(["r-b"]), wording, { progress });
    await expect(run).rejects.toThrow("after 6 writes the user's roles are [] instead of [r-b]");
    expect(user.calls.filter((call) => call.startsWith("append"))).toHaveLength(6);
    expect(progress).toEqual({ wrote: true, live: [] });
  });

  it("does not repeat a refused write that a fresh read does not explain", async () => {
    const user = fakeUser(["r-x"], "additive");
    user.io.remove = async (ids) => {
      user.calls.push(`remove ${ids.join(",")}`);
      throw apiError(31404, "role.not.exist");
    };
    const run = reconcileGrants(user.io, exhaustiveOf([]), wording, { behaviour: known("additive") });
    await expect(run).rejects.toThrow(
      "RoleAssignment 'o-1/u-1': EnOS refused removing roles [r-x] (POST /x → 31404 role.not.exist), and the " +
        "user's roles read just after are [r-x]",
    );
    expect(user.calls).toEqual(["read", "remove r-x", "read"]);
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
    expect(await reconcileGrants(io, () => ["r-a"], wording)).toEqual({ userMissing: true });
    expect(calls).toEqual(["read"]);
  });

  it("marks progress as written when a write failed in a way that may have been applied", async () => {
    const user = fakeUser([], "overwrite");
    user.io.append = async () => Promise.reject(new Error("socket hang up"));
    const progress: GrantProgress = { wrote: false, live: undefined };
    await expect(reconcileGrants(user.io, () => ["r-a"], wording, { progress })).rejects.toThrow("hang up");
    expect(progress.wrote).toBe(true);
  });

  it("says which ids EnOS does not know, without marking progress, when an append answers not found", async () => {
    const user = fakeUser([], "overwrite");
    const refusal = apiError(31404, "role.not.exist");
    user.io.append = async () => Promise.reject(refusal);
    const progress: GrantProgress = { wrote: false, live: undefined };
    const run = reconcileGrants(user.io, () => ["r-a"], wording, { progress });
    await expect(run).rejects.toThrow(
      `RoleAssignment 'o-1/u-1': EnOS answered "not found" when granting roles [r-a] (POST /x → 31404 ` +
        "role.not.exist): check that every id in roleIds is a role of the OU",
    );
    await expect(run).rejects.toHaveProperty("cause", refusal);
    expect(progress.wrote).toBe(false);
  });
});

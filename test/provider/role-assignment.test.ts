import type { Emulator, StateData } from "../../emulator";
import { roleAssignmentProvider as provider } from "../../provider/resources/grants/role-assignment";
import { userGroupMembershipProvider as groups } from "../../provider/resources/grants/user-group-membership";
import { describeGrantModes, modeCombinations } from "./grant-modes";
import {
  ORG,
  callsDuring,
  newProviderProcess,
  startProviderEmulator,
  stopProviderEmulator,
  nextDeployment,
} from "./support";

const ROLE_LIST = "POST /app-portal-service/v2.2/userRoles/roleList";
const APPEND = "POST /app-portal-service/v2.2/role/appendRoles";
const REMOVE = "POST /app-portal-service/v2.2/role/removeRoles";

type Props = Record<string, unknown>;

/** What `check` makes of `news` (failing the test on check failures), plus the engine's `__provider`. */
async function checked(news: Props, olds: Props = {}): Promise<Props> {
  const result = await provider.check(olds, news);
  expect(result.failures ?? []).toEqual([]);
  return { ...(result.inputs as Props), __provider: "serialized-shim" };
}

/** Every role grant of the emulator, in a stable order (it re-appends a user's grant on each change). */
function allGrants(emulator: Emulator): StateData["roleGrants"] {
  return emulator.state().roleGrants.sort((a, b) => `${a.orgId}/${a.userId}`.localeCompare(`${b.orgId}/${b.userId}`));
}

function rolesOf(emulator: Emulator, userId: string): string[] {
  const grant = emulator.state().roleGrants.find((g) => g.orgId === ORG && g.userId === userId);
  return [...(grant?.roleIds ?? [])].sort();
}

/** Statuses of the logged EnOS calls, e.g. "roleList 429", to see retries and replays. */
function statuses(emulator: Emulator): string[] {
  return emulator
    .requestLog()
    .filter((entry) => !entry.path.startsWith("/apim-token-service"))
    .map((entry) => `${entry.path.split("/").pop() ?? ""} ${entry.status}`);
}

const withoutEngineKeys = ({ __provider: _p, ...rest }: Props) => rest;

describeGrantModes({
  name: "RoleAssignment",
  provider,
  option: "appendRolesMode",
  list: "roleIds",
  protectedKey: "protectedRoleIds",
  assigned: "assignedRoleIds",
  routes: { read: ROLE_LIST, append: APPEND, remove: REMOVE },
  ids: { held: "r-org-admin", held2: "r-operator", a: "r-auditor", b: "r-device-admin" },
  grant: (emulator, roleId) => emulator.mutate({ type: "grant-role", userId: "u-alice", roleId }),
  revoke: (emulator, roleId) => emulator.mutate({ type: "revoke-role", userId: "u-alice", roleId }),
  heldBy: (emulator, userId) => rolesOf(emulator, userId),
  allGrants,
});

/** The lifecycle's outputs and messages, against the emulator's default (overwriting appendRoles), each test a new process. */
describe("RoleAssignment lifecycle", () => {
  let emulator: Emulator;
  let seedGrants: StateData["roleGrants"];
  beforeAll(async () => {
    emulator = await startProviderEmulator();
    seedGrants = allGrants(emulator);
  });
  afterAll(() => stopProviderEmulator(emulator));
  beforeEach(async () => {
    emulator.reset();
    await newProviderProcess();
  });

  // The first append of a process is read back (the reading is learned); a full-target append that drops ids too.
  const releaseCalls = [ROLE_LIST, APPEND, ROLE_LIST];

  it("runs the additive lifecycle: create, read, update, replace diff, drift, delete", async () => {
    const inputs = await checked({ userId: "u-bob", roleIds: ["r-operator"] });
    expect(withoutEngineKeys(inputs)).toEqual({
      orgId: ORG,
      userId: "u-bob",
      roleIds: ["r-operator"],
      exhaustive: false,
      restoreOnDelete: true,
    });

    const created = await callsDuring(emulator, () => provider.create(inputs));
    expect(created.calls).toEqual([ROLE_LIST, APPEND, ROLE_LIST]);
    expect(created.result.id).toBe(`${ORG}/u-bob`);
    const outs = created.result.outs as Props;
    expect(outs).toEqual({
      ...withoutEngineKeys(inputs),
      assignedRoleIds: ["r-operator", "r-viewer"],
      managedRoleIds: ["r-operator"],
    });
    expect(rolesOf(emulator, "u-bob")).toEqual(["r-operator", "r-viewer"]);

    const read = await callsDuring(emulator, () => provider.read(created.result.id, outs));
    expect(read.calls).toEqual([ROLE_LIST]);
    expect(read.result).toEqual({ id: `${ORG}/u-bob`, props: outs, inputs: withoutEngineKeys(inputs) });

    // Dropping r-operator from the list releases it; r-viewer was never managed and stays.
    const news = await checked({ userId: "u-bob", roleIds: ["r-auditor"] });
    const updated = await callsDuring(emulator, () => provider.update(created.result.id, outs, news));
    expect(updated.calls).toEqual(releaseCalls);
    expect(rolesOf(emulator, "u-bob")).toEqual(["r-auditor", "r-viewer"]);
    const updatedOuts = updated.result.outs as Props;
    expect(updatedOuts["assignedRoleIds"]).toEqual(["r-auditor", "r-viewer"]);
    expect(updatedOuts["managedRoleIds"]).toEqual(["r-auditor"]);

    const otherUser = await checked({ userId: "u-dave", roleIds: ["r-auditor"] });
    expect(await provider.diff(created.result.id, updatedOuts, otherUser)).toEqual({ replaces: ["userId"] });
    expect(await provider.diff(created.result.id, updatedOuts, news)).toEqual({});

    // A console user revokes the managed role and grants another one.
    emulator.mutate({ type: "revoke-role", userId: "u-bob", roleId: "r-auditor" });
    emulator.mutate({ type: "grant-role", userId: "u-bob", roleId: "r-device-admin" });
    const drifted = await provider.read(created.result.id, updatedOuts);
    expect(drifted.inputs).toEqual({ ...withoutEngineKeys(news), roleIds: [] });
    expect(drifted.props).toMatchObject({ roleIds: [], assignedRoleIds: ["r-device-admin", "r-viewer"] });
    expect(drifted.props).toMatchObject({ managedRoleIds: ["r-auditor"] });

    // The next update restores the managed role and leaves the console grant alone (additive).
    // appendRoles is known to overwrite by now, so the append is not read back.
    const restored = await callsDuring(emulator, () => provider.update(created.result.id, drifted.props, news));
    expect(restored.calls).toEqual([ROLE_LIST, APPEND]);
    expect(rolesOf(emulator, "u-bob")).toEqual(["r-auditor", "r-device-admin", "r-viewer"]);
    emulator.mutate({ type: "revoke-role", userId: "u-bob", roleId: "r-device-admin" });

    nextDeployment();
    const deleted = await callsDuring(emulator, () => provider.delete(created.result.id, restored.result.outs));
    expect(deleted.calls).toEqual([ROLE_LIST, REMOVE]);
    expect(allGrants(emulator)).toEqual(seedGrants);
  });

  it("runs the exhaustive lifecycle and never removes a protected role, even unlisted", async () => {
    const inputs = await checked({
      userId: "u-alice",
      roleIds: ["r-device-admin"],
      exhaustive: true,
      protectedRoleIds: ["r-org-admin"],
    });
    const created = await callsDuring(emulator, () => provider.create(inputs));
    expect(created.calls).toEqual([ROLE_LIST, APPEND, ROLE_LIST]);
    expect(rolesOf(emulator, "u-alice")).toEqual(["r-device-admin", "r-org-admin"]);
    const outs = created.result.outs as Props;
    expect(outs).toMatchObject({
      assignedRoleIds: ["r-device-admin", "r-org-admin"],
      managedRoleIds: ["r-device-admin"],
    });

    // Refresh reports the console grant as drift of roleIds; the kept protected role is not drift.
    emulator.mutate({ type: "grant-role", userId: "u-alice", roleId: "r-operator" });
    const drifted = await provider.read(created.result.id, outs);
    expect(drifted.inputs).toEqual({ ...withoutEngineKeys(inputs), roleIds: ["r-device-admin", "r-operator"] });
    expect(drifted.props).toMatchObject({ assignedRoleIds: ["r-device-admin", "r-operator", "r-org-admin"] });

    const updated = await callsDuring(emulator, () => provider.update(created.result.id, drifted.props, inputs));
    expect(updated.calls).toEqual([ROLE_LIST, REMOVE]); // a remove means the same in every reading
    expect(rolesOf(emulator, "u-alice")).toEqual(["r-device-admin", "r-org-admin"]);

    nextDeployment();
    const deleted = await callsDuring(emulator, () => provider.delete(created.result.id, updated.result.outs));
    expect(deleted.calls).toEqual([ROLE_LIST, REMOVE]);
    expect(allGrants(emulator)).toEqual(seedGrants);
  });

  it("removes every unprotected role with an empty exhaustive list, and does nothing more when already so", async () => {
    emulator.mutate({ type: "grant-role", userId: "u-carol", roleId: "r-viewer" });
    const inputs = await checked({
      userId: "u-carol",
      roleIds: [],
      exhaustive: true,
      protectedRoleIds: ["r-operator"],
    });
    const created = await callsDuring(emulator, () => provider.create(inputs));
    expect(created.calls).toEqual([ROLE_LIST, REMOVE]);
    expect(rolesOf(emulator, "u-carol")).toEqual(["r-operator"]);

    expect(created.result.outs).toMatchObject({ removedRoleIds: ["r-viewer"] });

    const again = await callsDuring(emulator, () => provider.update(created.result.id, created.result.outs, inputs));
    expect(again.calls).toEqual([ROLE_LIST]);
    expect(again.result.outs).toMatchObject({ removedRoleIds: ["r-viewer"] });
    // It lists nothing, so delete removes nothing of its own; it gives back what the create took (like devices).
    nextDeployment();
    const deleted = await callsDuring(emulator, () => provider.delete(created.result.id, again.result.outs));
    expect(deleted.calls).toEqual([ROLE_LIST, APPEND, ROLE_LIST]);
    expect(rolesOf(emulator, "u-carol")).toEqual(["r-operator", "r-viewer"]);
  });

  it("deletes what it manages and warns when a role to give back no longer exists in the OU", async () => {
    emulator.mutate({ type: "grant-role", userId: "u-carol", roleId: "r-viewer" });
    const created = await provider.create(
      await checked({ userId: "u-carol", roleIds: ["r-auditor"], exhaustive: true }),
    );
    emulator.mutate({ type: "delete-role", roleId: "r-viewer" });
    nextDeployment();
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await provider.delete(created.id, created.outs);
      expect(warn.mock.calls.join(" ")).toContain(
        `RoleAssignment '${ORG}/u-carol': could not give back role 'r-viewer'`,
      );
    } finally {
      warn.mockRestore();
    }
    expect(rolesOf(emulator, "u-carol")).toEqual(["r-operator"]);
  });

  it("gives nothing back on delete with restoreOnDelete: false", async () => {
    emulator.mutate({ type: "grant-role", userId: "u-carol", roleId: "r-viewer" });
    const inputs = await checked({
      userId: "u-carol",
      roleIds: ["r-auditor"],
      exhaustive: true,
      restoreOnDelete: false,
    });
    const created = await provider.create(inputs);
    expect(created.outs).toMatchObject({ removedRoleIds: ["r-operator", "r-viewer"], restoreOnDelete: false });
    nextDeployment();
    await provider.delete(created.id, created.outs);
    expect(rolesOf(emulator, "u-carol")).toEqual([]);
  });

  it("lets one exhaustive create replace every role at once, reading the full-target append back once", async () => {
    emulator.mutate({ type: "grant-role", userId: "u-bob", roleId: "r-operator" });
    const inputs = await checked({ userId: "u-bob", roleIds: ["r-auditor"], exhaustive: true });
    const created = await callsDuring(emulator, () => provider.create(inputs));
    expect(created.calls).toEqual(releaseCalls);
    expect(rolesOf(emulator, "u-bob")).toEqual(["r-auditor"]);
    expect(created.result.outs).toMatchObject({ assignedRoleIds: ["r-auditor"] });
  });
});

describe("RoleAssignment guardrails and failures", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startProviderEmulator();
  });
  afterAll(() => stopProviderEmulator(emulator));
  beforeEach(async () => {
    emulator.reset();
    await newProviderProcess();
  });

  const wide = {
    userId: "u-alice",
    roleIds: ["r-operator", "r-org-admin", "r-viewer"],
    exhaustive: true,
    maxRemovals: 1,
  };

  it("fails the preview (diff) and the update, before any write, when maxRemovals would be exceeded", async () => {
    const created = await provider.create(await checked(wide));
    const narrow = await checked({ ...wide, roleIds: ["r-org-admin"] }, wide);

    const preview = await callsDuring(emulator, () =>
      provider.diff(created.id, created.outs, narrow).catch((e: unknown) => e),
    );
    // Exhaustive: judged against the live set, one read (coalesced with the other grants' reads in a real preview).
    expect(preview.calls).toEqual([ROLE_LIST]);
    expect(String(preview.result)).toContain(
      `RoleAssignment '${ORG}/u-alice' would remove 2 role(s) [r-operator, r-viewer], more than maxRemovals (1)`,
    );

    const update = await callsDuring(emulator, () =>
      provider.update(created.id, created.outs, narrow).catch((e: unknown) => e),
    );
    expect(update.calls).toEqual([ROLE_LIST]);
    expect(String(update.result)).toContain("RoleAssignment update failed: ");
    expect(String(update.result)).toContain("[r-operator, r-viewer], more than maxRemovals (1); nothing was changed");
    expect(rolesOf(emulator, "u-alice")).toEqual(["r-operator", "r-org-admin", "r-viewer"]);

    // Within the limit, diff passes and the update goes through.
    const oneLess = await checked({ ...wide, roleIds: ["r-org-admin", "r-viewer"] }, wide);
    expect(await provider.diff(created.id, created.outs, oneLess)).toEqual({});
    await provider.update(created.id, created.outs, oneLess);
    expect(rolesOf(emulator, "u-alice")).toEqual(["r-org-admin", "r-viewer"]);
  });

  it("fails the preview (check) of an exhaustive create that would remove more live roles than maxRemovals", async () => {
    const news = { userId: "u-bob", roleIds: ["r-auditor"], exhaustive: true, maxRemovals: 0 };
    const preview = await callsDuring(emulator, () => provider.check({}, news));
    // (and the OU's role listing, when this process has not listed it yet: the check of the ids themselves)
    expect(preview.calls.filter((call) => !call.includes("organization/role/list"))).toEqual([ROLE_LIST]);
    expect(preview.result.failures).toEqual([
      {
        property: "maxRemovals",
        reason: expect.stringContaining("would remove 1 role(s) [r-viewer], more than maxRemovals (0)") as string,
      },
    ]);
    // The create itself holds to the limit too (an `up` without a preview).
    const inputs = { ...news, orgId: ORG, restoreOnDelete: true, __provider: "serialized-shim" };
    const attempt = await callsDuring(emulator, () => provider.create(inputs).catch((e: unknown) => e));
    expect(attempt.calls).toEqual([ROLE_LIST]);
    expect(String(attempt.result)).toContain("would remove 1 role(s) [r-viewer], more than maxRemovals (0)");
    expect(rolesOf(emulator, "u-bob")).toEqual(["r-viewer"]);
  });

  it("warns in the preview of an exhaustive create which live roles it removes", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await checked({ userId: "u-bob", roleIds: ["r-auditor"], exhaustive: true });
      expect(warn.mock.calls.join(" ")).toContain(
        `RoleAssignment '${ORG}/u-bob': exhaustive, so this create removes roles [r-viewer] the user holds now but ` +
          "roleIds does not list (delete gives them back)",
      );
      // An update of the existing resource is not a create: check asks EnOS nothing.
      const again = await callsDuring(emulator, () =>
        provider.check({ userId: "u-bob", roleIds: [] }, { userId: "u-bob", roleIds: ["r-auditor"], exhaustive: true }),
      );
      expect(again.calls).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it("plans an update in a plain preview when a role was granted in the console to an exhaustive user", async () => {
    const inputs = await checked({ userId: "u-carol", roleIds: ["r-operator"], exhaustive: true, maxRemovals: 1 });
    const created = await provider.create(inputs);
    expect(await provider.diff(created.id, created.outs, inputs)).toEqual({});

    emulator.mutate({ type: "grant-role", userId: "u-carol", roleId: "r-org-admin" });
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const preview = await callsDuring(emulator, () => provider.diff(created.id, created.outs, inputs));
      expect(preview.result).toEqual({ changes: true });
      expect(preview.calls).toEqual([ROLE_LIST]);
      expect(warn.mock.calls.join(" ")).toContain("this update removes roles [r-org-admin] the user holds now");
    } finally {
      warn.mockRestore();
    }
    // Console drift counts against maxRemovals at preview time too.
    emulator.mutate({ type: "grant-role", userId: "u-carol", roleId: "r-viewer" });
    const blocked = await provider.diff(created.id, created.outs, inputs).catch((e: unknown) => e);
    expect(String(blocked)).toContain("would remove 2 role(s) [r-org-admin, r-viewer], more than maxRemovals (1)");
  });

  it("skips the preview guard when the new inputs are not known yet", async () => {
    const created = await provider.create(await checked(wide));
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const news = { ...(await checked(wide)), roleIds: [unknown] };
    expect(await provider.diff(created.id, created.outs, news)).toEqual({});
  });

  it("reports a user removed from the OU as gone on read, and deletes it as a success", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const props = {
      orgId: ORG,
      userId: "u-nobody",
      roleIds: ["r-viewer"],
      exhaustive: false,
      managedRoleIds: ["r-viewer"],
    };
    try {
      const read = await callsDuring(emulator, () => provider.read(`${ORG}/u-nobody`, props));
      expect(read.result).toEqual({});
      expect(read.calls).toEqual([ROLE_LIST]);
      expect(warn.mock.calls.join(" ")).toContain(
        `RoleAssignment '${ORG}/u-nobody': user 'u-nobody' is no longer in OU '${ORG}'`,
      );
      nextDeployment();
      await expect(provider.delete(`${ORG}/u-nobody`, props)).resolves.toBeUndefined();
      await expect(provider.create(await checked({ userId: "u-nobody", roleIds: ["r-viewer"] }))).rejects.toThrow(
        `user 'u-nobody' is not a member of OU '${ORG}'`,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it("says which role is unknown to EnOS without recording anything", async () => {
    // check refuses an unknown role at preview; this is a role deleted in the console between the preview and the up.
    const inputs = { orgId: ORG, userId: "u-dave", roleIds: ["r-missing"], exhaustive: false, __provider: "shim" };
    const attempt = provider.create(inputs);
    await expect(attempt).rejects.toThrow(
      /RoleAssignment create failed: .*EnOS answered "not found" when granting roles \[r-missing\] .*role.not.exist/,
    );
    await expect(attempt).rejects.not.toHaveProperty("id");
  });

  it("serialises two additive resources of one user, so overwriting appendRoles loses neither", async () => {
    const [a, b] = await Promise.all([
      provider.create(await checked({ userId: "u-dave", roleIds: ["r-viewer"] })),
      provider.create(await checked({ userId: "u-dave", roleIds: ["r-auditor"] })),
    ]);
    expect(rolesOf(emulator, "u-dave")).toEqual(["r-auditor", "r-viewer"]);
    expect(b.outs).toMatchObject({ assignedRoleIds: ["r-auditor", "r-viewer"] });
    expect(a.outs).toMatchObject({ managedRoleIds: ["r-viewer"] });
  });

  it("retries a 429 with Retry-After: 0 and replays a write after the token expired", async () => {
    emulator.faults.add({ route: { path: "/app-portal-service/v2.2/userRoles/roleList" }, status: 429, retryAfter: 0 });
    emulator.faults.add({ route: { path: "/app-portal-service/v2.2/role/appendRoles" }, kind: "expire-token" });
    const inputs = await checked({ userId: "u-dave", roleIds: ["r-viewer"] });
    emulator.clearRequestLog();
    const created = await provider.create(inputs);
    expect(statuses(emulator)).toEqual([
      "roleList 429",
      "roleList 200",
      "appendRoles 401",
      "appendRoles 200",
      "roleList 200",
    ]);
    expect(created.outs).toMatchObject({ assignedRoleIds: ["r-viewer"] });
    expect(rolesOf(emulator, "u-dave")).toEqual(["r-viewer"]);
  });

  it("recovers a commit-then-drop appendRoles by replaying it, without a second grant", async () => {
    emulator.faults.add({ route: { path: "/app-portal-service/v2.2/role/appendRoles" }, kind: "commit-then-drop" });
    const inputs = await checked({ userId: "u-dave", roleIds: ["r-viewer"] });
    emulator.clearRequestLog();
    await provider.create(inputs);
    expect(statuses(emulator)).toEqual(["roleList 200", "appendRoles 0", "appendRoles 200", "roleList 200"]);
    expect(emulator.state().roleGrants.filter((g) => g.userId === "u-dave")).toEqual([
      { orgId: ORG, userId: "u-dave", roleIds: ["r-viewer"] },
    ]);
  });
});

describe("RoleAssignment partial create", () => {
  let emulator: Emulator;
  // The fault below fires when this returns < 0.5: the first roleList passes, the verification read fails.
  const draws = [0.9, 0.1];
  beforeAll(async () => {
    emulator = await startProviderEmulator({ random: () => draws.shift() ?? 1 });
  });
  afterAll(() => stopProviderEmulator(emulator));

  it("records the resource (id, state, __provider) when the read-back after a write fails", async () => {
    emulator.faults.add({
      route: { path: "/app-portal-service/v2.2/userRoles/roleList" },
      code: 31500,
      probability: 0.5,
    });
    const inputs = await checked({ userId: "u-dave", roleIds: ["r-viewer"] });
    const error = (await provider.create(inputs).catch((e: unknown) => e)) as Props;
    expect(error["id"]).toBe(`${ORG}/u-dave`);
    expect(error["properties"]).toMatchObject({
      __provider: "serialized-shim",
      userId: "u-dave",
      roleIds: ["r-viewer"],
    });
    expect(String(error["reasons"])).toContain("RoleAssignment create failed: ");
    expect(rolesOf(emulator, "u-dave")).toEqual(["r-viewer"]);
  });
});

describe("RoleAssignment read coalescing", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startProviderEmulator();
    const base = emulator.state();
    const extra = Array.from({ length: 50 }, (_, i) => `u-${String(i).padStart(2, "0")}`);
    emulator.reseed({
      ...base,
      users: [
        ...base.users,
        ...extra.map((id) => ({ id, name: id, orgIds: [ORG] })),
        { id: "u-away", name: "Away", orgIds: ["o-other"] },
      ],
      roleGrants: [...base.roleGrants, ...extra.map((userId) => ({ orgId: ORG, userId, roleIds: ["r-viewer"] }))],
    });
  });
  afterAll(() => stopProviderEmulator(emulator));
  // Each test is a refresh of its own (a new provider process in the engine).
  beforeEach(() => {
    emulator.reset();
    nextDeployment();
  });

  const propsOf = (userId: string) => ({ orgId: ORG, userId, roleIds: ["r-viewer"], exhaustive: false });

  it("merges 50 concurrent reads in one OU into one roleList call", async () => {
    const users = Array.from({ length: 50 }, (_, i) => `u-${String(i).padStart(2, "0")}`);
    const { result, calls } = await callsDuring(emulator, () =>
      Promise.all(users.map((userId) => provider.read(`${ORG}/${userId}`, propsOf(userId)))),
    );
    expect(calls).toEqual([ROLE_LIST]);
    expect(result.map((r) => (r.props as Props | undefined)?.["assignedRoleIds"])).toEqual(
      users.map(() => ["r-viewer"]),
    );
  });

  it("isolates a user who left the OU by halving the batch, and reads the others", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const users = [...Array.from({ length: 9 }, (_, i) => `u-${String(i).padStart(2, "0")}`), "u-away"];
    try {
      const { result, calls } = await callsDuring(emulator, () =>
        Promise.all(users.map((userId) => provider.read(`${ORG}/${userId}`, propsOf(userId)))),
      );
      // [10] fails -> [5] ok + [5] fails -> [3] ok + [2] fails -> [1] ok + [1] fails (the missing user).
      expect(calls).toEqual(Array.from({ length: 7 }, () => ROLE_LIST));
      expect(result.map((r) => r.id)).toEqual([...users.slice(0, 9).map((u) => `${ORG}/${u}`), undefined]);
    } finally {
      warn.mockRestore();
    }
  });
});

describe.each(modeCombinations)("roles %s and user groups %s, learned side by side", (rolesMode, groupsMode) => {
  let emulator: Emulator;
  let seed: StateData;
  beforeAll(async () => {
    emulator = await startProviderEmulator({ appendRolesMode: rolesMode, appendUserGroupsMode: groupsMode });
    seed = emulator.state();
  });
  afterAll(() => stopProviderEmulator(emulator));

  const groupsOf = (userId: string) =>
    [...(emulator.state().groupGrants.find((g) => g.userId === userId)?.userGroupIds ?? [])].sort();
  const checkedBy = async (provider: typeof groups, news: Props) => {
    const result = await provider.check({}, news);
    expect(result.failures ?? []).toEqual([]);
    return { ...(result.inputs as Props), __provider: "serialized-shim" };
  };

  it("creates, updates exhaustively and deletes both kinds for a user holding both, ending at the seed", async () => {
    await newProviderProcess();
    const [roles, memberships] = await Promise.all([
      checkedBy(provider, { userId: "u-alice", roleIds: ["r-auditor"] }).then((i) => provider.create(i)),
      checkedBy(groups, { userId: "u-alice", userGroupIds: ["g-ops"] }).then((i) => groups.create(i)),
    ]);
    expect(rolesOf(emulator, "u-alice")).toEqual(["r-auditor", "r-org-admin"]);
    expect(groupsOf("u-alice")).toEqual(["g-eng", "g-ops"]);

    const roleNews = await checkedBy(provider, {
      userId: "u-alice",
      roleIds: ["r-device-admin"],
      exhaustive: true,
      protectedRoleIds: ["r-org-admin"],
    });
    const groupNews = await checkedBy(groups, { userId: "u-alice", userGroupIds: ["g-field"], exhaustive: true });
    const [rolesAfter, groupsAfter] = await Promise.all([
      provider.update(roles.id, roles.outs, roleNews),
      groups.update(memberships.id, memberships.outs, groupNews),
    ]);
    expect(rolesOf(emulator, "u-alice")).toEqual(["r-device-admin", "r-org-admin"]);
    expect(groupsOf("u-alice")).toEqual(["g-field"]);

    nextDeployment();
    await Promise.all([provider.delete(roles.id, rolesAfter.outs), groups.delete(memberships.id, groupsAfter.outs)]);
    expect(rolesOf(emulator, "u-alice")).toEqual(["r-org-admin"]);
    expect(groupsOf("u-alice")).toEqual([]);
    emulator.mutate({ type: "grant-group", userId: "u-alice", userGroupId: "g-eng" });
    expect(allGrants(emulator)).toEqual(seed.roleGrants.sort((a, b) => a.userId.localeCompare(b.userId)));
  });
});

describe("RoleAssignment preview check of role ids", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startProviderEmulator();
  });
  afterAll(() => stopProviderEmulator(emulator));
  beforeEach(() => {
    emulator.reset();
    nextDeployment();
  });
  const ROLES = "GET /app-portal-service/v2.2/organization/role/list";

  it("fails check naming roleIds, the unknown id and the closest roles, with one role listing per OU", async () => {
    const { result, calls } = await callsDuring(emulator, async () => [
      await provider.check({}, { userId: "u-bob", roleIds: ["r-viewer", "r-operatr"] }),
      await provider.check({}, { userId: "u-dave", roleIds: ["Operator"] }),
    ]);
    expect(calls).toEqual([ROLES]);
    const [typo, name] = result;
    expect(typo?.failures).toEqual([
      {
        property: "roleIds",
        reason:
          "roleIds lists 'r-operatr', which is no role id of OU o-demo; closest of 5: 'r-operator' (Operator), " +
          "'r-viewer' (Viewer), 'r-auditor' (Auditor)",
      },
    ]);
    expect(name?.failures).toEqual([
      {
        property: "roleIds",
        reason:
          "roleIds lists 'Operator', which is no role id of OU o-demo: 'Operator' is the name of role " +
          "'r-operator'; list its id",
      },
    ]);
  });

  it("passes unknown ids and OUs (preview), ids recorded before (no call), and a listing EnOS refuses", async () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const recorded = { orgId: ORG, userId: "u-bob", roleIds: ["r-gone"], exhaustive: false };
    const { result, calls } = await callsDuring(emulator, async () => [
      await provider.check({}, { userId: "u-bob", roleIds: [unknown] }),
      await provider.check({}, { orgId: unknown, userId: "u-bob", roleIds: ["r-nope"] }),
      await provider.check(recorded, { userId: "u-bob", roleIds: ["r-gone"] }),
    ]);
    expect(calls).toEqual([]);
    expect(result.map((r) => r.failures ?? [])).toEqual([[], [], []]);

    emulator.faults.add({ route: { path: "/app-portal-service/v2.2/organization/role/list" }, code: 31403 });
    expect((await provider.check({}, { userId: "u-bob", roleIds: ["r-nope"] })).failures ?? []).toEqual([]);
  });
});

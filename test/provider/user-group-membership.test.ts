import type { Emulator, StateData } from "../../emulator";
import { userGroupMembershipProvider as provider } from "../../provider/resources/grants/user-group-membership";
import { describeGrantModes } from "./grant-modes";
import {
  ORG,
  callsDuring,
  newProviderProcess,
  startProviderEmulator,
  stopProviderEmulator,
  nextDeployment,
} from "./support";

const GROUP_LIST = "POST /app-portal-service/v2.2/userGroup/getUsersUserGroupList";
const APPEND = "POST /app-portal-service/v2.2/userGroup/appendUserGroups";
const REMOVE = "POST /app-portal-service/v2.2/userGroup/removeUserGroups";

type Props = Record<string, unknown>;

async function checked(news: Props, olds: Props = {}): Promise<Props> {
  const result = await provider.check(olds, news);
  expect(result.failures ?? []).toEqual([]);
  return { ...(result.inputs as Props), __provider: "serialized-shim" };
}

const withoutEngineKeys = ({ __provider: _p, ...rest }: Props) => rest;

function allGrants(emulator: Emulator): StateData["groupGrants"] {
  return emulator.state().groupGrants.sort((a, b) => `${a.orgId}/${a.userId}`.localeCompare(`${b.orgId}/${b.userId}`));
}

function groupsOf(emulator: Emulator, userId: string): string[] {
  const grant = emulator.state().groupGrants.find((g) => g.orgId === ORG && g.userId === userId);
  return [...(grant?.userGroupIds ?? [])].sort();
}

describeGrantModes({
  name: "UserGroupMembership",
  provider,
  option: "appendUserGroupsMode",
  list: "userGroupIds",
  protectedKey: "protectedUserGroupIds",
  assigned: "assignedUserGroupIds",
  routes: { read: GROUP_LIST, append: APPEND, remove: REMOVE },
  ids: { held: "g-eng", held2: "g-field", a: "g-ops", b: "g-night" },
  grant: (emulator, userGroupId) => emulator.mutate({ type: "grant-group", userId: "u-alice", userGroupId }),
  revoke: (emulator, userGroupId) => emulator.mutate({ type: "revoke-group", userId: "u-alice", userGroupId }),
  heldBy: (emulator, userId) => groupsOf(emulator, userId),
  allGrants,
  // A fourth group, so two ids are held by neither seeded user.
  seed: (base) => ({
    ...base,
    userGroups: [...(base.userGroups ?? []), { id: "g-night", orgId: ORG, name: { en_US: "Night Shift" } }],
  }),
});

/** Outputs, reads and messages against the emulator's default (additive appendUserGroups), each test a new process. */
describe("UserGroupMembership", () => {
  let emulator: Emulator;
  let seedGrants: StateData["groupGrants"];
  beforeAll(async () => {
    emulator = await startProviderEmulator();
    seedGrants = allGrants(emulator);
  });
  afterAll(() => stopProviderEmulator(emulator));
  beforeEach(async () => {
    emulator.reset();
    await newProviderProcess();
  });

  it("runs the additive lifecycle: create, read, update, replace diff, drift, delete", async () => {
    const inputs = await checked({ userId: "u-bob", userGroupIds: ["g-ops"] });
    const created = await callsDuring(emulator, () => provider.create(inputs));
    expect(created.calls).toEqual([GROUP_LIST, APPEND, GROUP_LIST]);
    const outs = created.result.outs as Props;
    expect(outs).toEqual({
      ...withoutEngineKeys(inputs),
      assignedUserGroupIds: ["g-ops"],
      managedUserGroupIds: ["g-ops"],
    });
    expect(groupsOf(emulator, "u-bob")).toEqual(["g-ops"]);

    const read = await callsDuring(emulator, () => provider.read(created.result.id, outs));
    expect(read.calls).toEqual([GROUP_LIST]);
    expect(read.result).toEqual({ id: `${ORG}/u-bob`, props: outs, inputs: withoutEngineKeys(inputs) });

    // The full-target append is read back (overwrite is still possible): the group it did not drop tells that
    // appendUserGroups adds, so the released group needs its own remove, which is not read back.
    const news = await checked({ userId: "u-bob", userGroupIds: ["g-eng"] });
    const updated = await callsDuring(emulator, () => provider.update(created.result.id, outs, news));
    expect(updated.calls).toEqual([GROUP_LIST, APPEND, GROUP_LIST, REMOVE]);
    expect(groupsOf(emulator, "u-bob")).toEqual(["g-eng"]);
    const updatedOuts = updated.result.outs as Props;

    expect(await provider.diff(created.result.id, updatedOuts, news)).toEqual({});
    const moved = await checked({ userId: "u-bob", userGroupIds: ["g-eng"], orgId: "o-other" });
    expect(await provider.diff(created.result.id, updatedOuts, moved)).toEqual({ replaces: ["orgId"] });
    const otherUser = await checked({ userId: "u-carol", userGroupIds: ["g-eng"] });
    expect(await provider.diff(created.result.id, updatedOuts, otherUser)).toEqual({ replaces: ["userId"] });

    emulator.mutate({ type: "revoke-group", userId: "u-bob", userGroupId: "g-eng" });
    emulator.mutate({ type: "grant-group", userId: "u-bob", userGroupId: "g-field" });
    const drifted = await provider.read(created.result.id, updatedOuts);
    expect(drifted.inputs).toEqual({ ...withoutEngineKeys(news), userGroupIds: [] });
    expect(drifted.props).toMatchObject({ assignedUserGroupIds: ["g-field"], managedUserGroupIds: ["g-eng"] });

    const restored = await callsDuring(emulator, () => provider.update(created.result.id, drifted.props, news));
    expect(restored.calls).toEqual([GROUP_LIST, APPEND]);
    expect(groupsOf(emulator, "u-bob")).toEqual(["g-eng", "g-field"]);
    emulator.mutate({ type: "revoke-group", userId: "u-bob", userGroupId: "g-field" });

    nextDeployment();
    const deleted = await callsDuring(emulator, () => provider.delete(created.result.id, restored.result.outs));
    expect(deleted.calls).toEqual([GROUP_LIST, REMOVE]);
    expect(allGrants(emulator)).toEqual(seedGrants);
  });

  it("runs the exhaustive lifecycle and keeps a protected group it does not list", async () => {
    const inputs = await checked({
      userId: "u-alice",
      userGroupIds: ["g-ops"],
      exhaustive: true,
      protectedUserGroupIds: ["g-eng"],
    });
    const created = await callsDuring(emulator, () => provider.create(inputs));
    expect(created.calls).toEqual([GROUP_LIST, APPEND, GROUP_LIST]);
    expect(groupsOf(emulator, "u-alice")).toEqual(["g-eng", "g-ops"]);

    emulator.mutate({ type: "grant-group", userId: "u-alice", userGroupId: "g-field" });
    const drifted = await provider.read(created.result.id, created.result.outs);
    expect(drifted.inputs).toEqual({ ...withoutEngineKeys(inputs), userGroupIds: ["g-field", "g-ops"] });

    const updated = await callsDuring(emulator, () => provider.update(created.result.id, drifted.props, inputs));
    expect(updated.calls).toEqual([GROUP_LIST, REMOVE]);
    expect(groupsOf(emulator, "u-alice")).toEqual(["g-eng", "g-ops"]);

    nextDeployment();
    const deleted = await callsDuring(emulator, () => provider.delete(created.result.id, updated.result.outs));
    expect(deleted.calls).toEqual([GROUP_LIST, REMOVE]);
    expect(allGrants(emulator)).toEqual(seedGrants);
  });

  it("fails diff and update before any write when maxRemovals would be exceeded", async () => {
    const wide = { userId: "u-carol", userGroupIds: ["g-eng", "g-field", "g-ops"], exhaustive: true, maxRemovals: 1 };
    const created = await provider.create(await checked(wide));
    const narrow = await checked({ ...wide, userGroupIds: ["g-field"] }, wide);
    const message = "would remove 2 user group(s) [g-eng, g-ops], more than maxRemovals (1)";

    const preview = await callsDuring(emulator, () =>
      provider.diff(created.id, created.outs, narrow).catch((e: unknown) => e),
    );
    expect(preview.calls).toEqual([GROUP_LIST]);
    expect(String(preview.result)).toContain(`UserGroupMembership diff failed: UserGroupMembership '${ORG}/u-carol'`);
    expect(String(preview.result)).toContain(message);

    const update = await callsDuring(emulator, () =>
      provider.update(created.id, created.outs, narrow).catch((e: unknown) => e),
    );
    expect(update.calls).toEqual([GROUP_LIST]);
    expect(String(update.result)).toContain(message);
    expect(groupsOf(emulator, "u-carol")).toEqual(["g-eng", "g-field", "g-ops"]);
  });

  it("merges concurrent reads of the OU's users into one call, and reports a missing user as gone", async () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const users = ["u-alice", "u-bob", "u-carol", "u-dave"];
    const props = (userId: string) => ({ orgId: ORG, userId, userGroupIds: ["g-ops"], exhaustive: false });
    try {
      const { result, calls } = await callsDuring(emulator, () =>
        Promise.all(users.map((userId) => provider.read(`${ORG}/${userId}`, props(userId)))),
      );
      expect(calls).toEqual([GROUP_LIST]);
      expect(result.map((r) => (r.props as Props | undefined)?.["assignedUserGroupIds"])).toEqual([
        ["g-eng"],
        [],
        ["g-field"],
        [],
      ]);

      expect(await provider.read(`${ORG}/u-nobody`, props("u-nobody"))).toEqual({});
      expect(warn.mock.calls.join(" ")).toContain(
        `UserGroupMembership '${ORG}/u-nobody': user 'u-nobody' is no longer in OU '${ORG}'`,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it("retries a 429 on appendUserGroups and still reaches the target", async () => {
    emulator.faults.add({
      route: { path: "/app-portal-service/v2.2/userGroup/appendUserGroups" },
      status: 429,
      retryAfter: 0,
    });
    const inputs = await checked({ userId: "u-dave", userGroupIds: ["g-ops"] });
    const created = await callsDuring(emulator, () => provider.create(inputs));
    expect(created.calls).toEqual([GROUP_LIST, APPEND, APPEND, GROUP_LIST]);
    expect(groupsOf(emulator, "u-dave")).toEqual(["g-ops"]);
  });
});

describe("UserGroupMembership preview check of user group ids", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startProviderEmulator();
  });
  afterAll(() => stopProviderEmulator(emulator));
  beforeEach(() => {
    emulator.reset();
    nextDeployment();
  });

  it("fails check naming userGroupIds and the closest groups; a new user gets its ids checked again", async () => {
    const recorded = { orgId: ORG, userId: "u-bob", userGroupIds: ["g-opps"], exhaustive: false };
    const { result, calls } = await callsDuring(emulator, () =>
      provider.check(recorded, { userId: "u-dave", userGroupIds: ["g-opps", "g-eng"] }),
    );
    expect(calls).toEqual(["GET /app-portal-service/v2.3/organization/userGroup/list"]);
    expect(result.failures).toEqual([
      {
        property: "userGroupIds",
        reason:
          "userGroupIds lists 'g-opps', which is no user group id of OU o-demo; closest: 'g-ops' (Operations), " +
          "'g-eng' (Engineering), 'g-field' (Field Service)",
      },
    ]);
    expect(await provider.check({}, { userId: "u-dave", userGroupIds: ["g-ops"] })).not.toHaveProperty("failures");
  });
});

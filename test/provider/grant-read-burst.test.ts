import type { Emulator, StateData } from "../../emulator";
import { clientFor } from "../../provider/context";
import { roleAssignmentProvider as roles } from "../../provider/resources/grants/role-assignment";
import { userGroupMembershipProvider as groups } from "../../provider/resources/grants/user-group-membership";
import { ORG, callsDuring, nextDeployment, startProviderEmulator, stopProviderEmulator } from "./support";

// A refresh as the engine sends it: a pool of `--parallel` workers (default 4 x GOMAXPROCS, 8 on 2 cores; pulumi/pulumi
// pkg/engine/deployment_executor.go, refresh), each sending its next Read when its last one is answered. So at most
// 8 reads are in flight, and coalescing what is in flight alone costs about N/8 calls.
const PARALLEL = 8;
const USERS = 1000;
const userIds = Array.from({ length: USERS }, (_, i) => `u-bulk-${String(i).padStart(4, "0")}`);

type Read = () => Promise<unknown>;

/** Runs `reads` with at most `parallel` in flight, the next one issued as soon as one is answered. */
async function asTheEngineSends(reads: Read[], parallel = PARALLEL): Promise<unknown[]> {
  const results: unknown[] = new Array<unknown>(reads.length);
  let next = 0;
  const worker = async () => {
    while (next < reads.length) {
      const index = next;
      next += 1;
      results[index] = await reads[index]?.();
      // The engine's own hop (gRPC answer, step bookkeeping, next Read) before the worker's next read.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

const roleProps = (userId: string) => ({ orgId: ORG, userId, roleIds: ["r-viewer"], exhaustive: false });
const groupProps = (userId: string) => ({ orgId: ORG, userId, userGroupIds: ["g-ops"], exhaustive: false });
const propsOf = (result: unknown): Record<string, unknown> => (result as { props: Record<string, unknown> }).props;

describe("a refresh of 1,000 RoleAssignments and 1,000 UserGroupMemberships at the engine's pace", () => {
  let emulator: Emulator;
  let seed: StateData;
  beforeAll(async () => {
    emulator = await startProviderEmulator();
    const base = emulator.state();
    seed = {
      ...base,
      users: [...base.users, ...userIds.map((id) => ({ id, name: id, email: "", orgIds: [ORG] }))],
      roleGrants: [...base.roleGrants, ...userIds.map((userId) => ({ orgId: ORG, userId, roleIds: ["r-viewer"] }))],
      groupGrants: [...base.groupGrants, ...userIds.map((userId) => ({ orgId: ORG, userId, userGroupIds: ["g-ops"] }))],
    };
    emulator.reseed(seed);
  });
  afterAll(() => stopProviderEmulator(emulator));
  beforeEach(() => {
    emulator.reset();
    nextDeployment();
  });

  const readsOf = (users: readonly string[]): Read[] =>
    users.flatMap((userId) => [
      () => roles.read(`${ORG}/${userId}`, roleProps(userId)),
      () => groups.read(`${ORG}/${userId}`, groupProps(userId)),
    ]);

  test("costs at most 10 EnOS calls: a few live batches, then the OU's roster and one batch read per kind", async () => {
    const { result, calls } = await callsDuring(emulator, () => asTheEngineSends(readsOf(userIds)));
    expect(calls.length).toBeLessThanOrEqual(10);

    expect(calls).toContain("POST /app-portal-service/v2.2/user/organization/roster");
    const assigned = result.map((one, index) =>
      index % 2 === 0 ? propsOf(one)["assignedRoleIds"] : propsOf(one)["assignedUserGroupIds"],
    );
    expect(assigned).toEqual(userIds.flatMap(() => [["r-viewer"], ["g-ops"]]));
  });

  test("never hides a change this process wrote: a user it wrote is read live, even never read before", async () => {
    // The first half makes the snapshot (it holds the whole OU); users 900 and 901 have not been read yet.
    await asTheEngineSends(readsOf(userIds.slice(0, USERS / 2)));
    const [written, untouched] = [userIds[900] ?? "", userIds[901] ?? ""];
    await clientFor().appPortal.appendRoles(ORG, written, ["r-viewer", "r-operator"]);
    emulator.mutate({ type: "grant-role", userId: untouched, roleId: "r-operator" });

    const { result, calls } = await callsDuring(emulator, () =>
      Promise.all([written, untouched].map((userId) => roles.read(`${ORG}/${userId}`, roleProps(userId)))),
    );
    expect(propsOf(result[0])["assignedRoleIds"]).toEqual(["r-operator", "r-viewer"]);
    // A change made outside this process during the operation is not seen: the snapshot answered, without a call.
    expect(propsOf(result[1])["assignedRoleIds"]).toEqual(["r-viewer"]);
    expect(calls).toEqual(["POST /app-portal-service/v2.2/userRoles/roleList"]);
  });

  test("an update reads its user's set from the snapshot once, then verifies live", async () => {
    await asTheEngineSends(readsOf(userIds.slice(0, USERS / 2)));
    const user = userIds[950] ?? "";
    const olds = { ...roleProps(user), assignedRoleIds: ["r-viewer"], managedRoleIds: [] };
    const news = { ...roleProps(user), roleIds: ["r-operator"] };
    const { calls } = await callsDuring(emulator, () => roles.update(`${ORG}/${user}`, olds, news));
    // The first call is the write: the user's set before it came from the snapshot; the reads after it are live.
    expect(calls[0]).toMatch(/role\/appendRoles$/);
    expect(calls.slice(1)).toContain("POST /app-portal-service/v2.2/userRoles/roleList");
    const read = await roles.read(`${ORG}/${user}`, roleProps(user));
    expect(propsOf(read)["assignedRoleIds"]).toEqual(["r-operator", "r-viewer"]);
  });

  test("reading a user a second time sees EnOS as it is", async () => {
    await asTheEngineSends(readsOf(userIds.slice(0, USERS / 2)));
    const user = userIds[960] ?? "";
    const first = await roles.read(`${ORG}/${user}`, roleProps(user));
    emulator.mutate({ type: "grant-role", userId: user, roleId: "r-operator" });
    const second = await roles.read(`${ORG}/${user}`, roleProps(user));
    expect([propsOf(first)["assignedRoleIds"], propsOf(second)["assignedRoleIds"]]).toEqual([
      ["r-viewer"],
      ["r-operator", "r-viewer"],
    ]);
  });

  test("a burst arriving all at once is one live batch per kind, with no roster read", async () => {
    const reads = readsOf(userIds.slice(0, 200));
    const { calls } = await callsDuring(emulator, () => Promise.all(reads.map((read) => read())));
    expect(calls.sort()).toEqual([
      "POST /app-portal-service/v2.2/userGroup/getUsersUserGroupList",
      "POST /app-portal-service/v2.2/userRoles/roleList",
    ]);
  });

  test("without the roster permission the reads stay live and coalesced, and right", async () => {
    const withoutRoster = [
      "Authorize users in this OU",
      "Obtain all user permissions in the OU",
      "Obtain the ID and name of all roles in the OU",
    ] as const;
    emulator.reseed({
      ...seed,
      serviceAccounts: seed.serviceAccounts.map((account) => ({ ...account, policies: [...withoutRoster] })),
    });
    try {
      const users = userIds.slice(0, 100);
      const { result, calls } = await callsDuring(emulator, () => asTheEngineSends(readsOf(users)));
      expect(calls.filter((call) => call.endsWith("/roster"))).toHaveLength(1);
      expect(calls.length).toBeGreaterThan(10);
      expect(result.map((one) => Object.keys(propsOf(one)).length > 0)).toEqual(users.flatMap(() => [true, true]));
      expect(result.filter((_, index) => index % 2 === 0).map((one) => propsOf(one)["assignedRoleIds"])).toEqual(
        users.map(() => ["r-viewer"]),
      );
    } finally {
      emulator.reseed(seed);
    }
  });
});

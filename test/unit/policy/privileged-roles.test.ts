import {
  PRIVILEGED_ROLES,
  privilegedRolesConfig,
  privilegedRolesPolicy,
  privilegedRoleViolations,
} from "../../../policy";
import { fakeSource, resource, ROLES, runResourcePolicy, subject } from "./fixtures";

const grant = (userId: string, roleIds: string[]) =>
  subject("grant", {
    orgId: "o-demo",
    userId,
    roleIds,
    exhaustive: undefined,
    protectedRoleIds: undefined,
    maxRemovals: undefined,
  });

describe("privileged roles (rule 1)", () => {
  const defaults = privilegedRolesConfig.parse({});

  it("by default treats the role named Organization Administrator as privileged and allows nobody", () => {
    expect(defaults).toEqual({ roleIds: [], roleNames: ["Organization Administrator"], allowedUserIds: [] });
    const [message, ...rest] = privilegedRoleViolations(grant("u-bob", ["r-viewer", "r-org-admin"]), defaults, ROLES);
    expect(rest).toEqual([]);
    expect(message).toBe(
      `RoleAssignment 'grant' grants the privileged role r-org-admin ("Organization Administrator") to user u-bob in ` +
        `OU o-demo, who is not in ${PRIVILEGED_ROLES}.allowedUserIds; remove the role from roleIds, or add u-bob to ` +
        `${PRIVILEGED_ROLES}.allowedUserIds in the policy pack config`,
    );
  });

  it("passes listed users, unprivileged roles, and names that match no role in the OU", () => {
    expect(
      privilegedRoleViolations(grant("u-alice", ["r-org-admin"]), { ...defaults, allowedUserIds: ["u-alice"] }, ROLES),
    ).toEqual([]);
    expect(privilegedRoleViolations(grant("u-bob", ["r-operator", "r-viewer"]), defaults, ROLES)).toEqual([]);
    expect(
      privilegedRoleViolations(grant("u-bob", ["r-org-admin"]), { ...defaults, roleNames: ["Root"] }, ROLES),
    ).toEqual([]);
  });

  it("matches names case-insensitively and ids without any catalog", () => {
    const byName = { ...defaults, roleNames: ["  device administrator "] };
    expect(privilegedRoleViolations(grant("u-bob", ["r-device-admin"]), byName, ROLES)).toHaveLength(1);
    const byId = { ...defaults, roleNames: [], roleIds: ["r-auditor"] };
    expect(privilegedRoleViolations(grant("u-bob", ["r-auditor"]), byId, undefined)[0]).toContain(
      "privileged role r-auditor (name unknown) to user u-bob",
    );
  });

  describe("as a policy", () => {
    const alice = resource("RoleAssignment", "alice", { orgId: "o-demo", userId: "u-alice", roleIds: ["r-auditor"] });

    it("decides by id without reading EnOS when no names are configured", async () => {
      const source = fakeSource();
      const policy = privilegedRolesPolicy(source);
      expect(await runResourcePolicy(policy, alice, { roleNames: [], roleIds: ["r-viewer"] })).toEqual([]);
      expect(source.loads).toEqual([]);
      const messages = await runResourcePolicy(policy, alice, { roleNames: [], roleIds: ["r-auditor"] });
      expect(messages[0]).toContain(`r-auditor ("Auditor")`); // names read only to word the message
      expect(source.loads).toEqual([["roles", "o-demo"]]);
    });

    it("fails closed when configured names cannot be resolved, naming the key and the fix", async () => {
      const policy = privilegedRolesPolicy(fakeSource(new Error("EnOS said 31403")));
      await expect(runResourcePolicy(policy, alice)).rejects.toThrow(
        `cannot resolve the role names of ${PRIVILEGED_ROLES}.roleNames in OU o-demo: EnOS said 31403; give the pack EnOS credentials`,
      );
    });

    it("words the message with the id alone when names are only decoration and cannot be read", async () => {
      const policy = privilegedRolesPolicy(fakeSource(new Error("offline")));
      const messages = await runResourcePolicy(policy, alice, { roleNames: [], roleIds: ["r-auditor"] });
      expect(messages).toEqual([expect.stringContaining("r-auditor (name unknown)")]);
    });

    it("rejects unknown and mistyped config keys, naming them", async () => {
      const policy = privilegedRolesPolicy(fakeSource());
      await expect(runResourcePolicy(policy, alice, { allowedUsers: ["u-alice"] })).rejects.toThrow(
        `invalid policy config: ${PRIVILEGED_ROLES}: Unrecognized key: "allowedUsers" (unknown keys: allowedUsers)`,
      );
      await expect(runResourcePolicy(policy, alice, { roleIds: "r-x" })).rejects.toThrow(
        `${PRIVILEGED_ROLES}.roleIds:`,
      );
    });

    it("ignores other resource types and fails on a RoleAssignment it cannot read", async () => {
      const policy = privilegedRolesPolicy(fakeSource());
      expect(await runResourcePolicy(policy, resource("EnosApp", "app", { keyword: "x" }))).toEqual([]);
      await expect(
        runResourcePolicy(policy, resource("RoleAssignment", "bad", { userId: 7, roleIds: [] })),
      ).rejects.toThrow("RoleAssignment 'bad': cannot read userId");
    });
  });
});

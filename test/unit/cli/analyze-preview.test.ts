import { analyzePreview } from "../../../cli/review/analyze-preview";
import { UNKNOWN } from "../../../cli/engine/state-view";
import { capture, PROJECT, roles, STACK, state, step } from "./fixtures";

const analyze = (...args: Parameters<typeof capture>) => analyzePreview(capture(...args), PROJECT, STACK);

describe("grant changes are computed from ids, not from the engine's positional list diff", () => {
  test("adding one role to a sorted list is one gain (the engine shows roleIds[0] changed and [1] added)", () => {
    const live = roles("u-bob", ["r-operator"], ["r-operator"], ["r-operator"]);
    const next = roles("u-bob", ["r-auditor", "r-operator"], [], []);
    const [user] = analyze([step("update", "RoleAssignment", "bob", live, next, ["roleIds"])]).users;
    expect(user?.changes).toEqual([
      expect.objectContaining({
        kind: "role",
        action: "gain",
        item: { id: "r-auditor" },
        cause: "program",
        effect: "applied",
      }),
    ]);
  });

  test("an exhaustive grant removing a role it never listed: drift; one it listed before: the program", () => {
    const live = roles("u-alice", ["r-a", "r-b", "r-console"], ["r-a", "r-b", "r-console", "r-p"], ["r-a", "r-b"], {
      exhaustive: true,
      protectedRoleIds: ["r-p"],
    });
    const next = roles("u-alice", ["r-a"], [], [], { exhaustive: true, protectedRoleIds: ["r-p"] });
    const [user] = analyze([step("update", "RoleAssignment", "alice", live, next)]).users;
    const lost = user?.changes.filter((c) => c.action === "lose").map((c) => [c.item.id, c.cause]);
    expect(lost).toEqual([
      ["r-b", "program"],
      ["r-console", "drift"],
    ]);
    expect(user?.grants[0]).toMatchObject({ mode: "exhaustive", protected: [{ id: "r-p" }] });
  });

  test("a managed role revoked in the console and granted again by the next up: drift", () => {
    const live = roles("u-bob", ["r-a"], [], ["r-a"]);
    const next = roles("u-bob", ["r-a"], [], []);
    const [user] = analyze([step("update", "RoleAssignment", "bob", live, next)]).users;
    expect(user?.changes).toEqual([expect.objectContaining({ action: "gain", item: { id: "r-a" }, cause: "drift" })]);
  });

  test("a deleted additive grant removes its managed ids; the last role gone is a note", () => {
    const live = roles("u-carol", ["r-op"], ["r-op"], ["r-op"]);
    const [user] = analyze([step("delete", "RoleAssignment", "carol", live)]).users;
    expect(user?.changes.map((c) => [c.action, c.item.id])).toEqual([["lose", "r-op"]]);
    expect(user?.notes).toContain("left with no roles: no access to any app of the OU");
  });

  test("ids known only after up are said so, not guessed", () => {
    const live = roles("u-bob", ["r-a"], ["r-a"], ["r-a"]);
    const next = roles("u-bob", [UNKNOWN], [], []);
    const [user] = analyze([step("update", "RoleAssignment", "bob", live, next)]).users;
    expect(user?.changes).toEqual([]);
    expect(user?.notes[0]).toMatch(/known only after `pulumi up`/);
  });

  test("a maxRemovals error blocks the removals it names, with the message and the new limit", () => {
    const stored = roles("u-alice", ["r-a"], ["r-a", "r-x"], ["r-a"], { exhaustive: true, maxRemovals: 3 });
    const message =
      "RoleAssignment diff failed: RoleAssignment 'o-demo/u-alice' would remove 2 role(s) [r-a, r-x], more than maxRemovals (1); nothing was changed";
    const refreshed = [step("refresh", "RoleAssignment", "alice", stored)];
    const report = analyze([], refreshed, {
      failed: true,
      diagnostics: [{ severity: "error", message, urn: refreshed[0]!.urn }],
    });
    expect(report.status).toBe("failed");
    const [user] = report.users;
    expect(user?.changes.map((c) => [c.item.id, c.effect, c.cause])).toEqual([
      ["r-a", "blocked", "program"],
      ["r-x", "blocked", "drift"],
    ]);
    expect(user?.grants[0]?.maxRemovals).toBe(1);
    expect(report.guardrails[0]?.resource?.name).toBe("alice");
  });
});

describe("apps, menus, devices", () => {
  const app = (id: string, orgId = "o-demo") =>
    state(
      "EnosApp",
      id,
      { name: { default: "Energy" }, keyword: "energy", category: 101, type: "web", orgId },
      { secretKey: "[secret]", accessKey: "ak-1" },
    );
  const menu = (id: string, parentId: string | undefined, name = "Alarms") =>
    state("AppMenu", id, {
      appId: "app-1",
      keyword: id,
      name: { default: name },
      sortId: 1,
      ...(parentId ? { parentId } : {}),
    });

  test("a menu moved under another parent, with both parents' names; the app is the tree's root", () => {
    const report = analyze([
      step("same", "EnosApp", "energy", app("app-1"), app("app-1")),
      step(
        "same",
        "AppMenu",
        "dashboard",
        menu("menu-1", undefined, "Dashboard"),
        menu("menu-1", undefined, "Dashboard"),
      ),
      step("same", "AppMenu", "settings", menu("menu-2", undefined, "Settings"), menu("menu-2", undefined, "Settings")),
      step("update", "AppMenu", "alarms", menu("menu-3", "menu-1"), menu("menu-3", "menu-2"), ["parentId"]),
    ]);
    expect(report.apps).toHaveLength(1);
    expect(report.apps[0]).toMatchObject({ name: "Energy", action: "none" });
    expect(report.apps[0]?.items[0]).toMatchObject({
      action: "move",
      parentBefore: { id: "menu-1", name: "Dashboard" },
      parentAfter: { id: "menu-2", name: "Settings" },
    });
  });

  test("an app replaced: flagged, its fields listed, no key or secret anywhere", () => {
    const next = app("", "o-other");
    const report = analyze([step("replace", "EnosApp", "energy", app("app-1"), next, ["orgId"])]);
    expect(report.apps[0]).toMatchObject({
      action: "replace",
      fields: [{ field: "orgId", before: "o-demo", after: "o-other" }],
    });
    expect(JSON.stringify(report)).not.toMatch(/secret\]|ak-1/);
  });

  test("a vanished app (kept and marked by the refresh) recreated with recreateIfDeleted: drift, new keys said", () => {
    const marked = app("app-1");
    const live = { ...marked, inputs: { ...marked.inputs, __vanished: "app-1" } };
    const next = app("");
    const report = analyze([step("replace", "EnosApp", "energy", live, next)]);
    expect(report.apps[0]).toMatchObject({ action: "replace", cause: "drift" });
    expect(report.apps[0]?.note).toMatch(/^deleted outside the stack; `recreateIfDeleted: true` creates a new app/);
  });

  test("a menu renamed in the console and set back by the program: drift", () => {
    const stored = menu("menu-3", undefined, "Alarms");
    const live = menu("menu-3", undefined, "Console name");
    const report = analyze(
      [step("update", "AppMenu", "alarms", live, stored, ["name"])],
      [step("refresh", "AppMenu", "alarms", stored)],
    );
    expect(report.apps[0]?.items[0]).toMatchObject({ action: "rename", cause: "drift" });
  });

  test("devices: a disable, a drift switched back, and what delete restores", () => {
    const device = (enabled: boolean, extra: Record<string, unknown> = {}) =>
      state("DeviceEnablement", "o-demo/a-1", { assetId: "a-1", enabled, ...extra }, { originalEnabled: true });
    const report = analyze(
      [
        step("update", "DeviceEnablement", "t1", device(true), device(false), ["enabled"]),
        step("update", "DeviceEnablement", "t2", device(true), device(false), ["enabled"]),
        step("delete", "DeviceEnablement", "t3", device(false)),
      ],
      [step("refresh", "DeviceEnablement", "t2", device(false))],
    );
    expect(report.devices.map((d) => [d.resource.name, d.action, d.cause, d.after])).toEqual([
      ["t1", "disable", "program", false],
      ["t2", "disable", "drift", false],
      ["t3", "restore", "program", true],
    ]);
  });

  test("anything else the preview changes is listed too, so nothing is hidden", () => {
    const other = {
      op: "create",
      urn: "urn:pulumi:dev::proj::random:index/randomId:RandomId::id",
      type: "random:index/randomId:RandomId",
    };
    expect(analyze([other]).other).toEqual([
      expect.objectContaining({ action: "create", resource: expect.objectContaining({ name: "id" }) }),
    ]);
  });
});

import * as pulumi from "@pulumi/pulumi";
import { importRefusal, refuseImport } from "../../sdk/import-option";
import { claimKeyword, duplicateKeywordMessage, scopeOf } from "../../sdk/keyword-registry";

describe("the scope a keyword is unique within", () => {
  test("an app's keyword is unique in its OU, the default OU when none is given", () => {
    expect(scopeOf("EnosApp", "o-demo")).toEqual({ key: "ou:o-demo", label: "OU 'o-demo'" });
    expect(scopeOf("EnosApp", undefined, "o-demo")).toEqual(scopeOf("EnosApp", "o-demo"));
  });

  test("a menu's or permission's keyword is unique in its app, an unresolved app id standing for itself", () => {
    expect(scopeOf("AppMenu", "app-1")).toEqual({ key: "app:app-1", label: "app 'app-1'" });
    const appId = pulumi.output("app-1");
    expect(scopeOf("AppMenu", appId)).toEqual(scopeOf("AppPermission", appId));
    expect(scopeOf("AppMenu", appId).key).not.toEqual(scopeOf("AppMenu", pulumi.output("app-1")).key);
  });
});

describe("two resources of one program with one keyword", () => {
  test("the second gets an issue on its keyword naming both, the keyword, the scope and the way out", () => {
    expect(claimKeyword("EnosApp", "energy", "o-kw-test", "energy-mgmt")).toBeUndefined();
    expect(claimKeyword("EnosApp", "energy-copy", "o-kw-test", "energy-mgmt")).toEqual({
      property: "keyword",
      reason: expect.stringContaining(
        "EnosApp 'energy-copy' and 'energy' both declare keyword 'energy-mgmt' in OU 'o-kw-test'",
      ),
    });
  });

  test("menus of the same unresolved app collide; the same keyword in another app or kind does not", () => {
    const app = pulumi.output("app-x");
    expect(claimKeyword("AppMenu", "dashboard", app, "dashboard")).toBeUndefined();
    expect(claimKeyword("AppMenu", "dashboard-2", app, "dashboard")).toMatchObject({
      reason: expect.stringMatching(/in the same app/),
    });
    expect(claimKeyword("AppMenu", "dashboard-3", pulumi.output("app-y"), "dashboard")).toBeUndefined();
    expect(claimKeyword("AppPermission", "dashboard-permission", app, "dashboard")).toBeUndefined();
  });

  test("a resource registering its own keyword again is no conflict", () => {
    expect(claimKeyword("AppPermission", "delete-device", "app-z", "device.delete")).toBeUndefined();
    expect(claimKeyword("AppPermission", "delete-device", "app-z", "device.delete")).toBeUndefined();
  });

  test("the message says what would happen and how to fix it", () => {
    const message = duplicateKeywordMessage("AppMenu", "b", "a", "alarms", { key: "app:app-1", label: "app 'app-1'" });
    expect(message).toContain("EnOS keeps one menu per keyword there");
    expect(message).toContain("adopt: true takes over the first one's menu");
    expect(message).toContain("Give each resource its own keyword, or remove one of them.");
  });
});

describe("the import resource option", () => {
  test("is taken out of the options and refused with an issue pointing at adopt for the keyword resources", () => {
    expect(refuseImport("EnosApp", "energy", { import: "app-9", protect: true })).toEqual({
      opts: { protect: true },
      issue: { property: "", reason: importRefusal("EnosApp", "energy") },
    });
    expect(importRefusal("EnosApp", "energy")).toMatch(
      /^EnosApp 'energy': the `import` resource option .* set `adopt: true` instead: the resource then takes over the existing app/,
    );
  });

  test("tells grants and devices that they need no import", () => {
    expect(importRefusal("RoleAssignment", "alice")).toContain("a RoleAssignment needs none");
    expect(importRefusal("DeviceEnablement", "turbine")).toContain("it never creates a device");
  });

  test("is no concern without the option", () => {
    expect(refuseImport("AppMenu", "dashboard", { protect: true })).toEqual({
      opts: { protect: true },
      issue: undefined,
    });
    expect(refuseImport("AppMenu", "dashboard", undefined)).toEqual({ opts: undefined, issue: undefined });
  });
});

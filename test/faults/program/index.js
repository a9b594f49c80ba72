// One resource of each of the six kinds, small so that a fault profile's whole cycle (create, update, refresh
// preview, destroy) stays a few seconds. Stack config:
//   faults:tag      makes the app's keyword unique per profile, so a profile that leaves an orphan cannot make the
//                   next one adopt or collide with it (the matrix counts objects by keyword)
//   faults:variant  "a" (created) or "b" (every resource updated: texts, a role and a group swapped, the device
//                   switch moved to another device, which replaces it)
// JavaScript, not TypeScript: the language host then starts the program without compiling it.
"use strict";
const pulumi = require("@pulumi/pulumi");
const enos = require("pulumi-enos");

module.exports = async () => {
  const config = new pulumi.Config("faults");
  const tag = config.require("tag");
  const b = config.get("variant") === "b";
  const app = new enos.EnosApp("app", {
    name: `Fault matrix ${tag}`,
    description: b ? "updated" : "created",
    category: 101,
    keyword: `fm-${tag}`,
  });
  new enos.AppMenu("menu", { appId: app.id, keyword: "fm-menu", name: b ? "Menu (updated)" : "Menu" });
  new enos.AppPermission("permission", {
    appId: app.id,
    keyword: "fm.permission",
    name: b ? "Permission (updated)" : "Permission",
  });
  new enos.RoleAssignment("bob-roles", { userId: "u-bob", roleIds: b ? ["r-auditor"] : ["r-operator"] });
  new enos.UserGroupMembership("alice-groups", { userId: "u-alice", userGroupIds: b ? ["g-field"] : ["g-ops"] });
  new enos.DeviceEnablement("turbine", { assetId: b ? "a-turbine-8" : "a-turbine-7", enabled: false });
  return { appId: app.id };
};

// One program per policy verdict (test/engine/policy.test.ts), picked by the file `case` beside this one (written by
// the test before each preview: cheaper than a stack config change, which is a CLI run of its own). "pass" satisfies
// every rule under the test's pack config; each other case breaks one rule (the stack case, both stack rules).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const enos = require("pulumi-enos");

/** What every case shares: grants and a device that pass every rule. */
function baseline() {
  new enos.RoleAssignment("alice-roles", {
    userId: "u-alice",
    roleIds: ["r-device-admin"],
    exhaustive: true,
    protectedRoleIds: ["r-org-admin"],
    maxRemovals: 3,
  });
  new enos.UserGroupMembership("alice-groups", { userId: "u-alice", userGroupIds: ["g-eng"] });
  new enos.DeviceEnablement("turbine-8", { assetId: "a-turbine-8", enabled: false });
}

/** @type {Record<string, () => void>} */
const cases = {
  pass() {
    const app = new enos.EnosApp("energy", {
      name: "Energy",
      category: 101,
      keyword: "energy-mgmt",
      url: "https://energy.example.com/",
    });
    new enos.AppMenu("dashboard", { appId: app.id, keyword: "dashboard", name: "Dashboard" });
    new enos.RoleAssignment("bob-roles", { userId: "u-bob", roleIds: ["r-operator"] });
  },
  "privileged-role"() {
    new enos.RoleAssignment("bob-roles", { userId: "u-bob", roleIds: ["r-operator", "r-org-admin"] });
  },
  "exhaustive-grant"() {
    new enos.RoleAssignment("carol-roles", { userId: "u-carol", roleIds: ["r-operator"], exhaustive: true });
  },
  "protected-device"() {
    new enos.DeviceEnablement("turbine-7", { assetId: "a-turbine-7", enabled: false });
  },
  "privileged-group"() {
    new enos.UserGroupMembership("bob-groups", { userId: "u-bob", userGroupIds: ["g-ops"] });
  },
  "stack-rules"() {
    new enos.RoleAssignment("dave-audit", { userId: "u-dave", roleIds: ["r-auditor"] });
    new enos.RoleAssignment("dave-ops", { userId: "u-dave", roleIds: ["r-operator"] });
    new enos.DeviceEnablement("meter-1", { productKey: "p-meter", deviceKey: "meter-1", enabled: false });
    new enos.DeviceEnablement("inverter-2", { assetId: "a-inverter-2", enabled: false });
  },
  "app-hygiene"() {
    new enos.EnosApp("energy", {
      name: "Energy",
      category: 101,
      keyword: "energy-mgmt",
      url: "http://energy.example.com/",
    });
  },
};

module.exports = async () => {
  const name = fs.readFileSync(path.join(__dirname, "case"), "utf8").trim();
  const build = cases[name];
  if (!build) throw new Error(`the case file must name one of ${Object.keys(cases).join(", ")}; got '${name}'`);
  baseline();
  build();
};

// One program per conflict the sdk catches while the program runs, picked by the file `case` beside this one
// (written by test/engine/guardrails.test.ts before each preview: cheaper than a stack config change).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const enos = require("pulumi-enos");

/** @type {Record<string, () => void>} */
const cases = {
  // Two exhaustive RoleAssignments for one user: each would remove the other's roles on every run.
  "duplicate-exhaustive"() {
    new enos.RoleAssignment("alice-admin", { userId: "u-alice", roleIds: ["r-device-admin"], exhaustive: true });
    new enos.RoleAssignment("alice-viewer", { userId: "u-alice", roleIds: ["r-viewer"], exhaustive: true });
  },
  // Two apps with one keyword in the default OU: one of them would take over (or fail on) the other's app.
  "duplicate-app-keyword"() {
    new enos.EnosApp("energy", { name: "Energy", category: 101, keyword: "energy-mgmt" });
    new enos.EnosApp("energy-copy", { name: "Energy (copy)", category: 101, keyword: "energy-mgmt", adopt: true });
  },
  // Two menus with one keyword in an app created by this very program: its id is unknown at preview.
  "duplicate-menu-keyword"() {
    const app = new enos.EnosApp("alarms", { name: "Alarms", category: 101, keyword: "alarms" });
    new enos.AppMenu("overview", { appId: app.id, keyword: "overview", name: "Overview" });
    new enos.AppMenu("overview-again", { appId: app.id, keyword: "overview", name: "Overview", sortId: 2 });
  },
  // The import option, which Pulumi cannot honour for dynamic resources.
  "import-option"() {
    new enos.EnosApp("legacy", { name: "Legacy", category: 101, keyword: "legacy" }, { import: "app-9" });
  },
  // An exhaustive grant for a user who holds Organization Administrator, capped at no removal: the preview must see it.
  "exhaustive-strips-admin"() {
    new enos.RoleAssignment("alice", { userId: "u-alice", roleIds: ["r-viewer"], exhaustive: true, maxRemovals: 0 });
  },
  // An exhaustive grant the test deploys, then changes behind its back in the console.
  "exhaustive-carol"() {
    new enos.RoleAssignment("carol", { userId: "u-carol", roleIds: ["r-auditor"], exhaustive: true });
  },
};

module.exports = async () => {
  const name = fs.readFileSync(path.join(__dirname, "case"), "utf8").trim();
  const build = cases[name];
  if (!build) throw new Error(`the case file must name one of ${Object.keys(cases).join(", ")}; got '${name}'`);
  build();
};

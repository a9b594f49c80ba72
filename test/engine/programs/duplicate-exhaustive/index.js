// Two exhaustive RoleAssignments for one user: each would remove the other's roles on every run.
"use strict";
const enos = require("pulumi-enos");

module.exports = async () => {
  new enos.RoleAssignment("alice-admin", { userId: "u-alice", roleIds: ["r-device-admin"], exhaustive: true });
  new enos.RoleAssignment("alice-viewer", { userId: "u-alice", roleIds: ["r-viewer"], exhaustive: true });
};

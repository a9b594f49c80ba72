// Singular lookups by name, id, keyword and device keys, as promises and as Outputs over Inputs. Stack config
// `lookups:roleName` changes the role looked up (a wrong one must fail the preview cleanly).
"use strict";
const pulumi = require("@pulumi/pulumi");
const enos = require("pulumi-enos");

module.exports = async () => {
  const config = new pulumi.Config("lookups");
  const operator = await enos.getRole({ name: config.get("roleName") ?? "Operator" });
  const viewer = await enos.getRole({ id: "r-viewer" });
  const ops = enos.getUserGroupOutput({ name: pulumi.output("Operations") });
  const app = new enos.EnosApp("energy", { name: "Energy Management", category: 101, keyword: "energy-mgmt" });
  // Known only once the app exists: during preview this Output stays unknown, up fills it.
  const found = enos.getAppOutput({ id: app.id });
  const turbine = enos.getDeviceOutput({ productKey: "p-turbine", deviceKey: pulumi.output("turbine-7") });
  return {
    roleIds: [operator.id, viewer.id],
    groupId: ops.id,
    appKeyword: found.keyword,
    turbineAssetId: turbine.assetId,
  };
};

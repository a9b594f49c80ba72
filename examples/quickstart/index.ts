import * as pulumi from "@pulumi/pulumi";
import * as enos from "pulumi-enos";

// The quickstart: an app with two menus and a permission, roles and groups for two users, and one device switched
// off for maintenance. Stack config under `quickstart:` changes a few inputs without editing code, which is how the
// demo and the engine tests show diffs:
//   quickstart:dashboardName   menu title              quickstart:aliceRoles     JSON array of role names
//   quickstart:turbineEnabled  true | false            quickstart:menuSortId     sort position of the alarms menu
//   quickstart:appKeyword      the app's keyword       quickstart:turbineAssetId which device to switch
//   quickstart:recreateApp     true: an app deleted in the console may come back (new id and keys)
export = async () => {
  const config = new pulumi.Config("quickstart");

  // Lookups let a program grant roles by name rather than by opaque id; a name no role has fails the preview, naming
  // the closest ones. The OU's role list is fetched once for all of them.
  const roleId = async (name: string): Promise<string> => (await enos.getRole({ name })).id;

  const app = new enos.EnosApp("energy", {
    name: { default: "Energy Management", zh_CN: "能源管理" },
    description: "Site energy dashboards and device controls",
    category: 101,
    type: "web",
    keyword: config.get("appKeyword") ?? "energy-mgmt",
    // Left false, an app deleted in the console stops the next `up` instead of coming back with new credentials.
    recreateIfDeleted: config.getBoolean("recreateApp") ?? false,
  });

  const dashboard = new enos.AppMenu("dashboard", {
    appId: app.id,
    keyword: "dashboard",
    name: config.get("dashboardName") ?? "Dashboard",
    sortId: 1,
  });
  const alarms = new enos.AppMenu("alarms", {
    appId: app.id,
    keyword: "alarms",
    name: { default: "Alarms", zh_CN: "告警" },
    parentId: dashboard.id,
    sortId: config.getNumber("menuSortId") ?? 2,
  });
  const deleteDevice = new enos.AppPermission("delete-device", {
    appId: app.id,
    keyword: "device.delete",
    name: "Delete Device",
  });

  const aliceRoleNames = config.getObject<string[]>("aliceRoles") ?? ["Device Administrator"];
  const alice = new enos.RoleAssignment("alice-roles", {
    userId: "u-alice",
    roleIds: await Promise.all(aliceRoleNames.map(roleId)),
    exhaustive: true,
    protectedRoleIds: [await roleId("Organization Administrator")],
    maxRemovals: 3,
  });
  // The Output form takes Inputs (another resource's output, say) and gives an Output.
  const operator = enos.getRoleOutput({ name: "Operator" });
  new enos.RoleAssignment("bob-roles", { userId: "u-bob", roleIds: [operator.id] });
  const aliceGroups = new enos.UserGroupMembership("alice-groups", { userId: "u-alice", userGroupIds: ["g-ops"] });

  const turbine = new enos.DeviceEnablement("turbine-7", {
    assetId: config.get("turbineAssetId") ?? "a-turbine-7",
    enabled: config.getBoolean("turbineEnabled") ?? false,
  });

  return {
    appId: app.id,
    accessKey: app.accessKey,
    secretKey: app.secretKey,
    menuIds: { dashboard: dashboard.id, alarms: alarms.id },
    permissionId: deleteDevice.id,
    aliceRoles: alice.assignedRoleIds,
    aliceGroups: aliceGroups.assignedUserGroupIds,
    turbineStatus: turbine.status,
  };
};

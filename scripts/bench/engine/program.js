// @ts-check
// The benchmark's Pulumi program, copied into the bench project as index.js (plain JavaScript, so neither stack
// pays for TypeScript compilation). Stack config `bench:kind` picks what it declares:
//   enos: one EnosApp, `bench:menus` AppMenus, and for each of `bench:users` seeded users one RoleAssignment and
//         one UserGroupMembership (N grants = 2 x users);
//   noop: the same number of no-op dynamic resources (create/read/delete answer at once, nothing is called);
//   shaped: the same number of no-op resources whose state has a grant's shape (its inputs and outputs, read
//           answering both, a diff): what the engine's own cost per resource is for state like ours.
"use strict";
const pulumi = require("@pulumi/pulumi");
const enos = require("pulumi-enos");

const config = new pulumi.Config("bench");
const kind = config.require("kind");
const users = config.requireNumber("users");
const menus = config.requireNumber("menus");

/** @type {pulumi.dynamic.ResourceProvider<{ name: string }, { name: string }>} */
const noopProvider = {
  async create(inputs) {
    return { id: inputs.name, outs: inputs };
  },
  async read(id, props) {
    return { id, props: props ?? { name: id } };
  },
  async delete() {},
};

class Noop extends pulumi.dynamic.Resource {
  /** @param {string} name */
  constructor(name) {
    super(noopProvider, name, { name }, {});
  }
}

/**
 * A RoleAssignment's state: its inputs (check's defaults filled in) and outputs.
 * @typedef {{ userId: string, orgId: string, roleIds: string[], exhaustive: boolean, restoreOnDelete: boolean }} ShapedInputs
 * @typedef {ShapedInputs & { assignedRoleIds: string[], managedRoleIds: string[] }} ShapedOutputs
 */

/** @type {pulumi.dynamic.ResourceProvider<ShapedInputs, Partial<ShapedOutputs>>} */
const shapedProvider = {
  async create(inputs) {
    const outs = { ...inputs, assignedRoleIds: inputs.roleIds, managedRoleIds: inputs.roleIds };
    return { id: `${inputs.orgId}/${inputs.userId}`, outs };
  },
  async read(id, props) {
    if (props === undefined) return { id };
    const { assignedRoleIds: _assigned, managedRoleIds: _managed, ...inputs } = props;
    return { id, props, inputs };
  },
  async diff() {
    return {};
  },
  async delete() {},
};

class Shaped extends pulumi.dynamic.Resource {
  /** @param {string} name @param {string} userId */
  constructor(name, userId) {
    const inputs = { userId, orgId: "o-demo", roleIds: ["r-viewer"], exhaustive: false, restoreOnDelete: true };
    super(shapedProvider, name, { ...inputs, assignedRoleIds: undefined, managedRoleIds: undefined }, {});
  }
}

const userId = (/** @type {number} */ i) => `u-bench-${String(i).padStart(5, "0")}`;

if (kind === "noop") {
  for (let i = 0; i < 2 * users + 1 + menus; i += 1) new Noop(`noop-${i}`);
} else if (kind === "shaped") {
  for (let i = 0; i < 2 * users + 1 + menus; i += 1) new Shaped(`shaped-${i}`, userId(i));
} else {
  const app = new enos.EnosApp("bench-app", {
    name: "Bench App",
    description: "pulumi-enos engine benchmark",
    category: 101,
    type: "web",
    keyword: "bench-app",
  });
  for (let i = 0; i < menus; i += 1) {
    new enos.AppMenu(`menu-${i}`, { appId: app.id, keyword: `menu-${i}`, name: `Menu ${i}`, sortId: i + 1 });
  }
  for (let i = 0; i < users; i += 1) {
    new enos.RoleAssignment(`roles-${i}`, { userId: userId(i), roleIds: ["r-viewer"] });
    new enos.UserGroupMembership(`groups-${i}`, { userId: userId(i), userGroupIds: ["g-ops"] });
  }
}

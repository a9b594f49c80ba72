import {
  UNKNOWN,
  checkInputs,
  appMenuSchema,
  appPermissionSchema,
  deviceEnablementSchema,
  enosAppSchema,
  roleAssignmentSchema,
  userGroupMembershipSchema,
  containsUnknown,
  isUnknown,
  type ResourceSchema,
} from "../../../provider/inputs";
import { expectInputs, hasUndefined } from "./expect-check";

/** Each resource with an input that sets every field, so every field can be swapped for the sentinel. */
const resources: [string, ResourceSchema, Record<string, unknown>][] = [
  [
    "EnosApp",
    enosAppSchema,
    { name: "App", description: "d", category: 104, type: "web", keyword: "app", icon: "", url: "", adopt: false },
  ],
  [
    "AppMenu",
    appMenuSchema,
    { appId: "a", keyword: "m", name: "M", description: "d", parentId: "p", sortId: 2, url: "/m", adopt: true },
  ],
  ["AppPermission", appPermissionSchema, { appId: "a", keyword: "p", name: "P", description: "d", adopt: false }],
  [
    "RoleAssignment",
    roleAssignmentSchema,
    { userId: "u", roleIds: ["r"], exhaustive: true, protectedRoleIds: ["r0"], maxRemovals: 1 },
  ],
  [
    "UserGroupMembership",
    userGroupMembershipSchema,
    { userId: "u", userGroupIds: ["g"], exhaustive: false, protectedUserGroupIds: ["g0"], maxRemovals: 0 },
  ],
  ["DeviceEnablement", deviceEnablementSchema, { assetId: "a", enabled: true, restoreOnDelete: false }],
];

describe.each(resources)("%s check during preview", (_name, schema, full) => {
  const withOrg = { orgId: "o-1", ...full };

  it.each(Object.keys(withOrg))("keeps an unknown %s and reports no failure", (key) => {
    const inputs = expectInputs(checkInputs(schema, { ...withOrg, [key]: UNKNOWN }, {})) as Record<string, unknown>;
    expect(inputs[key]).toBe(UNKNOWN);
  });

  it("accepts every field unknown at once, even without a default orgId", () => {
    const allUnknown = Object.fromEntries(Object.keys(withOrg).map((key) => [key, UNKNOWN]));
    expect(expectInputs(checkInputs(schema, allUnknown, {}))).toMatchObject(allUnknown);
  });

  it("passes __provider through untouched, known or unknown, and never emits undefined", () => {
    for (const provider of ["exports.handler = {...}", UNKNOWN]) {
      const inputs = expectInputs(checkInputs(schema, { ...full, __provider: provider }, { orgId: "o-1" }));
      expect(inputs).toHaveProperty("__provider", provider);
      expect(hasUndefined(inputs)).toBe(false);
    }
  });
});

describe("unknown values inside fields", () => {
  it("keeps unknown i18n texts, including an unknown default", () => {
    const news = { appId: "a", keyword: "k", name: { default: UNKNOWN, "zh-CN": UNKNOWN } };
    expect(expectInputs(checkInputs(appPermissionSchema, news, { orgId: "o" })).name).toEqual({
      default: UNKNOWN,
      zh_CN: UNKNOWN,
    });
  });

  it("sorts the known ids of a list and keeps unknown elements at the end, undeduplicated", () => {
    const news = { userId: "u", roleIds: [UNKNOWN, "r-b", "r-a", UNKNOWN, "r-b"] };
    const inputs = expectInputs(checkInputs(roleAssignmentSchema, news, { orgId: "o" }));
    expect(inputs.roleIds).toEqual(["r-a", "r-b", UNKNOWN, UNKNOWN]);
  });

  it("does not call an empty roleIds an error while exhaustive is unknown", () => {
    expectInputs(checkInputs(roleAssignmentSchema, { userId: "u", roleIds: [], exhaustive: UNKNOWN }, { orgId: "o" }));
  });

  it("does not call the device identity ambiguous while one side is unknown", () => {
    const news = { assetId: UNKNOWN, productKey: "p", deviceKey: "d", enabled: true };
    expectInputs(checkInputs(deviceEnablementSchema, news, { orgId: "o" }));
    expectInputs(
      checkInputs(deviceEnablementSchema, { productKey: UNKNOWN, deviceKey: "d", enabled: true }, { orgId: "o" }),
    );
  });

  it("still reports known mistakes next to unknown values", () => {
    const outcome = checkInputs(appMenuSchema, { appId: UNKNOWN, keyword: "k", name: "M", sortId: 0 }, { orgId: "o" });
    expect(outcome.failures.map((f) => f.property)).toEqual(["sortId"]);
  });
});

describe("isUnknown and containsUnknown", () => {
  it("recognise the sentinel only, at any depth", () => {
    expect(isUnknown(UNKNOWN)).toBe(true);
    expect(isUnknown(`${UNKNOWN} `)).toBe(false);
    expect(containsUnknown({ a: [1, { b: UNKNOWN }] })).toBe(true);
    expect(containsUnknown({ a: [1, { b: "x" }], c: null })).toBe(false);
  });
});

import { checkInputs, appPermissionSchema } from "../../../provider/inputs";
import { expectFailure, expectInputs } from "./expect-check";

const valid = { appId: "app-1", keyword: "device.delete", name: "Delete Device" };
const check = (news: Record<string, unknown>) => checkInputs(appPermissionSchema, news, { orgId: "o-1" });

describe("checkAppPermission rejects bad input, naming the property and the fix", () => {
  it.each([
    ["keyword is missing", { keyword: undefined }, "keyword", ["keyword is required", "1 to 64 characters"]],
    ["keyword is empty", { keyword: "" }, "keyword", ["1 to 64 characters", 'got ""']],
    ["name is missing", { name: undefined }, "name", ["name is required"]],
    ["description is misspelt", { descripton: "x" }, "descripton", ["did you mean 'description'?"]],
    ["a property is abbreviated", { desc: "x" }, "desc", ["did you mean 'description'?"]],
    ["the property is unrelated", { color: "red" }, "color", ["valid inputs: orgId, appId, keyword"]],
    ["a menu-only input is passed", { sortId: 1 }, "sortId", ["unknown property 'sortId'"]],
    ["description value is not a string", { description: { default: "d", ja_JP: false } }, "description.ja_JP", []],
  ])("when %s", (_title, override, property, fragments) => {
    expectFailure(check({ ...valid, ...override }), property, ...fragments);
  });
});

describe("checkAppPermission normalises and applies defaults", () => {
  it("fills orgId and adopt and normalises name and description", () => {
    expect(expectInputs(check({ ...valid, description: { default: "Allowed to delete", "zh-CN": "删除" } }))).toEqual({
      orgId: "o-1",
      appId: "app-1",
      keyword: "device.delete",
      name: { default: "Delete Device" },
      description: { default: "Allowed to delete", zh_CN: "删除" },
      adopt: false,
    });
  });

  it("replaces on orgId and appId", () => {
    expect(appPermissionSchema.replaceOn).toEqual(["orgId", "appId"]);
  });
});

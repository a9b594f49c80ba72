import { checkInputs, appMenuSchema } from "../../../provider/inputs";
import { expectFailure, expectInputs } from "./expect-check";

const valid = { appId: "app-1", keyword: "dashboard", name: "Dashboard" };
const check = (news: Record<string, unknown>) => checkInputs(appMenuSchema, news, { orgId: "o-1" });

describe("checkAppMenu rejects bad input, naming the property and the fix", () => {
  it("says sortId must be an integer >= 1 and that smaller sorts first", () => {
    const reason = expectFailure(check({ ...valid, sortId: 0 }), "sortId");
    expect(reason).toBe("sortId must be an integer >= 1 (smaller sorts first); got 0");
  });

  it.each([
    ["sortId is fractional", { sortId: 1.5 }, "sortId", ["integer >= 1", "got 1.5"]],
    ["sortId is a string", { sortId: "1" }, "sortId", ["integer >= 1", 'got "1"']],
    ["appId is missing", { appId: undefined }, "appId", ["appId is required", "e.g. app.id"]],
    ["appId is empty", { appId: "" }, "appId", ["non-empty app id", 'got ""']],
    ["parentId has surrounding spaces", { parentId: " m-1" }, "parentId", ["without surrounding spaces"]],
    ["parentId is a number", { parentId: 7 }, "parentId", ["omit for a root menu", "got 7"]],
    ["keyword has a slash", { keyword: "a/b" }, "keyword", ["A-Z a-z 0-9 _ . -"]],
    ["name is an array", { name: ["Dashboard"] }, "name", ["non-empty string or a map"]],
    ["url contains a space", { url: "/my dashboard" }, "url", ["no spaces"]],
    ["url has a javascript: scheme", { url: "javascript:alert(1)" }, "url", ["http(s) URL"]],
    ["a property differs only in case", { sortID: 2 }, "sortID", ["did you mean 'sortId'?"]],
    ["the output menuId is passed", { menuId: "m-1" }, "menuId", ["is an output"]],
  ])("when %s", (_title, override, property, fragments) => {
    expectFailure(check({ ...valid, ...override }), property, ...fragments);
  });
});

describe("checkAppMenu normalises and applies defaults", () => {
  it("defaults sortId to 1 and adopt to false, and fills orgId", () => {
    expect(expectInputs(check(valid))).toEqual({
      orgId: "o-1",
      appId: "app-1",
      keyword: "dashboard",
      name: { default: "Dashboard" },
      sortId: 1,
      adopt: false,
    });
  });

  it("keeps parentId, sortId, and path or http(s) urls", () => {
    for (const url of ["/dashboard", "https://example.com/x", "", "pages/home"]) {
      const inputs = expectInputs(check({ ...valid, parentId: "m-root", sortId: 3, url }));
      expect(inputs).toMatchObject({ parentId: "m-root", sortId: 3, url });
    }
  });

  it("replaces on orgId and appId", () => {
    expect(appMenuSchema.replaceOn).toEqual(["orgId", "appId"]);
  });
});

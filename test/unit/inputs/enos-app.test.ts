import { checkInputs, enosAppSchema } from "../../../provider/inputs";
import { expectFailure, expectInputs } from "./expect-check";

const defaults = { orgId: "o-1" };
const valid = { name: "Energy Management", category: 104, keyword: "energy-mgmt" };
const check = (news: Record<string, unknown>, d: { orgId?: string } = defaults) => checkInputs(enosAppSchema, news, d);

/** A base64 string that decodes to `bytes` bytes. */
const base64Of = (bytes: number) => Buffer.alloc(bytes, 7).toString("base64");

describe("checkEnosApp rejects bad input, naming the property and the fix", () => {
  it.each([
    ["name is a number", { name: 42 }, "name", ["name must be a non-empty string or a map", "got 42"]],
    ["name is an empty string", { name: "" }, "name", ["non-empty string", 'got ""']],
    ["name map has no default", { name: { zh_CN: "能源" } }, "name.default", ["name.default is required", "default:"]],
    ["name default is empty", { name: { default: "" } }, "name.default", ["must be a non-empty string"]],
    [
      "a locale value is not a string",
      { name: { default: "A", zh_CN: 5 } },
      "name.zh_CN",
      ["must be a string", "got 5"],
    ],
    ["a locale key is not a locale id", { name: { default: "A", english: "A" } }, "name.english", ["en_US, zh_CN"]],
    ["'Default' is capitalised", { name: { Default: "A" } }, "name.Default", ["did you mean 'default'?"]],
    [
      "one locale is spelled twice with different texts",
      { name: { default: "A", "en-US": "one", en_US: "two" } },
      "name.en_US",
      ["locale en_US a second time", "keep one"],
    ],
    ["description map has no default", { description: { en_US: "x" } }, "description.default", ["is required"]],
    ["category is a numeric string", { category: "104" }, "category", ["integer >= 1", 'got "104"']],
    ["category is not an integer", { category: 1.5 }, "category", ["integer >= 1", "got 1.5"]],
    ["category is below 1", { category: 0 }, "category", ["category must be an integer >= 1", "got 0"]],
    ["category is missing", { category: undefined }, "category", ["category is required: it must be an integer"]],
    ["type is not web/mobile", { type: "desktop" }, "type", ['"web" or "mobile"', 'got "desktop"']],
    ["keyword has a space", { keyword: "energy mgmt" }, "keyword", ["A-Z a-z 0-9 _ . -", 'got "energy mgmt"']],
    ["keyword is too long", { keyword: "k".repeat(65) }, "keyword", ["1 to 64 characters"]],
    ["keyword is missing", { keyword: undefined }, "keyword", ["keyword is required"]],
    ["icon is not base64", { icon: "not base64!" }, "icon", ["standard base64", 'toString("base64")']],
    ["icon is a data: URI", { icon: `data:image/png;base64,${base64Of(3)}` }, "icon", ["no data: prefix"]],
    ["icon exceeds 1 MiB", { icon: base64Of(1024 * 1024 + 1) }, "icon", ["at most 1 MiB", "1048577 bytes"]],
    ["url has another scheme", { url: "ftp://example.com/app" }, "url", ["http(s) URL", 'or "" for none']],
    ["url is not absolute", { url: "example.com/app" }, "url", ["http(s) URL", 'got "example.com/app"']],
    ["adopt is a string", { adopt: "yes" }, "adopt", ["adopt must be true", 'got "yes"']],
    ["a property is misspelt", { keywrod: "x" }, "keywrod", ["unknown property 'keywrod'; did you mean 'keyword'?"]],
    ["an output is passed as input", { accessKey: "ak" }, "accessKey", ["is an output", "remove it"]],
    ["orgId is given but empty", { orgId: "" }, "orgId", ["non-empty OU (organization) id"]],
  ])("when %s", (_title, override, property, fragments) => {
    expectFailure(check({ ...valid, ...override }), property, ...fragments);
  });

  it("fails on a missing orgId without a configured default, saying how to set one", () => {
    const outcome = check(valid, {});
    expectFailure(outcome, "orgId", "pulumi config set enos:orgId <ou-id>", "ENOS_ORG_ID");
    expect(outcome.failures.filter((f) => f.property === "orgId")).toHaveLength(1);
  });

  it("reports every independent problem at once", () => {
    const outcome = check({ name: 1, category: 0, keyword: "a b", tpye: "web" });
    expect(outcome.failures.map((f) => f.property).sort()).toEqual(["category", "keyword", "name", "tpye"]);
  });
});

describe("checkEnosApp normalises and applies defaults", () => {
  it("turns a string name into { default } and fills orgId, type and adopt", () => {
    expect(expectInputs(check(valid))).toEqual({
      orgId: "o-1",
      name: { default: "Energy Management" },
      category: 104,
      type: "web",
      keyword: "energy-mgmt",
      adopt: false,
    });
  });

  it("keeps an explicit orgId over the default and explicit optional values", () => {
    const inputs = expectInputs(
      check({ ...valid, orgId: "o-2", type: "mobile", url: "", icon: base64Of(4), adopt: true, description: "d" }),
    );
    expect(inputs).toMatchObject({ orgId: "o-2", type: "mobile", url: "", icon: base64Of(4), adopt: true });
    expect(inputs.description).toEqual({ default: "d" });
  });

  it("normalises locale keys and sorts them after default", () => {
    const name = { "zh-cn": "能源", default: "Energy", "en-US": "Energy", "zh-hans-cn": "能源" };
    const inputs = expectInputs(check({ ...valid, name }));
    expect(inputs.name).toEqual({ default: "Energy", en_US: "Energy", zh_CN: "能源", zh_Hans_CN: "能源" });
    expect(Object.keys(inputs.name)).toEqual(["default", "en_US", "zh_CN", "zh_Hans_CN"]);
  });

  it("accepts one locale spelled twice when both texts agree", () => {
    const inputs = expectInputs(check({ ...valid, name: { default: "E", en_us: "E", "en-US": "E" } }));
    expect(inputs.name).toEqual({ default: "E", en_US: "E" });
  });

  it("accepts an icon of exactly 1 MiB and an https url", () => {
    expectInputs(check({ ...valid, icon: base64Of(1024 * 1024), url: "https://example.com/app?x=1" }));
  });

  it("treats null optional fields as absent", () => {
    expect(expectInputs(check({ ...valid, description: null, url: null }))).not.toHaveProperty("description");
  });

  it("replaces only on orgId", () => {
    expect(enosAppSchema.replaceOn).toEqual(["orgId"]);
  });
});

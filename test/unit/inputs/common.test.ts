import {
  UNKNOWN,
  base64DecodedBytes,
  canonical,
  isHttpUrlOrEmpty,
  normaliseLocaleKey,
  replacesFor,
  sortUnique,
} from "../../../provider/inputs";

describe("normaliseLocaleKey", () => {
  it.each([
    ["en-US", "en_US"],
    ["en_us", "en_US"],
    ["EN-us", "en_US"],
    ["zh_CN", "zh_CN"],
    ["zh-hans-cn", "zh_Hans_CN"],
    ["es-419", "es_419"],
    ["ja", "ja"],
    ["default", "default"],
  ])("turns %s into %s", (key, expected) => {
    expect(normaliseLocaleKey(key)).toBe(expected);
  });

  it.each(["Default", "english", "en US", "e", "en-USA-x", ""])("rejects %j", (key) => {
    expect(normaliseLocaleKey(key)).toBeUndefined();
  });
});

describe("sortUnique", () => {
  it("sorts by code unit and removes repeats", () => {
    expect(sortUnique(["b", "B", "a", "b", "a10", "a2"])).toEqual(["B", "a", "a10", "a2", "b"]);
  });
});

describe("base64DecodedBytes and isHttpUrlOrEmpty", () => {
  it("computes decoded sizes from padding", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 1000]) expect(base64DecodedBytes(Buffer.alloc(n).toString("base64"))).toBe(n);
  });

  it("accepts only empty or absolute http(s) URLs", () => {
    expect(["", "http://h", "https://h.example.com:8443/a?b#c"].every(isHttpUrlOrEmpty)).toBe(true);
    expect(["h.example.com", "https://", "https:// h", "mailto:a@b", "/x"].some(isHttpUrlOrEmpty)).toBe(false);
  });
});

describe("replacesFor", () => {
  const keys = ["orgId", "appId"];
  const olds = { orgId: "o-1", appId: "a-1", name: { default: "Old" }, menuId: "m-1" };

  it("lists nothing when the replace-on values are equal, whatever else changed", () => {
    expect(replacesFor(olds, { orgId: "o-1", appId: "a-1", name: { default: "New" } }, keys)).toEqual([]);
  });

  it("lists each replace-on key whose value differs, in the order of keys", () => {
    expect(replacesFor(olds, { orgId: "o-2", appId: "a-2" }, keys)).toEqual(["orgId", "appId"]);
    expect(replacesFor(olds, { orgId: "o-1", appId: "a-2" }, keys)).toEqual(["appId"]);
  });

  it("treats absent, undefined and null alike", () => {
    const device = ["assetId", "productKey", "deviceKey"];
    expect(replacesFor({ assetId: "a", productKey: null }, { assetId: "a", deviceKey: undefined }, device)).toEqual([]);
  });

  it("lists a key whose value appears or disappears", () => {
    const device = ["assetId", "productKey", "deviceKey"];
    const news = { productKey: "p", deviceKey: "d" };
    expect(replacesFor({ assetId: "a" }, news, device)).toEqual(["assetId", "productKey", "deviceKey"]);
  });

  it("lists an unknown new value as a possible change, even where there was no old value", () => {
    expect(replacesFor(olds, { orgId: "o-1", appId: UNKNOWN }, keys)).toEqual(["appId"]);
    expect(replacesFor({}, { orgId: UNKNOWN }, ["orgId"])).toEqual(["orgId"]);
  });

  it("compares structured values regardless of key order", () => {
    expect(replacesFor({ k: { a: 1, b: [1, 2] } }, { k: { b: [1, 2], a: 1 } }, ["k"])).toEqual([]);
    expect(replacesFor({ k: [1, 2] }, { k: [2, 1] }, ["k"])).toEqual(["k"]);
  });

  it("builds canonical text that ignores key order and null members", () => {
    expect(canonical({ b: 1, a: { d: null, c: "x" } })).toBe(canonical({ a: { c: "x" }, b: 1 }));
  });
});

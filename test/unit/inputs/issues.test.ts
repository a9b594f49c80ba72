import { z } from "zod";
import { UNKNOWN, closestKey, editDistance, issuesToFailures, orUnknown, renderValue } from "../../../provider/inputs";

describe("issuesToFailures", () => {
  const schema = z.strictObject({
    count: orUnknown(z.number({ error: "a number of things" })),
    tags: z.array(orUnknown(z.string({ error: "a tag" })), { error: "a list of tags" }),
  });
  const failuresOf = (value: unknown) => {
    const result = schema.safeParse(value, { reportInput: true });
    return result.success ? [] : issuesToFailures(result.error.issues, { knownKeys: ["count", "tags"] });
  };

  it("hides the unknown-sentinel branch and words the rule with the offending value", () => {
    expect(failuresOf({ count: "x", tags: [] })).toEqual([
      { property: "count", reason: 'count must be a number of things; got "x"' },
    ]);
  });

  it("says a missing value is required and names array elements with dotted indices", () => {
    expect(failuresOf({ tags: ["a", 3, UNKNOWN] })).toEqual([
      { property: "count", reason: "count is required: it must be a number of things" },
      { property: "tags.1", reason: "tags.1 must be a tag; got 3" },
    ]);
  });

  it("suggests the closest known key for an unknown one", () => {
    expect(failuresOf({ count: 1, tags: [], tag: [] })).toEqual([
      { property: "tag", reason: "unknown property 'tag'; did you mean 'tags'?" },
    ]);
  });
});

describe("closestKey, editDistance and renderValue", () => {
  it("matches typos, case slips and prefixes, and nothing far off", () => {
    const keys = ["roleIds", "exhaustive", "protectedRoleIds", "maxRemovals"];
    expect(closestKey("roleId", keys)).toBe("roleIds");
    expect(closestKey("MaxRemovals", keys)).toBe("maxRemovals");
    expect(closestKey("exhaust", keys)).toBe("exhaustive");
    expect(closestKey("colour", keys)).toBeUndefined();
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("shortens long values", () => {
    expect(renderValue("x".repeat(100))).toHaveLength(60);
    expect(renderValue({ a: 1 })).toBe('{"a":1}');
    expect(renderValue(undefined)).toBe("undefined");
  });
});

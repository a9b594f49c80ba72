import { z } from "zod";
import {
  closestKey,
  editDistance,
  isPartialCreateError,
  issuesToFailures,
  partialCreateError,
  renderValue,
  ResourceOperationError,
  withResourceContext,
} from "../../../provider/failures";
import { UNKNOWN, orUnknown } from "../../../provider/inputs/unknown";

/** Runs `fn`, which must throw, and returns what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

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

describe("partialCreateError", () => {
  it("carries id, properties and reasons the way the dynamic-provider host reads them", () => {
    const cause = new Error("verification failed");
    const error = partialCreateError("app-1", { __provider: "P", name: { default: "A" } }, "read-back failed", cause);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe("read-back failed");
    expect(error).toMatchObject({ id: "app-1", properties: { __provider: "P" }, reasons: ["read-back failed"] });
    expect(error.cause).toBe(cause);
    expect(isPartialCreateError(error)).toBe(true);
  });

  it("drops undefined values, which protobuf Struct cannot carry", () => {
    const error = partialCreateError("id", { a: undefined, b: [undefined, 1], c: { d: undefined } }, "r");
    expect(error.properties).toEqual({ b: [null, 1], c: {} });
  });
});

describe("withResourceContext", () => {
  it("prefixes the resource and operation and keeps the original as cause", () => {
    const cause = new Error("POST /apps → 31400 parameter.invalid.category");
    const error = thrown(() => withResourceContext("EnosApp", "create", cause));
    expect(error).toBeInstanceOf(ResourceOperationError);
    expect((error as Error).message).toBe("EnosApp create failed: POST /apps → 31400 parameter.invalid.category");
    expect((error as Error).cause).toBe(cause);
    expect(isPartialCreateError(error)).toBe(false);
  });

  it("keeps a partial create's id, properties and reasons", () => {
    const partial = partialCreateError("m-1", { __provider: "P" }, "parent not found");
    const error = thrown(() => withResourceContext("AppMenu", "create", partial));
    expect(isPartialCreateError(error)).toBe(true);
    expect(error).toMatchObject({
      id: "m-1",
      properties: { __provider: "P" },
      reasons: ["AppMenu create failed: parent not found"],
      message: "AppMenu create failed: parent not found",
      cause: partial,
    });
  });

  it("does not prefix twice, and words non-Error values", () => {
    const once = thrown(() => withResourceContext("RoleAssignment", "update", new Error("boom")));
    expect(thrown(() => withResourceContext("RoleAssignment", "update", once))).toBe(once);
    expect((thrown(() => withResourceContext("EnosApp", "delete", "plain")) as Error).message).toBe(
      "EnosApp delete failed: plain",
    );
  });
});

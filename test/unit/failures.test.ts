import {
  isPartialCreateError,
  partialCreateError,
  ResourceOperationError,
  withEngineKeys,
  withResourceContext,
} from "../../provider/failures";

/** Runs `fn`, which must throw, and returns what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

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

describe("withResourceContext recognises its own errors by brand", () => {
  it("passes on an error another wrapper put in context, and still wraps one that only looks prefixed", () => {
    const inner = thrown(() => withResourceContext("AppMenu", "create", new Error("boom")));
    expect(thrown(() => withResourceContext("EnosApp", "update", inner))).toBe(inner);
    const lookalike = new Error("EnosApp create failed: written by hand");
    const wrapped = thrown(() => withResourceContext("EnosApp", "create", lookalike)) as Error;
    expect(wrapped.cause).toBe(lookalike);
    expect(wrapped.message).toBe("EnosApp create failed: EnosApp create failed: written by hand");
  });
});

describe("withEngineKeys", () => {
  it("adds the engine's keys to a partial create's properties and keeps everything else", () => {
    const partial = partialCreateError("m-1", { menuId: "m-1" }, "parent not found");
    const error = withEngineKeys(partial, { __provider: "P" });
    expect(error).toMatchObject({ id: "m-1", properties: { __provider: "P", menuId: "m-1" } });
    expect(error.reasons).toEqual(["parent not found"]);
    expect(isPartialCreateError(error)).toBe(true);
  });
});

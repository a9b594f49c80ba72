import { EnosApiError, NetworkError, ResponseValidationError, TimeoutError } from "../../provider/client";
import {
  createByKeyword,
  mayHaveReachedServer,
  type KeywordCreate,
  type KeywordObject,
} from "../../provider/resources/keyword-objects";

const site = { method: "POST" as const, path: "/enos-app-service/v2.5/apps" };

function apiError(status: number, code: number | string): EnosApiError {
  return new EnosApiError({ ...site, status, code, msg: "x" });
}

describe("mayHaveReachedServer: whether a failed create may have made the object", () => {
  test.each([
    {
      what: "a 2xx success whose body could not be read",
      error: new ResponseValidationError(site, 200, []),
      expected: true,
    },
    { what: "a timeout", error: new TimeoutError(site, 1000, undefined), expected: true },
    {
      what: "a reset after the request left",
      error: new NetworkError(site, "ECONNRESET", false, undefined),
      expected: true,
    },
    { what: "a refused connection", error: new NetworkError(site, "ECONNREFUSED", true, undefined), expected: false },
    { what: "a gateway 502", error: apiError(502, 502), expected: true },
    { what: "an invalid-input refusal", error: apiError(200, 31400), expected: false },
  ])("$what -> $expected", ({ error, expected }) => {
    expect(mayHaveReachedServer(error)).toBe(expected);
  });
});

describe("createByKeyword after a success answer it could not read", () => {
  const made: KeywordObject = { id: "app-7", keyword: "energy-mgmt" };

  function spec(listed: KeywordObject[], calls: string[]): KeywordCreate<KeywordObject> {
    return {
      resource: "EnosApp",
      noun: "app",
      scope: "OU o-demo",
      keyword: "energy-mgmt",
      adopt: false,
      create: async () => {
        calls.push("create");
        throw new ResponseValidationError(site, 200, [{ path: "data.type", message: "expected number" }]);
      },
      list: async () => {
        calls.push("list");
        return listed;
      },
      update: async () => {
        throw new Error("no update expected");
      },
      matches: () => true,
      stateOf: () => ({}),
    };
  }

  test("finds the committed object by keyword instead of losing track of it", async () => {
    const calls: string[] = [];
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await expect(createByKeyword(spec([made], calls))).resolves.toEqual(made);
    } finally {
      warn.mockRestore();
    }
    expect(calls).toEqual(["create", "list"]);
  });

  test("creates once more only when the keyword is not listed, and reports a second unreadable answer", async () => {
    const calls: string[] = [];
    await expect(createByKeyword(spec([], calls))).rejects.toThrow(ResponseValidationError);
    expect(calls).toEqual(["create", "list", "create"]);
  });
});

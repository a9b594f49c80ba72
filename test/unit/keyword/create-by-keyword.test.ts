import { ResponseValidationError } from "../../../provider/client";
import {
  createByKeyword,
  type KeywordCreate,
  type KeywordObject,
} from "../../../provider/resources/keyword/create-by-keyword";

const site = { method: "POST" as const, path: "/enos-app-service/v2.5/apps" };

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
      recordOf: () => ({}),
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

import { appMenuSchema, checkInputs, UNKNOWN } from "../../../provider/inputs";
import { PROGRAM_ISSUE_KEY, programIssueFailures } from "../../../provider/inputs/program-issue";

const menu = { appId: "app-1", keyword: "dashboard", name: "Dashboard", __provider: "shim" };
const defaults = { orgId: "o-demo" };

describe("an issue the program found, handed to check as __programIssue", () => {
  test("fails the check on its property, before the inputs are validated", () => {
    const reason = "AppMenu 'b' and 'a' both declare keyword 'dashboard' in app 'app-1': ...";
    const outcome = checkInputs(
      appMenuSchema,
      { ...menu, sortId: 0, [PROGRAM_ISSUE_KEY]: { property: "keyword", reason } },
      defaults,
    );
    expect(outcome.failures).toEqual([{ property: "keyword", reason }]);
  });

  test("about the resource as a whole, names no property", () => {
    expect(programIssueFailures({ [PROGRAM_ISSUE_KEY]: { property: "", reason: "no import" } })).toEqual([
      { property: "", reason: "no import" },
    ]);
  });

  test("still unknown at preview, or resolved to none, is no failure and leaves no key in the checked inputs", () => {
    for (const issue of [UNKNOWN, null, undefined]) {
      const outcome = checkInputs(appMenuSchema, { ...menu, [PROGRAM_ISSUE_KEY]: issue }, defaults);
      expect(outcome.failures).toEqual([]);
      expect(outcome.inputs).not.toHaveProperty(PROGRAM_ISSUE_KEY);
      expect(outcome.inputs).toHaveProperty("__provider", "shim");
    }
  });
});

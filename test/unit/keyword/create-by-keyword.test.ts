import { EnosApiError, NetworkError, ResponseValidationError } from "../../../provider/client";
import { isPartialCreateError } from "../../../provider/failures";
import {
  createByKeyword,
  type KeywordCreate,
  type KeywordObject,
} from "../../../provider/resources/keyword/create-by-keyword";

const site = { method: "POST" as const, path: "/enos-app-service/v2.5/apps" };
const KEYWORD = "energy-mgmt";

/** What one POST does: commit (or not), then answer, or lose the answer with `error`. */
type Send = { commit: true; error?: Error } | { commit: false; error: Error };

const reset = () => new NetworkError(site, "ECONNRESET", false, new Error("socket hang up"));
const gateway = (status: number) =>
  new EnosApiError({ ...site, status, code: undefined, msg: `HTTP ${status}`, fromGateway: true });
const refused = (code: number, msg: string) => new EnosApiError({ ...site, status: 200, code, msg });
const unreadable = () => new ResponseValidationError(site, 200, [{ path: "data.type", message: "expected number" }]);

/**
 * A scripted EnOS: each POST follows the next `sends` entry (a committed POST lists the object afterwards), each
 * list answers what is committed or fails with the next `listFailures` entry. `calls` records the order.
 */
function scripted(
  sends: Send[],
  options: { listFailures?: Error[]; attempts?: number; listed?: KeywordObject[] } = {},
) {
  const listed: KeywordObject[] = [...(options.listed ?? [])];
  const listFailures = [...(options.listFailures ?? [])];
  const calls: string[] = [];
  let made = 0;
  const spec: KeywordCreate<KeywordObject> = {
    resource: "EnosApp",
    noun: "app",
    scope: "OU o-demo",
    keyword: KEYWORD,
    adopt: false,
    attempts: options.attempts ?? 4,
    pause: async () => {
      calls.push("pause");
    },
    create: async () => {
      calls.push("create");
      const send = sends.shift();
      if (send === undefined) throw new Error("no more sends scripted");
      if (listed.some((object) => object.keyword === KEYWORD)) throw refused(31408, "keyword.already.existed");
      if (send.commit) listed.push({ id: `app-${++made}`, keyword: KEYWORD });
      if (send.error !== undefined) throw send.error;
      return listed[listed.length - 1] as KeywordObject;
    },
    list: async () => {
      calls.push("list");
      const failure = listFailures.shift();
      if (failure !== undefined) throw failure;
      return [...listed];
    },
    update: async () => {
      throw new Error("no update expected");
    },
    matches: () => true,
    recordOf: (object) => ({ id: object.id }),
    unconfirmedRecord: () => ({ keyword: KEYWORD, name: { default: "Energy" } }),
  };
  return { spec, calls, listed };
}

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe("createByKeyword: lost answers are looked up, re-sent within the budget, never orphaned", () => {
  test("a reset, then an answer dropped after commit: the second lookup finds the object (issue 11, defect 1)", async () => {
    const { spec, calls, listed } = scripted([
      { commit: false, error: reset() },
      { commit: true, error: reset() },
    ]);
    await expect(createByKeyword(spec)).resolves.toEqual({ id: "app-1", keyword: KEYWORD });
    expect(calls).toEqual(["create", "list", "pause", "create", "list"]);
    expect(listed).toHaveLength(1);
  });

  test("a 503, then a 502 after commit (the menus case): found by the lookup after the re-send", async () => {
    const { spec, calls } = scripted([
      { commit: false, error: gateway(503) },
      { commit: true, error: gateway(502) },
    ]);
    await expect(createByKeyword(spec)).resolves.toEqual({ id: "app-1", keyword: KEYWORD });
    expect(calls).toEqual(["create", "list", "pause", "create", "list"]);
  });

  test("two resets in a row, then an answer: rides them out like reads do", async () => {
    const { spec, calls } = scripted([
      { commit: false, error: reset() },
      { commit: false, error: reset() },
      { commit: true },
    ]);
    await expect(createByKeyword(spec)).resolves.toEqual({ id: "app-1", keyword: KEYWORD });
    expect(calls).toEqual(["create", "list", "pause", "create", "list", "pause", "create"]);
  });

  test("a re-send refused as a duplicate (the lost send committed late) is resolved by a lookup", async () => {
    const { spec, calls, listed } = scripted([
      { commit: false, error: reset() },
      { commit: false, error: reset() },
    ]);
    // The first send commits only after the first lookup has answered (a slow service): that lookup misses it.
    let lookups = 0;
    const late = { ...spec };
    late.list = async () => {
      lookups += 1;
      if (lookups === 1) {
        calls.push("list");
        listed.push({ id: "app-late", keyword: KEYWORD });
        return [];
      }
      return spec.list();
    };
    await expect(createByKeyword(late)).resolves.toEqual({ id: "app-late", keyword: KEYWORD });
    expect(calls).toEqual(["create", "list", "pause", "create", "list"]);
  });

  test("every send lost and nothing listed: refused with nothing left behind, after `attempts` sends", async () => {
    const { spec, calls, listed } = scripted(
      [
        { commit: false, error: reset() },
        { commit: false, error: gateway(503) },
        { commit: false, error: reset() },
      ],
      { attempts: 3 },
    );
    const error: unknown = await createByKeyword(spec).catch((e: unknown) => e);
    expect(isPartialCreateError(error)).toBe(false);
    expect((error as Error).message).toMatch(/got no answer \(3 sends\).*not listed there, so nothing was created/);
    expect(calls.filter((call) => call === "create")).toHaveLength(3);
    expect(calls.at(-1)).toBe("list");
    expect(listed).toHaveLength(0);
  });

  test("a re-send refused outright after a lost send: nothing listed, so the refusal is reported", async () => {
    const { spec, calls } = scripted([
      { commit: false, error: reset() },
      { commit: false, error: refused(31400, "parameter.invalid.category") },
    ]);
    await expect(createByKeyword(spec)).rejects.toThrow(/next send was refused .*parameter\.invalid\.category/);
    expect(calls).toEqual(["create", "list", "pause", "create", "list"]);
  });

  test("confirmed neither way (no lookup gets through): a partial create under the stand-in id", async () => {
    const down = () => gateway(503);
    const { spec, calls } = scripted(
      [
        { commit: true, error: reset() },
        { commit: false, error: reset() },
      ],
      { attempts: 2, listFailures: [down(), down()] },
    );
    const error: unknown = await createByKeyword(spec).catch((e: unknown) => e);
    expect(isPartialCreateError(error)).toBe(true);
    if (!isPartialCreateError(error)) return;
    expect(error.id).toBe(`unconfirmed-create:${KEYWORD}`);
    expect(error.properties).toEqual({ keyword: KEYWORD, name: { default: "Energy" } });
    expect(error.message).toMatch(/looking it up by keyword failed .*recorded in the stack as unconfirmed/);
    expect(calls).toEqual(["create", "list", "pause", "create", "list"]);
  });

  test("a lookup that fails once is followed by a re-send and another lookup", async () => {
    const { spec, calls } = scripted(
      [
        { commit: true, error: reset() },
        { commit: false, error: reset() },
      ],
      {
        listFailures: [gateway(503)],
      },
    );
    await expect(createByKeyword(spec)).resolves.toEqual({ id: "app-1", keyword: KEYWORD });
    // The re-send is refused as a duplicate (the first send committed): another lookup finds it.
    expect(calls).toEqual(["create", "list", "pause", "create", "list"]);
  });

  test("a first send refused outright is reported at once, without a lookup", async () => {
    const { spec, calls } = scripted([{ commit: false, error: refused(31400, "parameter.invalid.type") }]);
    await expect(createByKeyword(spec)).rejects.toThrow(EnosApiError);
    expect(calls).toEqual(["create"]);
  });

  test("after an unconfirmed create, an object listed with the settings is taken without a POST", async () => {
    const { spec, calls } = scripted([], { listed: [{ id: "app-9", keyword: KEYWORD }] });
    await expect(createByKeyword({ ...spec, resumes: true })).resolves.toEqual({ id: "app-9", keyword: KEYWORD });
    expect(calls).toEqual(["list"]);
  });

  test("after an unconfirmed create whose lookup fails, a POST refused as a duplicate is looked up again", async () => {
    const { spec, calls } = scripted([{ commit: true }], {
      listed: [{ id: "app-9", keyword: KEYWORD }],
      listFailures: [gateway(503)],
    });
    await expect(createByKeyword({ ...spec, resumes: true })).resolves.toEqual({ id: "app-9", keyword: KEYWORD });
    expect(calls).toEqual(["list", "create", "list"]);
  });

  test("without the resume note the same listed object is a duplicate keyword", async () => {
    const { spec } = scripted([{ commit: true }], { listed: [{ id: "app-9", keyword: KEYWORD }] });
    await expect(createByKeyword(spec)).rejects.toThrow(/keyword 'energy-mgmt' is already used by app 'app-9'/);
  });
});

describe("createByKeyword after a success answer it could not read", () => {
  test("finds the committed object by keyword instead of losing track of it", async () => {
    const { spec, calls } = scripted([{ commit: true, error: unreadable() }]);
    await expect(createByKeyword(spec)).resolves.toEqual({ id: "app-1", keyword: KEYWORD });
    expect(calls).toEqual(["create", "list"]);
  });

  test("sends again only when the keyword is not listed, and looks up after every unreadable answer", async () => {
    const { spec, calls } = scripted(
      [
        { commit: false, error: unreadable() },
        { commit: false, error: unreadable() },
      ],
      { attempts: 2 },
    );
    await expect(createByKeyword(spec)).rejects.toThrow(/nothing was created/);
    expect(calls).toEqual(["create", "list", "pause", "create", "list"]);
  });
});

import { readCliOptions } from "../../emulator/cli-options";
import { startEmulator, type EmulatorOptions } from "../../emulator";
import { APPS, DEMO, TestClient } from "./support";

/** The options of `args`, failing the test on "help". */
function optionsOf(args: string[]): EmulatorOptions {
  const options = readCliOptions(args);
  if (options === "help") throw new Error("expected options, got help");
  return options;
}

/** Starts an emulator from a command line (on an ephemeral port) with a demo client. */
async function fromCommandLine(args: string[]) {
  const emulator = await startEmulator(optionsOf(["--port", "0", ...args]));
  return { emulator, client: new TestClient(emulator.url, DEMO, Date.now) };
}

describe("emulator command line (npm run emulator)", () => {
  it("defaults to the documented modes: auth on, appendRoles overwrite, appendUserGroups additive", () => {
    expect(optionsOf([])).toMatchObject({
      port: 8088,
      host: "127.0.0.1",
      auth: true,
      appendRolesMode: "overwrite",
      appendUserGroupsMode: "additive",
      tokenLifetimeSeconds: 7200,
      tokenReplayCheck: true,
      appServiceCodes: "portal",
    });
    expect(readCliOptions(["--help"])).toBe("help");
  });

  it("maps every flag to its option", () => {
    const args = ["--port", "0", "--host", "0.0.0.0", "--seed", "s.json", "--state-file", "state.json"];
    const modes = ["--append-roles", "additive-strict", "--append-user-groups", "overwrite"];
    const rest = [
      "--insecure-no-auth",
      "--token-lifetime",
      "60",
      "--allow-token-replay",
      "--app-service-codes",
      "legacy",
    ];
    expect(optionsOf([...args, ...modes, ...rest])).toEqual({
      port: 0,
      host: "0.0.0.0",
      seed: "s.json",
      stateFile: "state.json",
      appendRolesMode: "additive-strict",
      appendUserGroupsMode: "overwrite",
      auth: false,
      tokenLifetimeSeconds: 60,
      tokenReplayCheck: false,
      appServiceCodes: "legacy",
    });
  });

  it.each([
    [["--append-roles", "append"], '--append-roles must be one of overwrite, additive, additive-strict; got "append"'],
    [["--append-user-groups", ""], "--append-user-groups must be one of"],
    [["--port=-1"], "--port must be an integer >= 0"],
    [["--token-lifetime", "0"], "--token-lifetime must be a positive integer"],
    [["--app-service-codes", "v2"], "--app-service-codes must be portal or legacy"],
    [["--appendRoles", "additive"], "--appendRoles"],
  ])("refuses %j, naming the flag", (args, message) => {
    expect(() => readCliOptions(args)).toThrow(message);
  });

  it("serves calls without a token only under --insecure-no-auth", async () => {
    for (const [args, status] of [
      [["--insecure-no-auth"], 200],
      [[], 401],
    ] as const) {
      const { emulator, client } = await fromCommandLine([...args]);
      try {
        const reply = await client.raw("GET", `${APPS}/list`, { query: { orgId: DEMO.orgId } });
        expect(reply.status).toBe(status);
      } finally {
        await emulator.close();
      }
    }
  });

  it("refuses an append of a held role under --append-roles additive-strict (31408), accepts it by default", async () => {
    for (const [args, code] of [
      [["--append-roles", "additive-strict"], 31408],
      [[], 0],
    ] as const) {
      const { emulator, client } = await fromCommandLine([...args]);
      try {
        const reply = await client.call("POST", "/app-portal-service/v2.2/role/appendRoles", {
          body: { organizationId: DEMO.orgId, userId: "u-alice", roleIds: ["r-org-admin"] },
        });
        expect(reply.body.code).toBe(code);
      } finally {
        await emulator.close();
      }
    }
  });
});

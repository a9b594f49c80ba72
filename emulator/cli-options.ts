/**
 * The command line of `npm run emulator` (emulator/main.ts): flags to EmulatorOptions, kept apart from the process
 * so that tests drive it.
 */
import { parseArgs } from "node:util";
import type { AppServiceCodes, EmulatorOptions, GrantWriteMode } from "./index";

export const USAGE = `usage: enos-emulator [--port 8088] [--host 127.0.0.1] [--seed file.json] [--state-file state.json]
                     [--insecure-no-auth] [--append-roles overwrite|additive|additive-strict]
                     [--append-user-groups overwrite|additive|additive-strict] [--token-lifetime seconds]
                     [--allow-token-replay] [--app-service-codes portal|legacy]`;

const GRANT_WRITE_MODES: readonly GrantWriteMode[] = ["overwrite", "additive", "additive-strict"];

/** The value of a grant-mode flag, or an error naming the flag and the accepted values. */
function grantMode(flag: string, value: string): GrantWriteMode {
  const mode = GRANT_WRITE_MODES.find((one) => one === value);
  if (mode === undefined) throw new Error(`--${flag} must be one of ${GRANT_WRITE_MODES.join(", ")}; got "${value}"`);
  return mode;
}

/**
 * The emulator's options from its command line (`args` without node and the script), or "help" for `--help`.
 * Throws an error naming the flag for a value it does not accept.
 */
export function readCliOptions(args: readonly string[]): EmulatorOptions | "help" {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: "string", default: "8088" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
      "state-file": { type: "string" },
      "insecure-no-auth": { type: "boolean", default: false },
      "append-roles": { type: "string", default: "overwrite" },
      "append-user-groups": { type: "string", default: "additive" },
      "token-lifetime": { type: "string", default: "7200" },
      "allow-token-replay": { type: "boolean", default: false },
      "app-service-codes": { type: "string", default: "portal" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return "help";
  const codes = values["app-service-codes"];
  if (codes !== "portal" && codes !== "legacy") throw new Error(`--app-service-codes must be portal or legacy`);
  const port = Number(values.port);
  const lifetime = Number(values["token-lifetime"]);
  if (!Number.isInteger(port) || port < 0) throw new Error(`--port must be an integer >= 0`);
  if (!Number.isInteger(lifetime) || lifetime < 1) throw new Error(`--token-lifetime must be a positive integer`);
  return {
    port,
    host: values.host,
    auth: !values["insecure-no-auth"],
    appendRolesMode: grantMode("append-roles", values["append-roles"]),
    appendUserGroupsMode: grantMode("append-user-groups", values["append-user-groups"]),
    tokenLifetimeSeconds: lifetime,
    tokenReplayCheck: !values["allow-token-replay"],
    appServiceCodes: codes satisfies AppServiceCodes,
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    ...(values["state-file"] === undefined ? {} : { stateFile: values["state-file"] }),
  };
}

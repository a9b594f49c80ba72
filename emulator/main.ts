#!/usr/bin/env node
import { parseArgs } from "node:util";
import { startEmulator, type AppServiceCodes, type EmulatorOptions, type GrantWriteMode } from "./index";

const USAGE = `usage: enos-emulator [--port 8088] [--host 127.0.0.1] [--seed file.json] [--state-file state.json]
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

function readOptions(): EmulatorOptions {
  const { values } = parseArgs({
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
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
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

/** A copy-paste one-liner: encryption = sha256(appKey + timestamp + secretKey), lowercase hex (Get Access Token). */
function tokenCurl(url: string, accessKey: string, secretKey: string): string {
  const encryption = `$(printf '%s' "${accessKey}\${TS}${secretKey}" | sha256sum | cut -d' ' -f1)`;
  const body = `{"appKey":"${accessKey}","encryption":"'"${encryption}"'","timestamp":'$TS'}`;
  return `TS=$(date +%s000); curl -s -X POST ${url}/apim-token-service/v2.0/token/get -H 'content-type: application/json' -d '${body}'`;
}

async function main(): Promise<void> {
  const options = readOptions();
  const emulator = await startEmulator(options);
  const state = emulator.state();
  console.log(`EnOS emulator listening on ${emulator.url}`);
  for (const account of state.serviceAccounts)
    console.log(
      `  service account: accessKey=${account.accessKey} secretKey=${account.secretKey} orgId=${account.orgId}`,
    );
  console.log(
    `  auth: ${options.auth === false ? "OFF (--insecure-no-auth)" : "on"}; appendRoles: ${options.appendRolesMode}; ` +
      `appendUserGroups: ${options.appendUserGroupsMode}; app-service error codes: ${options.appServiceCodes}`,
  );
  const account = state.serviceAccounts[0];
  if (account) console.log(`  get a token: ${tokenCurl(emulator.url, account.accessKey, account.secretKey)}`);
  const stop = (signal: string) => {
    console.log(`\n${signal}: stopping the EnOS emulator`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`enos-emulator: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(2);
});

#!/usr/bin/env node
import { readCliOptions, USAGE } from "./cli-options";
import { startEmulator } from "./index";

/** A copy-paste one-liner: encryption = sha256(appKey + timestamp + secretKey), lowercase hex (Get Access Token). */
function tokenCurl(url: string, accessKey: string, secretKey: string): string {
  const encryption = `$(printf '%s' "${accessKey}\${TS}${secretKey}" | sha256sum | cut -d' ' -f1)`;
  const body = `{"appKey":"${accessKey}","encryption":"'"${encryption}"'","timestamp":'$TS'}`;
  return `TS=$(date +%s000); curl -s -X POST ${url}/apim-token-service/v2.0/token/get -H 'content-type: application/json' -d '${body}'`;
}

async function main(): Promise<void> {
  const read = readCliOptions(process.argv.slice(2));
  if (read === "help") {
    console.log(USAGE);
    return;
  }
  const options = read;
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

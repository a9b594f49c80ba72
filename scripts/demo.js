#!/usr/bin/env node
// @ts-check
// `npm run demo`: `pulumi up` of the demo project (Pulumi.yaml at the repository root, program examples/quickstart)
// with the real Pulumi engine and Node.js language host, against the bundled EnOS emulator.
//
//   npm run demo                 deploy (again: shows there is nothing to change)
//   npm run demo -- --destroy    destroy the stack, restore the emulator, delete the demo's state
//
// State lives in .pulumi-enos/demo/ (git-ignored): a local file backend, a private PULUMI_HOME, the stack settings
// (Pulumi.yaml's stackConfigDir) and the emulator's JSON state file, so a second run finds the same EnOS objects the
// first one created. The emulator always listens on the same port (ENOS_DEMO_PORT, default 8088): Pulumi's destroy
// and refresh use the provider config recorded at the last `up`, so the URL must stay the same between runs.
//
// Driven through the Automation API rather than by spawning `pulumi` ourselves: it runs the same CLI on the same
// project directory (the program runs in the language host, not in this process), streams the CLI's own output,
// and hands back outputs with their secret flags and the change summary, so nothing has to be parsed from text.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { repoRoot, ensurePulumi, offlineWorkspace, selectStack } = require("./lib/stacks");

const demoDir = path.join(repoRoot, ".pulumi-enos", "demo");
const stateFile = path.join(demoDir, "emulator-state.json");
const destroy = process.argv.includes("--destroy");
const STACK = "dev";
const SERVICE_ACCOUNT = { accessKey: "demo-access-key", secretKey: "demo-secret-key", orgId: "o-demo" };
const PORT = Number(process.env["ENOS_DEMO_PORT"] ?? 8088);
/** The CLI's own output, streamed as it comes. */
const stream = {
  onOutput: (/** @type {string} */ text) => void process.stdout.write(text),
  color: /** @type {"always" | "never"} */ (process.stdout.isTTY ? "always" : "never"),
};

/** @param {Record<string, { value: unknown, secret: boolean }>} outputs */
function printOutputs(outputs) {
  console.log("\nStack outputs:");
  for (const [key, { value, secret }] of Object.entries(outputs)) {
    console.log(`  ${key.padEnd(14)} ${secret ? "[secret]" : JSON.stringify(value)}`);
  }
}

/** @param {import("../dist/emulator").StateData} state the emulator's state */
function printEnos(state) {
  const name = (/** @type {Record<string, string> | undefined} */ i18n) =>
    i18n?.["default"] ?? i18n?.["en_US"] ?? JSON.stringify(i18n);
  console.log(`\nWhat the emulator's EnOS now holds (OU ${SERVICE_ACCOUNT.orgId}):`);
  for (const app of state.apps) console.log(`  app         ${app.id}  keyword=${app.keyword}  "${name(app.name)}"`);
  for (const m of state.menus)
    console.log(`  menu        ${m.id}  keyword=${m.keyword}  sortId=${m.sortId}  parent=${m.parentId ?? "-"}`);
  for (const p of state.permissions) console.log(`  permission  ${p.id}  keyword=${p.keyword}`);
  for (const user of ["u-alice", "u-bob"]) {
    const mine = (/** @type {{ orgId: string, userId: string }} */ grant) =>
      grant.orgId === SERVICE_ACCOUNT.orgId && grant.userId === user;
    const roles = state.roleGrants.find(mine)?.roleIds ?? [];
    const groups = state.groupGrants.find(mine)?.userGroupIds ?? [];
    console.log(`  ${user.padEnd(11)} roles=[${roles.join(", ")}]  groups=[${groups.join(", ")}]`);
  }
  const turbine = state.devices.find((d) => d.assetId === "a-turbine-7");
  const status = turbine && (turbine.enabled ? turbine.connectivity : "disable");
  console.log(`  device      a-turbine-7  status=${status}`);
}

/** @param {string} binDir @param {ReturnType<typeof offlineWorkspace>} workspace */
function printNextSteps(binDir, workspace) {
  const rel = (/** @type {string} */ p) => path.relative(repoRoot, p);
  const env = Object.entries(workspace.env).map(([k, v]) => `    export ${k}=${JSON.stringify(v)}`);
  console.log(`
Next steps
  * Run 'npm run demo' again: the engine finds nothing to change.
  * Run pulumi yourself against the demo stack, from the repository root. The demo stopped its emulator: start it
    again on the same port and state file first (and stop it, kill %1, before the next 'npm run demo'):
    node ${rel(path.join(repoRoot, "dist", "emulator", "main.js"))} --port ${PORT} --state-file ${rel(stateFile)} &
    export PATH=${JSON.stringify(binDir)}:"$PATH"
${env.join("\n")}
    pulumi stack select ${STACK}
    pulumi preview --diff          # or: pulumi refresh, pulumi stack output --show-secrets, pulumi stack export
  * Clean up: 'npm run demo -- --destroy' (restores the turbine, removes the app, roles and groups, and deletes
    ${rel(demoDir)}/).
  * Point the same program at a real EnOS: in your own Pulumi project (examples/quickstart/ is one; replace the
    emulator's seed ids in index.ts with your OU's users, groups, devices and roles first) run
      pulumi config set enos:apiUrl https://<your API gateway>
      pulumi config set --secret enos:accessKey <service account access key>
      pulumi config set --secret enos:secretKey <service account secret key>
      pulumi config set enos:orgId <your OU id>
      pulumi preview --diff && pulumi up
    (or set ENOS_API_URL, ENOS_ACCESS_KEY, ENOS_SECRET_KEY, ENOS_ORG_ID). README.md lists the permissions the
    service account needs.`);
}

/**
 * @param {import("@pulumi/pulumi/automation").Stack} stack
 * @param {import("../dist/emulator").Emulator} emulator
 * @param {string} binDir
 * @param {ReturnType<typeof offlineWorkspace>} workspace
 */
async function deploy(stack, emulator, binDir, workspace) {
  await stack.setAllConfig({
    "enos:apiUrl": { value: emulator.url },
    "enos:accessKey": { value: SERVICE_ACCOUNT.accessKey, secret: true },
    "enos:secretKey": { value: SERVICE_ACCOUNT.secretKey, secret: true },
    "enos:orgId": { value: SERVICE_ACCOUNT.orgId },
  });
  console.log(`\n$ pulumi up --yes --stack ${STACK}`);
  const up = await stack.up(stream);
  printOutputs(up.outputs);
  printEnos(emulator.state());

  console.log(`\n$ pulumi preview --expect-no-changes --stack ${STACK}`);
  const preview = await stack.preview({ ...stream, expectNoChanges: true });
  const unchanged = Object.entries(preview.changeSummary).every(([op, n]) => op === "same" || n === 0);
  if (!unchanged) throw new Error(`the second preview planned changes: ${JSON.stringify(preview.changeSummary)}`);
  console.log(
    `\nThe second preview has no changes (${JSON.stringify(preview.changeSummary)}): EnOS matches the program.`,
  );
  printNextSteps(binDir, workspace);
}

async function startDemoEmulator() {
  const { startEmulator } = require("../dist/emulator");
  try {
    return await startEmulator({ port: PORT, stateFile });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EADDRINUSE") throw error;
    console.error(
      `Port ${PORT} is in use (a running 'npm run emulator'?). Stop it, or run with ENOS_DEMO_PORT=<port>.`,
    );
    process.exit(1);
  }
}

async function main() {
  fs.mkdirSync(demoDir, { recursive: true });
  console.log("Finding the Pulumi CLI (the first run builds it from the Go module proxy, several minutes)...");
  const binDir = ensurePulumi();
  const workspace = offlineWorkspace(demoDir);
  const emulator = await startDemoEmulator();
  console.log(`EnOS emulator listening on ${emulator.url} (service account ${SERVICE_ACCOUNT.accessKey}, OU o-demo)`);
  try {
    const stack = await selectStack({ workDir: repoRoot, stackName: STACK, binDir, workspace });
    if (destroy) {
      console.log(`\n$ pulumi destroy --yes --stack ${STACK}`);
      await stack.destroy(stream);
    } else {
      await deploy(stack, emulator, binDir, workspace);
    }
  } finally {
    await emulator.close();
  }
  if (destroy) {
    fs.rmSync(demoDir, { recursive: true, force: true });
    console.log(
      `\nDestroyed the demo stack and removed ${path.relative(repoRoot, demoDir)}/; the emulator is back to its seed.`,
    );
  }
}

main().catch((error) => {
  // A failed pulumi command already streamed its output; its stderr is in the CommandError.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-member-access -- JSDoc cast, checked by tsc
  const stderr = /** @type {{ commandResult?: { stderr?: string } } | undefined} */ (error)?.commandResult?.stderr;
  console.error(stderr ? `\npulumi failed:\n${stderr}` : error instanceof Error ? error.stack : error);
  process.exit(1);
});

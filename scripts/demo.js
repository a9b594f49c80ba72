#!/usr/bin/env node
// @ts-check
// `npm run demo`: the quickstart program, deployed with the real Pulumi engine against the bundled EnOS emulator.
//
//   npm run demo                 deploy (again: shows there is nothing to change)
//   npm run demo -- --destroy    destroy the stack, restore the emulator, delete the demo's state
//
// State lives in .pulumi-enos/demo/ (git-ignored): a local file backend, a private PULUMI_HOME and the emulator's
// JSON state file, so a second run finds the same EnOS objects the first one created. The emulator always listens
// on the same port (ENOS_DEMO_PORT, default 8088): Pulumi's destroy and refresh use the provider config recorded
// at the last `up`, so the URL must stay the same between runs.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { repoRoot, ensurePulumi, offlineWorkspace, runStack } = require("./lib/stacks");

const demoDir = path.join(repoRoot, ".pulumi-enos", "demo");
const destroy = process.argv.includes("--destroy");
const SECRET_KEY = "demo-secret-key";
const PORT = Number(process.env["ENOS_DEMO_PORT"] ?? 8088);

function stackRequest(binDir, emulatorUrl, operations) {
  const workspace = offlineWorkspace(demoDir);
  return {
    programPath: path.join(repoRoot, "dist", "examples", "quickstart", "index.js"),
    programDir: path.join(repoRoot, "examples", "quickstart"),
    projectName: "pulumi-enos-demo",
    stackName: "dev",
    backendUrl: workspace.backendUrl,
    pulumiHome: workspace.pulumiHome,
    binDir,
    env: workspace.env,
    config: {
      "enos:apiUrl": { value: emulatorUrl },
      "enos:accessKey": { value: "demo-access-key", secret: true },
      "enos:secretKey": { value: SECRET_KEY, secret: true },
      "enos:orgId": { value: "o-demo" },
    },
    operations,
  };
}

function failIfBad(results) {
  for (const r of results) {
    if (!r.ok) {
      console.error(`\npulumi ${r.op} failed:\n${r.error}\n${r.stdout ?? ""}${r.stderr ?? ""}`);
      process.exit(1);
    }
  }
}

function printOutputs(outputs) {
  console.log("\nStack outputs:");
  for (const [key, { value, secret }] of Object.entries(outputs)) {
    console.log(`  ${key.padEnd(14)} ${secret ? "[secret]" : JSON.stringify(value)}`);
  }
}

function printEnos(state) {
  const name = (i18n) => i18n?.default ?? i18n?.en_US ?? JSON.stringify(i18n);
  console.log("\nWhat the emulator's EnOS now holds (OU o-demo):");
  for (const app of state.apps) console.log(`  app         ${app.id}  keyword=${app.keyword}  "${name(app.name)}"`);
  for (const m of state.menus)
    console.log(`  menu        ${m.id}  keyword=${m.keyword}  sortId=${m.sortId}  parent=${m.parentId ?? "-"}`);
  for (const p of state.permissions) console.log(`  permission  ${p.id}  keyword=${p.keyword}`);
  for (const user of ["u-alice", "u-bob"]) {
    const roles = state.roleGrants.find((g) => g.orgId === "o-demo" && g.userId === user)?.roleIds ?? [];
    const groups = state.groupGrants.find((g) => g.orgId === "o-demo" && g.userId === user)?.userGroupIds ?? [];
    console.log(`  ${user.padEnd(11)} roles=[${roles.join(", ")}]  groups=[${groups.join(", ")}]`);
  }
  const turbine = state.devices.find((d) => d.assetId === "a-turbine-7");
  const status = turbine && (turbine.enabled ? turbine.connectivity : "disable");
  console.log(`  device      a-turbine-7  status=${status}`);
}

function printNextSteps() {
  console.log(`
Next steps
  * Run 'npm run demo' again: the engine finds nothing to change.
  * Clean up: 'npm run demo -- --destroy' (restores the turbine, removes the app, roles and groups).
  * Point the same program at a real EnOS: in your own Pulumi project (examples/quickstart is one) run
      pulumi config set enos:apiUrl https://<your apim gateway>
      pulumi config set --secret enos:accessKey <service account access key>
      pulumi config set --secret enos:secretKey <service account secret key>
      pulumi config set enos:orgId <your OU id>
      pulumi up
    (or set ENOS_API_URL, ENOS_ACCESS_KEY, ENOS_SECRET_KEY, ENOS_ORG_ID). README.md lists the permissions the
    service account needs.`);
}

async function deploy(binDir, emulator) {
  console.log("\n$ pulumi up");
  const [up] = await runStack(stackRequest(binDir, emulator.url, [{ op: "up" }]));
  failIfBad([up]);
  console.log(`  ${JSON.stringify(up.summary.resourceChanges)}`);
  printOutputs(up.outputs);
  printEnos(emulator.state());
  console.log("\n$ pulumi preview --expect-no-changes");
  const [preview] = await runStack(stackRequest(binDir, emulator.url, [{ op: "preview", expectNoChanges: true }]));
  failIfBad([preview]);
  console.log(`  no changes: ${JSON.stringify(preview.changeSummary)}`);
  printNextSteps();
}

async function startDemoEmulator() {
  const { startEmulator } = require(path.join(repoRoot, "dist", "emulator"));
  try {
    return await startEmulator({ port: PORT, stateFile: path.join(demoDir, "emulator-state.json") });
  } catch (error) {
    if (error.code !== "EADDRINUSE") throw error;
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
  const emulator = await startDemoEmulator();
  console.log(`EnOS emulator listening on ${emulator.url} (service account demo-access-key, OU o-demo)`);
  try {
    if (destroy) {
      failIfBad(await runStack(stackRequest(binDir, emulator.url, [{ op: "destroy" }])));
    } else {
      await deploy(binDir, emulator);
    }
  } finally {
    await emulator.close();
  }
  if (destroy) {
    fs.rmSync(demoDir, { recursive: true, force: true });
    console.log("Destroyed the demo stack and removed .pulumi-enos/demo; the emulator is back to its seed.");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

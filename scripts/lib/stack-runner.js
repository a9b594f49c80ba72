#!/usr/bin/env node
// @ts-check
// Runs Pulumi Automation API operations on an inline program in a process of its own, and prints one JSON result.
//
// Why a separate process: the inline program constructs dynamic resources, whose providers Pulumi serializes by
// walking `require.cache`; that is only reliable in a plain Node process (not inside Jest, pulumi.md §C4). The
// language host cannot be built offline here either, and inline programs do not need one (pulumi.md §B2).
// This file depends on nothing but `@pulumi/pulumi`, so it can be copied next to any program's node_modules.
//
// Usage: node stack-runner.js <request.json>   (see the Request typedef)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");

/**
 * @typedef {{ op: "up" | "preview" | "refresh" | "destroy" | "outputs" | "export", expectNoChanges?: boolean,
 *   refresh?: boolean, diff?: boolean }} Operation
 * @typedef {{ programPath: string, programDir: string, projectName: string, stackName: string, backendUrl: string,
 *   pulumiHome: string, binDir: string, config?: Record<string, { value: string, secret?: boolean }>,
 *   env?: Record<string, string>, operations: Operation[] }} Request
 */

/** Keeps the part of an engine event the tests and the demo read. */
function summarizeEvent(event) {
  if (event.resourcePreEvent) {
    const m = event.resourcePreEvent.metadata;
    return {
      type: "pre",
      op: m.op,
      urn: m.urn,
      resourceType: m.type,
      diffs: m.diffs,
      keys: m.keys,
      detailedDiff: m.detailedDiff,
      old: m.old?.inputs,
      new: m.new?.inputs,
    };
  }
  if (event.diagnosticEvent) {
    const d = event.diagnosticEvent;
    return { type: "diagnostic", severity: d.severity, urn: d.urn, message: d.message };
  }
  if (event.resOpFailedEvent)
    return { type: "failed", op: event.resOpFailedEvent.metadata.op, urn: event.resOpFailedEvent.metadata.urn };
  if (event.summaryEvent) return { type: "summary", resourceChanges: event.summaryEvent.resourceChanges };
  return undefined;
}

async function runOperation(stack, operation) {
  /** @type {unknown[]} */
  const events = [];
  const onEvent = (event) => {
    const summary = summarizeEvent(event);
    if (summary) events.push(summary);
  };
  const common = { onEvent, color: "never", diff: operation.diff ?? false };
  switch (operation.op) {
    case "up": {
      const r = await stack.up({
        ...common,
        refresh: operation.refresh ?? false,
        expectNoChanges: operation.expectNoChanges ?? false,
      });
      return { summary: r.summary, outputs: r.outputs, stdout: r.stdout, events };
    }
    case "preview": {
      const r = await stack.preview({
        ...common,
        refresh: operation.refresh ?? false,
        expectNoChanges: operation.expectNoChanges ?? false,
      });
      return { changeSummary: r.changeSummary, stdout: r.stdout, events };
    }
    case "refresh": {
      const r = await stack.refresh({ onEvent, color: "never", expectNoChanges: operation.expectNoChanges ?? false });
      return { summary: r.summary, stdout: r.stdout, events };
    }
    case "destroy": {
      const r = await stack.destroy({ onEvent, color: "never" });
      return { summary: r.summary, stdout: r.stdout, events };
    }
    case "outputs":
      return { outputs: await stack.outputs() };
    case "export":
      return { deployment: await stack.exportStack() };
    default:
      throw new Error(`unknown operation ${JSON.stringify(operation)}`);
  }
}

async function openStack(request) {
  const loaded = require(path.resolve(request.programPath));
  const program = typeof loaded === "function" ? loaded : loaded.default;
  if (typeof program !== "function") throw new Error(`${request.programPath} does not export a program function`);
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(request.binDir) });
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: request.stackName, projectName: request.projectName, program },
    {
      pulumiCommand,
      pulumiHome: request.pulumiHome,
      envVars: request.env ?? {},
      projectSettings: {
        name: request.projectName,
        runtime: "nodejs",
        main: request.programDir,
        backend: { url: request.backendUrl },
      },
    },
  );
  if (request.config) await stack.setAllConfig(request.config);
  return stack;
}

async function main() {
  /** @type {Request} */
  const request = JSON.parse(fs.readFileSync(process.argv[2] ?? "", "utf8"));
  Object.assign(process.env, request.env ?? {});
  const stack = await openStack(request);
  const results = [];
  for (const operation of request.operations) {
    try {
      results.push({ op: operation.op, ok: true, ...(await runOperation(stack, operation)) });
    } catch (error) {
      const e = /** @type {{ message?: string, stdout?: string, stderr?: string }} */ (error);
      results.push({
        op: operation.op,
        ok: false,
        error: e.message ?? String(error),
        stdout: e.stdout,
        stderr: e.stderr,
      });
      break;
    }
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(`stack-runner: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

// @ts-check
// Section 4: the governor's rate limit. With enos:maxRequestsPerSecond set, N direct GETs issued at once must
// start no faster than the limit. Rate = (N - 1) / (last completion - first completion): every call has the same
// injected latency, so completions are spaced like starts, and the first call's own latency drops out.
"use strict";
const { performance } = require("node:perf_hooks");
const { ORG, clientFor, freshSection, measured } = require("./harness");

const CALLS = 100;
const RATE_LIMIT = 50;

/** @typedef {import("./harness").Emulator} Emulator */

/** @param {Emulator} emulator */
async function governorRate(emulator) {
  // A new governor is built with the new limit: freshSection closes the previous client, the governor's last user.
  await freshSection(emulator, { extra: { "enos:maxRequestsPerSecond": String(RATE_LIMIT) } });
  const client = clientFor();
  // Fetch the token first: the rate is about the API calls, not the one-off token call.
  await client.appPortal.listOrganizationRoles(ORG);
  /** @type {number[]} */
  const done = [];
  const run = await measured(emulator, () =>
    Promise.all(
      Array.from({ length: CALLS }, async () => {
        const roles = await client.appPortal.listOrganizationRoles(ORG);
        done.push(performance.now());
        if (roles.length === 0) throw new Error("listOrganizationRoles returned no role");
      }),
    ),
  );
  const spanMs = Math.max(...done) - Math.min(...done);
  const measuredRate = ((CALLS - 1) * 1000) / spanMs;
  return {
    calls: CALLS,
    limit: RATE_LIMIT,
    totalMs: run.ms,
    spanMs,
    measuredRate,
    ratio: measuredRate / RATE_LIMIT,
    callsMade: run.calls.api,
    notOk: run.calls.notOk,
  };
}

module.exports = { governorRate, RATE_LIMIT };

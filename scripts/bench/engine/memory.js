// @ts-check
// Peak memory of the dynamic provider process: Linux /proc/<pid>/status VmHWM (the resident set's high-water mark,
// proc(5)), sampled while a step runs. The provider is the Node process running @pulumi/pulumi's
// cmd/dynamic-provider with its working directory in the bench project; VmHWM only grows, so the last sample
// before the process exits is its peak (to within one sampling interval of growth).
"use strict";
const fs = require("node:fs");

/** @param {string} file */
function readOr(file, fallback = "") {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

/** @param {string} projectDir @returns {number[]} pids of dynamic providers started in projectDir */
function providerPids(projectDir) {
  if (!fs.existsSync("/proc")) return [];
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => readOr(`/proc/${pid}/cmdline`).includes("dynamic-provider"))
    .filter((pid) => {
      try {
        return fs.realpathSync(`/proc/${pid}/cwd`) === projectDir;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** @param {number} pid @returns {number | undefined} VmHWM in KiB */
function peakKiB(pid) {
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readOr(`/proc/${pid}/status`));
  return match ? Number(match[1]) : undefined;
}

/**
 * Samples every `intervalMs` until stopped; `stop()` returns the largest VmHWM seen (MiB), or null when no provider
 * process was seen (e.g. not Linux). @param {string} projectDir
 */
function sampleProviderPeak(projectDir, intervalMs = 100) {
  const real = fs.realpathSync(projectDir);
  let peak = 0;
  const sample = () => {
    for (const pid of providerPids(real)) peak = Math.max(peak, peakKiB(pid) ?? 0);
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak > 0 ? Math.round((peak / 1024) * 10) / 10 : null;
    },
  };
}

module.exports = { sampleProviderPeak };

#!/usr/bin/env node
/**
 * `pulumi-enos`: the command line shipped with the package (bin). Subcommands `review` (a preview for a pull
 * request) and `drift` (what changed in EnOS behind the stacks' backs).
 */
import { processIo } from "./io";
import { runCli } from "./run";

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});

/**
 * Dispatches a subcommand and turns any failure into one line on stderr and exit code 1.
 */
import { drift } from "./drift/command";
import { CliError, oneLine } from "./errors";
import type { CliIo } from "./io";
import { review } from "./review/command";

export const USAGE = `Usage: pulumi-enos <command> [options]

Commands:
  review   who gains and loses what in a preview, for pull requests (pulumi-enos review --help)
  drift    what changed in EnOS behind the stacks' backs, and what to do about it (pulumi-enos drift --help)
`;

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = { review, drift };

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(USAGE);
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new CliError(`unknown command '${name}'`, "use `pulumi-enos review` or `pulumi-enos drift`");
    return await command(rest, io);
  } catch (error) {
    io.stderr.write(
      `pulumi-enos ${command ? name : ""}: ${oneLine(error)}\n`.replace("pulumi-enos : ", "pulumi-enos: "),
    );
    return 1;
  }
}

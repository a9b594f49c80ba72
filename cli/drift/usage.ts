export const DRIFT_USAGE = `Usage: pulumi-enos drift --stack NAME [--stack NAME ...] [options]

Refreshes each stack without writing anything (a refresh preview) and reports what changed in EnOS behind its back:
roles and groups granted or revoked outside the stack, apps, menus and permissions changed or deleted, devices
switched, users who left the OU; for each, how to revert it (run \`pulumi up\`) or accept it (the input to change).

Options:
  --stack NAME, -s NAME   a stack of the project in --cwd; repeat for several (one combined report)
  --cwd DIR               the Pulumi project directory (default: .)
  --unmanaged             also list each OU's users and the grants no stack manages, with a coverage figure
  --ignore-file FILE      drift to leave out (default: .enos-drift-ignore.json in --cwd, if present)
  --format FORMAT         markdown (default, for an issue), json (schema cli/report.schema.json) or text
  --output FILE, -o FILE  write the report to FILE instead of stdout
  --detailed-exitcode     exit 0 no drift, 2 drift (1 is always an error)
  --concurrency N         stacks refreshed at once (default: 2)
  --locale LOCALE         role and group names in en_US (default), zh_CN, es_ES, ja_JP, de_DE or pl_PL
  --privileged-roles IDS  role ids or names flagged when granted outside a stack (default: names that say administrator)
  --help, -h              this text

Exit codes: 1 when a stack cannot be refreshed (the others are still reported) or on bad arguments, else 0; with
--detailed-exitcode as above.
`;

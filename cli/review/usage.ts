export const REVIEW_USAGE = `Usage: pulumi-enos review [options]

Turns a preview into who gains and loses what: users and their roles and groups by name, apps with their menus and
permissions, devices, risk flags and everything else the preview changes.

Input (one of):
  --stack NAME            run the preview of stack NAME of the project in --cwd (refreshing first)
  --from-json FILE        read a saved \`pulumi preview --json\` (- for stdin); with a project in --cwd its stack
                          config is used to resolve names

Options:
  --cwd DIR               the Pulumi project directory (default: .)
  --no-refresh            compare with the stack's state as stored, without refreshing it first
  --policy-pack DIR       run the preview with this policy pack (repeatable); violations get their own section
  --format FORMAT         markdown (default, for a PR comment), json (schema cli/report.schema.json) or text
  --output FILE, -o FILE  write the report to FILE instead of stdout
  --detailed-exitcode     exit 0 no change, 2 permission changes, 3 other changes only (1 is always an error)
  --locale LOCALE         role and group names in en_US (default), zh_CN, es_ES, ja_JP, de_DE or pl_PL
  --privileged-roles IDS  role ids or names flagged when gained (default: names that say administrator)
  --bulk-threshold N      flag N or more removals in one run as a bulk revocation (default: 5)
  --help, -h              this text

Exit codes: 1 on any error (a preview error, a policy or guardrail failure, bad arguments), else 0; with
--detailed-exitcode as above.
`;

import * as pulumi from "@pulumi/pulumi";
import { PROGRAM_ISSUE_KEY, type ProgramIssue } from "../provider/inputs/program-issue";

// A conflict the program finds (two resources for one keyword, an exhaustive grant beside another grant of the same
// user, the `import` option) goes to the resource's `check` as the input `__programIssue`, which fails that resource's
// preview step, printed once, before any EnOS call. Throwing from the program would fail the preview too, but the
// engine then takes tens of seconds to notice.

export type { ProgramIssue } from "../provider/inputs/program-issue";

/** An issue that may depend on outputs (a user id known only after another resource is created). */
export type PendingIssue = pulumi.Input<ProgramIssue | undefined> | undefined;

/** The first of `issues` that is set, waiting for the ones that are outputs. */
export function firstIssue(...issues: PendingIssue[]): PendingIssue {
  const pending = issues.filter((issue) => issue !== undefined);
  if (pending.every((issue) => !pulumi.Output.isInstance(issue) && !(issue instanceof Promise))) {
    return pending[0];
  }
  return pulumi.all(pending).apply((resolved) => resolved.find((issue) => issue !== undefined));
}

/** `props` with the issue to report, if there may be one. */
export function withProgramIssue(props: pulumi.Inputs, issue: PendingIssue): pulumi.Inputs {
  return issue === undefined ? props : { ...props, [PROGRAM_ISSUE_KEY]: issue };
}

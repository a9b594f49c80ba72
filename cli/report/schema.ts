/**
 * The report model both commands fill and every renderer reads (design §9): per stack, the users whose roles and
 * groups change, the apps with their menus and permissions, the devices, and everything else, each change marked
 * with its cause (the program changed, or EnOS drifted) and its effect (the next `pulumi up` applies it, a guardrail
 * or policy blocks it, or it is only reported). The JSON format is this schema; cli/report.schema.json is generated
 * from it (a unit test keeps the two equal) and versioned by REPORT_VERSION.
 */
import { z } from "zod";

/** Bumped on any change a consumer of the JSON could notice (a removed or renamed field, a new required one). */
export const REPORT_VERSION = 1;

const text = (description: string) => z.string().describe(description);

const named = z
  .object({ id: text("EnOS id"), name: text("display name, when an EnOS API gives it").optional() })
  .describe("an EnOS object by id, with its name where known");

const resourceRef = z
  .object({
    type: text('resource type without its module, e.g. "RoleAssignment"; the full type for non-EnOS resources'),
    name: text("the resource's name in the program (the last URN segment)"),
    urn: text("the resource's URN"),
  })
  .describe("a resource of the stack");

const cause = z
  .enum(["program", "drift"])
  .describe("program: the program (or its inputs) changed; drift: EnOS was changed outside the stack");
const effect = z
  .enum(["applied", "blocked", "reported"])
  .describe(
    "applied: the next `pulumi up` makes it so; blocked: a guardrail or policy stops the preview; reported: " +
      "nothing will act on it (e.g. an extra grant beside an additive resource)",
  );

const fixes = z
  .object({
    revert: text("how to undo the drift (make EnOS match the stack again)"),
    accept: text("how to keep it: the exact program input to change"),
  })
  .describe("the two ways out of a drift");

const json = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.string()), z.array(z.string())])
  .describe("a field value; null when absent; i18n texts are {locale: text} maps");

const fieldChange = z
  .object({
    field: text("input name, e.g. name, parentId, enabled"),
    before: json.optional(),
    after: json.optional(),
    unknown: z.boolean().optional().describe("true when the new value is known only after `pulumi up`"),
    secret: z.boolean().optional().describe("true when either side is secret: the values are never shown"),
  })
  .describe("one changed field");

const grantChange = z
  .object({
    kind: z.enum(["role", "group"]),
    action: z
      .enum(["gain", "lose"])
      .describe("review: what the next `pulumi up` does to the user; drift: what happened in EnOS"),
    item: named,
    resource: resourceRef,
    cause,
    effect,
    privileged: z.boolean().optional().describe("the role matches the privileged-role list"),
    note: text("why, in a sentence (e.g. what the next `pulumi up` does)").optional(),
    message: text("the guardrail or policy message that blocks it").optional(),
    fixes: fixes.optional(),
  })
  .describe("a role or user group a user gains or loses");

const grantSetting = z
  .object({
    kind: z.enum(["role", "group"]),
    resource: resourceRef,
    mode: z.enum(["exhaustive", "additive"]),
    protected: z.array(named).describe("ids the resource never removes"),
    maxRemovals: z.number().optional(),
    action: z.enum(["create", "update", "delete", "replace", "same", "drop"]).describe("what happens to the resource"),
  })
  .describe("a grant resource of the user");

const userSection = z
  .object({
    user: named,
    orgId: text("the user's OU"),
    grants: z.array(grantSetting),
    changes: z.array(grantChange),
    notes: z.array(z.string()).describe("one-line facts about the user (e.g. left the OU, no roles left)"),
  })
  .describe("one user of one OU");

const itemChange = z
  .object({
    kind: z.enum(["menu", "permission"]),
    resource: resourceRef,
    id: text("menu or permission id").optional(),
    keyword: text("keyword").optional(),
    name: text("display name (default text)").optional(),
    action: z.enum(["create", "update", "move", "rename", "delete", "replace", "gone"]),
    fields: z.array(fieldChange),
    parentBefore: named.optional(),
    parentAfter: named.optional(),
    cause,
    effect,
    note: text("what happens, in a sentence").optional(),
    fixes: fixes.optional(),
  })
  .describe("a menu or permission under its app");

const appSection = z
  .object({
    resource: resourceRef.optional(),
    id: text("app id").optional(),
    name: text("display name (default text)").optional(),
    orgId: text("the app's OU").optional(),
    action: z.enum(["create", "update", "replace", "delete", "gone", "none"]),
    fields: z.array(fieldChange),
    items: z.array(itemChange),
    cause,
    effect,
    note: text("what happens, in a sentence").optional(),
    fixes: fixes.optional(),
  })
  .describe("an app and the changes to its menus and permissions");

const deviceChange = z
  .object({
    resource: resourceRef,
    assetId: text("asset id"),
    orgId: text("OU").optional(),
    action: z.enum(["enable", "disable", "restore", "release", "gone", "adopt", "update"]),
    before: z.boolean().optional().describe("enabled before"),
    after: z.boolean().optional().describe("enabled after"),
    cause,
    effect,
    note: text("what happens, in a sentence").optional(),
    fixes: fixes.optional(),
  })
  .describe("a device switched on or off");

const otherChange = z
  .object({
    resource: resourceRef,
    action: text("the engine's step op (create, update, replace, delete, ...)"),
    fields: z.array(text("changed input")),
    cause,
    effect,
    note: text("what happens, in a sentence").optional(),
  })
  .describe("any other change, so nothing is hidden");

const finding = z
  .object({
    resource: resourceRef.optional(),
    message: text("the message, first line"),
  })
  .describe("a guardrail error or failure of the preview");

const policyFinding = z
  .object({
    policyPack: text("policy pack name"),
    policy: text("policy name"),
    enforcement: text("enforcement level (mandatory, warning/advisory, ...)"),
    resource: resourceRef.optional(),
    message: text("the violation message"),
  })
  .describe("a policy violation reported by the preview");

const unmanagedGrant = z
  .object({
    user: named,
    orgId: z.string(),
    kind: z.enum(["role", "group"]),
    item: named,
    privileged: z.boolean(),
  })
  .describe("a grant no RoleAssignment/UserGroupMembership of the given stacks covers");

const unmanaged = z
  .object({
    orgId: z.string(),
    usersWithGrants: z.number().describe("users of the OU holding any role"),
    managedUsers: z.number().describe("of those, users a RoleAssignment of the stacks manages"),
    grants: z.array(unmanagedGrant),
    error: text("why the OU could not be listed").optional(),
  })
  .describe("what no stack manages in one OU (drift --unmanaged)");

const ignored = z
  .object({
    what: text("the ignored drift, in a sentence"),
    reason: z.string(),
    until: text("YYYY-MM-DD"),
  })
  .describe("a drift left out by the ignore file");

const stackReport = z
  .object({
    project: z.string(),
    stack: z.string(),
    status: z.enum(["ok", "failed"]).describe("failed: the preview or refresh did not complete"),
    error: text("why the stack failed, one line with the fix").optional(),
    users: z.array(userSection),
    apps: z.array(appSection),
    devices: z.array(deviceChange),
    other: z.array(otherChange),
    guardrails: z.array(finding),
    policy: z.array(policyFinding),
    warnings: z.array(z.string()),
    ignored: z.array(ignored),
    expiredIgnores: z.array(ignored).describe("ignore entries past their date: their drift is reported again"),
    unmanaged: z.array(unmanaged).optional(),
  })
  .describe("the report of one stack");

const risk = z
  .object({
    code: z.enum([
      "privileged-role",
      "privileged-drift",
      "bulk-revocation",
      "app-replace",
      "last-grant",
      "blocked",
      "policy",
      "failed",
    ]),
    message: z.string(),
  })
  .describe("a flag a reviewer reads first");

export const reportSchema = z
  .object({
    schema: z.literal("pulumi-enos-report"),
    version: z.literal(REPORT_VERSION),
    command: z.enum(["review", "drift"]),
    headline: text("the one sentence a reviewer reads first"),
    outcome: z
      .enum(["no-change", "permission-change", "other-change", "drift", "no-drift", "error"])
      .describe("what --detailed-exitcode maps to an exit code"),
    risks: z.array(risk),
    stacks: z.array(stackReport),
    notes: z.array(z.string()).describe("facts about the report itself, e.g. why some names are not shown"),
    stats: z
      .object({
        lookupCalls: z.number().describe("EnOS calls this command made itself to resolve names and list users"),
        engineCalls: z
          .number()
          .optional()
          .describe("EnOS calls the previews or refreshes made (counted from the provider's debug log)"),
      })
      .describe("what the run cost"),
  })
  .meta({
    title: "pulumi-enos report",
    description: "The JSON output of `pulumi-enos review` and `pulumi-enos drift` (--format json)",
  });

export type Report = z.output<typeof reportSchema>;
export type StackReport = z.output<typeof stackReport>;
export type UserSection = z.output<typeof userSection>;
export type GrantChange = z.output<typeof grantChange>;
export type GrantSetting = z.output<typeof grantSetting>;
export type AppSection = z.output<typeof appSection>;
export type ItemChange = z.output<typeof itemChange>;
export type DeviceChange = z.output<typeof deviceChange>;
export type OtherChange = z.output<typeof otherChange>;
export type FieldChange = z.output<typeof fieldChange>;
export type Finding = z.output<typeof finding>;
export type PolicyFinding = z.output<typeof policyFinding>;
export type Unmanaged = z.output<typeof unmanaged>;
export type UnmanagedGrant = z.output<typeof unmanagedGrant>;
export type Ignored = z.output<typeof ignored>;
export type Risk = z.output<typeof risk>;
export type ResourceRef = z.output<typeof resourceRef>;
export type Named = z.output<typeof named>;
export type Fixes = z.output<typeof fixes>;
export type Cause = z.output<typeof cause>;
export type Effect = z.output<typeof effect>;
export type FieldValue = z.output<typeof json>;

/** AppPermission inputs (resources.md): a permission of an app, e.g. the "Delete Device" button. */
import { z } from "zod";
import { booleanSchema, idSchema, keywordSchema, orgIdSchema } from "./fields";
import { i18nSchema } from "./i18n";
import type { CheckDefaults } from "./org-id";
import { runCheck, type CheckOutcome, type InputSpec, type RawInputs } from "./run-check";
import { orUnknown, type Known } from "./unknown";

/** Validates and normalises AppPermission inputs; `adopt` defaults to false. */
export const appPermissionInputsSchema = z.strictObject({
  orgId: orUnknown(orgIdSchema),
  appId: orUnknown(idSchema("app", " (the id of an EnosApp, e.g. app.id)")),
  keyword: orUnknown(keywordSchema),
  name: orUnknown(i18nSchema("name")),
  description: orUnknown(i18nSchema("description")).optional(),
  adopt: orUnknown(booleanSchema("true (take over an existing permission with this keyword) or false")).default(false),
});

/** Checked AppPermission inputs, every value known (create/update). */
export type AppPermissionInputs = Known<z.output<typeof appPermissionInputsSchema>>;
/** What a program may pass (before defaults and normalisation). */
export type AppPermissionRawInputs = RawInputs<typeof appPermissionInputsSchema>;

/** Inputs whose change replaces the permission. */
export const appPermissionReplaceOn: readonly string[] = ["orgId", "appId"];

/** Computed outputs; passing one as an input is reported as such. */
export const appPermissionOutputKeys: readonly string[] = ["status"];

const spec: InputSpec<typeof appPermissionInputsSchema> = {
  schema: appPermissionInputsSchema,
  outputKeys: appPermissionOutputKeys,
};

/** The AppPermission `check`: `olds` is unused (see org-id.ts); `defaults.orgId` fills a missing `orgId`. */
export function checkAppPermission(
  _olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  defaults: CheckDefaults,
): CheckOutcome<AppPermissionInputs> {
  return runCheck(spec, news, defaults);
}

/**
 * EnosApp inputs (resources.md): an application registered in an OU. `keyword` is required here although optional
 * in the API, because it is how create finds an app it made before (idempotency) and how `adopt` finds one to take
 * over.
 */
import { z } from "zod";
import { appUrlSchema, booleanSchema, iconSchema, integerSchema, keywordSchema, orgIdSchema } from "./fields";
import { i18nSchema } from "./i18n";
import type { CheckDefaults } from "./org-id";
import { runCheck, type CheckOutcome, type InputSpec, type RawInputs } from "./run-check";
import { orUnknown, type Known } from "./unknown";

const typeRule = `"web" or "mobile" (the app type; wire value 0 or 1)`;

/** Validates and normalises EnosApp inputs; `type` defaults to "web", `adopt` to false. */
export const enosAppInputsSchema = z.strictObject({
  orgId: orUnknown(orgIdSchema),
  name: orUnknown(i18nSchema("name")),
  description: orUnknown(i18nSchema("description")).optional(),
  category: orUnknown(integerSchema("an integer >= 1 (an application category id, e.g. 104)", 1)),
  type: orUnknown(z.enum(["web", "mobile"], { error: typeRule })).default("web"),
  keyword: orUnknown(keywordSchema),
  icon: orUnknown(iconSchema).optional(),
  url: orUnknown(appUrlSchema).optional(),
  adopt: orUnknown(booleanSchema("true (take over an existing app with this keyword) or false")).default(false),
});

/** Checked EnosApp inputs, every value known (create/update). */
export type EnosAppInputs = Known<z.output<typeof enosAppInputsSchema>>;
/** What a program may pass (before defaults and normalisation). */
export type EnosAppRawInputs = RawInputs<typeof enosAppInputsSchema>;

/** Inputs whose change replaces the app (resources.md "replace on"). */
export const enosAppReplaceOn: readonly string[] = ["orgId"];

/** Computed outputs; passing one as an input is reported as such. */
export const enosAppOutputKeys: readonly string[] = [
  "accessKey",
  "secretKey",
  "categoryName",
  "organizationName",
  "createdAt",
  "status",
];

const spec: InputSpec<typeof enosAppInputsSchema> = { schema: enosAppInputsSchema, outputKeys: enosAppOutputKeys };

/** The EnosApp `check`: `olds` is unused (see org-id.ts); `defaults.orgId` fills a missing `orgId`. */
export function checkEnosApp(
  _olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  defaults: CheckDefaults,
): CheckOutcome<EnosAppInputs> {
  return runCheck(spec, news, defaults);
}

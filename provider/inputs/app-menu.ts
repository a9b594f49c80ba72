/** AppMenu inputs (resources.md): a menu entry of an app; `parentId` makes it a child of another menu. */
import { z } from "zod";
import { booleanSchema, idSchema, integerSchema, keywordSchema, menuUrlSchema, orgIdSchema } from "./fields";
import { i18nSchema } from "./i18n";
import type { CheckDefaults } from "./org-id";
import { runCheck, type CheckOutcome, type InputSpec, type RawInputs } from "./run-check";
import { orUnknown, type Known } from "./unknown";

/** Validates and normalises AppMenu inputs; `sortId` defaults to 1, `adopt` to false. */
export const appMenuInputsSchema = z.strictObject({
  orgId: orUnknown(orgIdSchema),
  appId: orUnknown(idSchema("app", " (the id of an EnosApp, e.g. app.id)")),
  keyword: orUnknown(keywordSchema),
  name: orUnknown(i18nSchema("name")),
  description: orUnknown(i18nSchema("description")).optional(),
  parentId: orUnknown(
    idSchema("menu", " (the id of another AppMenu of the same app; omit for a root menu)"),
  ).optional(),
  sortId: orUnknown(integerSchema("an integer >= 1 (smaller sorts first)", 1)).default(1),
  url: orUnknown(menuUrlSchema).optional(),
  adopt: orUnknown(booleanSchema("true (take over an existing menu with this keyword) or false")).default(false),
});

/** Checked AppMenu inputs, every value known (create/update). */
export type AppMenuInputs = Known<z.output<typeof appMenuInputsSchema>>;
/** What a program may pass (before defaults and normalisation). */
export type AppMenuRawInputs = RawInputs<typeof appMenuInputsSchema>;

/** Inputs whose change replaces the menu (a menu cannot move to another app or OU). */
export const appMenuReplaceOn: readonly string[] = ["orgId", "appId"];

/** Computed outputs; passing one as an input is reported as such. */
export const appMenuOutputKeys: readonly string[] = ["menuId", "status"];

const spec: InputSpec<typeof appMenuInputsSchema> = { schema: appMenuInputsSchema, outputKeys: appMenuOutputKeys };

/** The AppMenu `check`: `olds` is unused (see org-id.ts); `defaults.orgId` fills a missing `orgId`. */
export function checkAppMenu(
  _olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  defaults: CheckDefaults,
): CheckOutcome<AppMenuInputs> {
  return runCheck(spec, news, defaults);
}

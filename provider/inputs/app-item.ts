/** The fields every item of an app (a menu, a permission) has: its place, its keyword and its texts. */
import { idSchema, keywordSchema, orgIdSchema } from "./fields";
import { i18nSchema } from "./i18n";
import { orUnknown } from "./unknown";

/** Spread first into a menu's or permission's input object, so messages list these inputs first. */
export const appItemFields = {
  orgId: orUnknown(orgIdSchema),
  appId: orUnknown(idSchema("app", " (the id of an EnosApp, e.g. app.id)")),
  keyword: orUnknown(keywordSchema),
  name: orUnknown(i18nSchema("name")),
  description: orUnknown(i18nSchema("description")).optional(),
};

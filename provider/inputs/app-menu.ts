/** AppMenu: a menu entry of an app; `parentId` makes it a child of another menu. */
import { z } from "zod";
import { booleanSchema, idSchema, integerSchema, menuUrlSchema } from "./fields";
import { appItemFields } from "./app-item";
import { resourceSchema, type InputsOf } from "./resource-schema";
import { orUnknown } from "./unknown";

/** The AppMenu interface; `sortId` defaults to 1, `adopt` to false. A menu cannot move to another app or OU. */
export const appMenuSchema = resourceSchema({
  inputs: z.strictObject({
    ...appItemFields,
    parentId: orUnknown(
      idSchema("menu", " (the id of another AppMenu of the same app; omit for a root menu)"),
    ).optional(),
    sortId: orUnknown(integerSchema("an integer >= 1 (smaller sorts first)", 1)).default(1),
    url: orUnknown(menuUrlSchema).optional(),
    adopt: orUnknown(booleanSchema("true (take over an existing menu with this keyword) or false")).default(false),
  }),
  outputs: { menuId: z.string(), status: z.unknown() },
  replaceOn: ["orgId", "appId"],
});

/** Checked AppMenu inputs, every value known (create/update). */
export type AppMenuInputs = InputsOf<typeof appMenuSchema>;

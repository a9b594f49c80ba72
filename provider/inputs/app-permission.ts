/** AppPermission: a permission of an app, e.g. the "Delete Device" button. */
import { z } from "zod";
import { booleanSchema } from "./fields";
import { appItemFields } from "./app-item";
import { resourceSchema, type InputsOf } from "./resource-schema";
import { orUnknown } from "./unknown";

/** The AppPermission interface; `adopt` defaults to false. A permission cannot move to another app or OU. */
export const appPermissionSchema = resourceSchema({
  inputs: z.strictObject({
    ...appItemFields,
    adopt: orUnknown(booleanSchema("true (take over an existing permission with this keyword) or false")).default(
      false,
    ),
  }),
  outputs: { status: z.unknown() },
  replaceOn: ["orgId", "appId"],
});

/** Checked AppPermission inputs, every value known (create/update). */
export type AppPermissionInputs = InputsOf<typeof appPermissionSchema>;

/**
 * EnosApp: an application registered in an OU. `keyword` is required here although optional in the API, because it
 * is how create finds an app it made before (a lost answer) and how `adopt` finds one to take over.
 */
import { z } from "zod";
import { appUrlSchema, booleanSchema, iconSchema, integerSchema, keywordSchema, orgIdSchema } from "./fields";
import { i18nMapSchema, i18nSchema } from "./i18n";
import { resourceSchema, type InputsOf } from "./resource-schema";
import { orUnknown } from "./unknown";

const typeRule = `"web" or "mobile" (the app type; wire value 0 or 1)`;

/**
 * The EnosApp interface; `type` defaults to "web", `adopt` to false; `recreateIfDeleted` absent means false (an app
 * deleted outside Pulumi stops the next `up` instead of coming back with new credentials).
 */
export const enosAppSchema = resourceSchema({
  inputs: z.strictObject({
    orgId: orUnknown(orgIdSchema),
    name: orUnknown(i18nSchema("name")),
    description: orUnknown(i18nSchema("description")).optional(),
    category: orUnknown(integerSchema("an integer >= 1 (an application category id, e.g. 104)", 1)),
    type: orUnknown(z.enum(["web", "mobile"], { error: typeRule })).default("web"),
    keyword: orUnknown(keywordSchema),
    icon: orUnknown(iconSchema).optional(),
    url: orUnknown(appUrlSchema).optional(),
    adopt: orUnknown(booleanSchema("true (take over an existing app with this keyword) or false")).default(false),
    // No default: a new input with a default would show as a change of every app recorded by an older release.
    recreateIfDeleted: orUnknown(
      booleanSchema("true (create the app again, with a new id and new credentials, if it was deleted) or false"),
    ).optional(),
  }),
  outputs: {
    accessKey: z.string(),
    /** The app's service-account secret: the sdk marks it a Pulumi secret. */
    secretKey: z.string(),
    categoryName: i18nMapSchema,
    organizationName: z.string(),
    createdAt: z.string(),
    status: z.number(),
  },
  replaceOn: ["orgId"],
});

/** Checked EnosApp inputs, every value known (create/update). */
export type EnosAppInputs = InputsOf<typeof enosAppSchema>;

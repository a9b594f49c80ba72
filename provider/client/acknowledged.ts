/**
 * `data` of write calls documented as "true/false" (deletes, role/user-group assignment). `false` carries no code
 * and no reason, so it is reported as an unexpected response rather than guessed into an API error category.
 */
import { z } from "zod";

export const acknowledged: z.ZodType<void, unknown> = z
  .unknown()
  .refine((v) => v !== false, "the service answered false: the operation was not applied")
  .transform(() => undefined);

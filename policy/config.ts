/**
 * Policy config (`--policy-pack-config <file>`: `{ "<policy name>": { "<key>": value, "enforcementLevel": ... } }`).
 * Each rule declares a zod schema with its defaults, and the JSON schema the engine validates the file against is
 * derived from it; the defaults apply whether or not the engine filled them in.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { z } from "zod";
import { PolicyInputError } from "./errors";

/** Config of one policy, raw as `getConfig()` returns it. */
export type RawPolicyConfig = Record<string, unknown>;

/**
 * Parses the config of `policyName` with `schema`: unknown keys and wrong types fail, naming the key, so a typo
 * never silently disables a guardrail.
 */
export function parsePolicyConfig<S extends z.ZodObject>(
  policyName: string,
  schema: S,
  raw: RawPolicyConfig | undefined,
): z.output<S> {
  const { enforcementLevel: _level, ...rest } = raw ?? {};
  const parsed = schema.strict().safeParse(rest);
  if (parsed.success) return parsed.data as z.output<S>;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.length > 0 ? `${policyName}.${issue.path.join(".")}` : policyName;
    const unknown = issue.code === "unrecognized_keys" ? ` (unknown keys: ${issue.keys.join(", ")})` : "";
    return `${key}: ${issue.message}${unknown}`;
  });
  throw new PolicyInputError(`invalid policy config: ${problems.join("; ")}`);
}

/** The JSON schema of a config, with each key's default and description (for `pulumi policy` tooling and docs). */
export function configSchemaOf(schema: z.ZodObject): PolicyConfigSchema {
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-7", unrepresentable: "any" }) as {
    properties?: PolicyConfigSchema["properties"];
  };
  return { properties: json.properties ?? {} };
}

export const idList = (description: string) => z.array(z.string().min(1)).default([]).describe(description);

export const idPairs = (description: string) =>
  z
    .array(z.array(z.string().min(1)).length(2))
    .default([])
    .describe(description);

import * as pulumi from "@pulumi/pulumi";

/**
 * Copies the user's args next to `undefined` placeholders for computed outputs: `dynamic.Resource` only exposes
 * outputs whose keys exist in props, and it mutates the object it is given (pulumi.md §A1).
 */
export function withOutputPlaceholders<T extends object>(args: T, outputs: readonly string[]): pulumi.Inputs {
  const props: pulumi.Inputs = {};
  for (const key of outputs) props[key] = undefined;
  return { ...props, ...args };
}

/** The package's type token module: resources are `pulumi-nodejs:dynamic/enos:<Name>`. */
export const TYPE_MODULE = "enos";

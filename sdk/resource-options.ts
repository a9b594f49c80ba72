import * as pulumi from "@pulumi/pulumi";

/** The names of a resource class's own outputs: its `declare readonly x: pulumi.Output<T>` fields. */
export type OwnOutputName<R> = Exclude<
  { [K in keyof R]-?: R[K] extends pulumi.Output<unknown> ? K : never }[keyof R],
  keyof pulumi.dynamic.Resource
>;

/**
 * Copies the user's args over `undefined` placeholders for every key of `outputs`: `dynamic.Resource` only exposes
 * the outputs whose keys exist in props (`transferProperties` in `@pulumi/pulumi` 3.248.0 `runtime/rpc.ts`,
 * pulumi/pulumi#12160), optional inputs the user left out included, and it mutates
 * the object it is given. Each class types its `outputs` as `Record<OwnOutputName<Class>, true>`, a record rather
 * than a list so that a missing output fails to compile.
 */
export function withOutputPlaceholders(args: object, outputs: Readonly<Record<string, true>>): pulumi.Inputs {
  const props: pulumi.Inputs = {};
  for (const key of Object.keys(outputs)) props[key] = undefined;
  return { ...props, ...args };
}

/** The package's type token module: resources are `pulumi-nodejs:dynamic/enos:<Name>`. */
export const TYPE_MODULE = "enos";

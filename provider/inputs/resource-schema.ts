/**
 * The interface of one resource, written once: the inputs a program may pass (a strict zod object whose fields
 * accept the preview-unknown sentinel), the outputs the provider computes, and the inputs whose change replaces it.
 * `check`, `diff`, the typed operations, the stored-state schema and the sdk's type-level test all read it.
 */
import type { z } from "zod";
import type { CheckFailure } from "./issues";
import type { Known } from "./unknown";

/** The inputs of a resource: a zod object (strict in practice, so unknown properties are reported). */
export type InputObject = z.ZodObject<z.core.$ZodShape, z.core.$ZodObjectConfig>;

/** The computed outputs of a resource and what each one holds. */
export type OutputShape = Readonly<Record<string, z.ZodType>>;

/** The interface of one resource; see the file comment. */
export interface ResourceSchema<S extends InputObject = InputObject, O extends OutputShape = OutputShape> {
  /** What a program may pass, validated and normalised by `check`. */
  readonly inputs: S;
  /** The outputs the provider adds to the inputs (every input is an output too). */
  readonly outputs: O;
  /** The inputs whose change replaces the resource. */
  readonly replaceOn: readonly string[];
  /** Rules spanning several fields, run on the raw values (unknown sentinels must count as "maybe"). */
  readonly crossFieldRules?: (fields: Readonly<Record<string, unknown>>) => CheckFailure[];
}

/** Declares a resource's interface, checking that `replaceOn` names inputs. */
export function resourceSchema<S extends InputObject, const O extends OutputShape>(
  schema: ResourceSchema<S, O> & { replaceOn: readonly (keyof S["shape"] & string)[] },
): ResourceSchema<S, O> {
  return schema;
}

/** Checked inputs as create and update receive them: defaults applied, every value known. */
export type InputsOf<R extends ResourceSchema> = Known<z.output<R["inputs"]>>;

/** Checked inputs as `diff` receives them during a preview: any value may still be the unknown sentinel. */
export type PreviewedOf<R extends ResourceSchema> = z.output<R["inputs"]>;

/**
 * What a program may pass, before defaults and normalisation: the schema's input type with `orgId` optional (check
 * fills it from the provider default). The sdk's `XArgs` is this with every field wrapped in `pulumi.Input`, which
 * test/unit/sdk-contract.test.ts checks.
 */
export type RawInputsOf<R extends ResourceSchema> = Known<Omit<z.input<R["inputs"]>, "orgId">> & { orgId?: string };

/** The names of the computed outputs. */
export type OutputKeyOf<R extends ResourceSchema> = keyof R["outputs"] & string;

/** The computed outputs; each may be absent (EnOS did not return it, or older state lacks it). */
export type ComputedOf<R extends ResourceSchema> = {
  [K in OutputKeyOf<R>]?: z.output<R["outputs"][K]> | undefined;
};

/** Everything the engine records: the checked inputs and the computed outputs. */
export type OutputsOf<R extends ResourceSchema> = InputsOf<R> & ComputedOf<R>;

/** Every input name of a resource, in schema order. */
export function inputKeysOf(schema: ResourceSchema): string[] {
  return Object.keys(schema.inputs.shape);
}

/** Every computed output name of a resource. */
export function outputKeysOf(schema: ResourceSchema): string[] {
  return Object.keys(schema.outputs);
}

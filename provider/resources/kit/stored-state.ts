/**
 * The stored state of a resource, read leniently: what this release and older ones recorded. Every input and output
 * field is optional, and a field that is missing or no longer valid reads as its default (or absent) instead of
 * failing every refresh and destroy; the few fields a state cannot be acted on without are checked, after filling
 * them from the resource id where the id encodes them. Nulls are kept: some outputs are null (a menu's `status`).
 */
import { z } from "zod";
import {
  isEngineKey,
  isKnown,
  type ComputedOf,
  type InputObject,
  type InputsOf,
  type OutputShape,
  type OutputsOf,
  type Props,
  type ResourceSchema,
} from "../../inputs";

/** The names of everything a resource records. */
export type StateKey<R extends ResourceSchema> = keyof OutputsOf<R> & string;

/** Stored state: every field may be absent, except the `Req` fields. */
export type StoredOf<R extends ResourceSchema, Req extends StateKey<R> = never> = {
  [K in StateKey<R>]?: OutputsOf<R>[K] | undefined;
} & { [K in Req]-?: Exclude<OutputsOf<R>[K], undefined> };

/** How to read one resource's stored state. */
export interface StateRules<R extends ResourceSchema, Req extends StateKey<R>> {
  /** Fields the state cannot be acted on without. */
  required?: readonly Req[];
  /** Fields the resource id stands for, used where the state lacks them (`<orgId>/<userId>` ids). */
  fromId?: (id: string) => Partial<Record<StateKey<R>, string>>;
}

/** A field schema that never fails: an unreadable value becomes the field's default, or absent. */
function lenient(field: z.core.$ZodType): z.ZodType {
  if (field instanceof z.ZodDefault) return z.catch(field, field.def.defaultValue);
  return z.catch(z.optional(field), undefined);
}

const lenientSchemas = new WeakMap<ResourceSchema, z.ZodType<Record<string, unknown>>>();

/** The lenient schema of everything `schema` records (built once per resource). */
function storedSchemaOf(schema: ResourceSchema): z.ZodType<Record<string, unknown>> {
  let stored = lenientSchemas.get(schema);
  if (stored === undefined) {
    const shape = { ...schema.inputs.shape, ...schema.outputs };
    stored = z.object(Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, lenient(field)])));
    lenientSchemas.set(schema, stored);
  }
  return stored;
}

/**
 * Reads the state `props` of resource `id` (the engine's keys dropped). Throws, naming the resource and what is
 * missing, when a required field is neither stored nor encoded in the id.
 */
export function readStoredState<R extends ResourceSchema, Req extends StateKey<R>>(
  resource: string,
  schema: R,
  rules: StateRules<R, Req>,
  id: string,
  props: Props,
): StoredOf<R, Req> {
  const stored: Record<string, unknown> = Object.fromEntries(
    Object.entries(props).filter(([key]) => !isEngineKey(key)),
  );
  for (const [key, value] of Object.entries(rules.fromId?.(id) ?? {})) stored[key] ??= value;
  const state = storedSchemaOf(schema).parse(stored);
  const missing = (rules.required ?? []).filter((key) => state[key] === undefined);
  if (missing.length > 0) {
    throw new Error(`the stored state of ${resource} '${id}' has no ${missing.join("/")}; remove it from the stack`);
  }
  // The lenient schema yields exactly the stored fields; the required ones were just checked.
  return state as StoredOf<R, Req>;
}

/** The inputs a state recorded, when they are all there and valid (state of this release), else undefined. */
export function recordedInputs<S extends InputObject, O extends OutputShape>(
  schema: ResourceSchema<S, O>,
  state: object,
): InputsOf<ResourceSchema<S, O>> | undefined {
  const parsed = z.safeParse(schema.inputs, pickInputs(schema, state));
  return parsed.success && isKnown(parsed.data) ? parsed.data : undefined;
}

/** The computed outputs a state holds. */
export function storedComputed<R extends ResourceSchema>(schema: R, state: object): ComputedOf<R> {
  const keys = new Set(Object.keys(schema.outputs));
  // Only output keys, each already read by the lenient schema of its output: the type holds by construction.
  return Object.fromEntries(Object.entries(state).filter(([key]) => keys.has(key))) as ComputedOf<R>;
}

/** The input fields of `outputs` (what `read` hands back as `inputs`), undefined values dropped. */
export function pickInputs(schema: ResourceSchema, outputs: object): Record<string, unknown> {
  const keys = new Set(Object.keys(schema.inputs.shape));
  return Object.fromEntries(Object.entries(outputs).filter(([key, value]) => keys.has(key) && value !== undefined));
}

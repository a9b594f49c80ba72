/**
 * What the engine passes to a dynamic provider: plain property bags, in which keys starting with `__` belong to the
 * engine (`__provider`, the serialized provider: see the `@pulumi/pulumi` dynamic-provider host) and every other key
 * is a resource property.
 */

/** A property bag as the engine passes it (inputs, stored outputs). */
export type Props = Readonly<Record<string, unknown>>;

/** True for an engine-owned key (`__provider`): never validated, always passed through untouched. */
export function isEngineKey(key: string): boolean {
  return key.startsWith("__");
}

/**
 * Splits `props` into the engine's keys and the resource's fields. A null field counts as absent: the SDK sends an
 * unset input as null, and the protobuf Struct the host decodes has no undefined.
 */
export function splitEngineKeys(props: Props): { engine: Record<string, unknown>; fields: Record<string, unknown> } {
  const engine: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (isEngineKey(key)) engine[key] = value;
    else if (value !== undefined && value !== null) fields[key] = value;
  }
  return { engine, fields };
}

/**
 * Objects a refresh must not simply forget. When `read` finds such an object gone, the resource stays in the stack
 * with its last state and the engine-owned marker `__vanished` (the id EnOS no longer has) in its inputs and outputs,
 * instead of leaving the stack (which would make the next `up` create a new object without a word). The next
 * `check` sees the marker in the recorded inputs and fails unless the resource's opt-in input allows a new object;
 * when it does, `diff` asks for a replacement (a new object, then the delete of the gone one, which succeeds).
 *
 * Why a marker in state and not a warning alone: the provider never learns a resource's Pulumi name or URN (the
 * dynamic-provider host passes only the id and properties, and the engine relays the provider's stderr without a
 * URN), so a refresh warning can name only the object; the `check` failure the engine prints names the resource.
 */
import { isEngineKey, type Props, type ResourceSchema } from "../../inputs";
import { pickInputs } from "./stored-state";

/** The engine-owned key of the marker; its `__` prefix keeps it out of input validation. */
export const VANISHED_KEY = "__vanished";

/** How a resource treats its object vanishing. */
export interface VanishRule {
  /** The boolean input that allows a new object in place of the vanished one, e.g. "recreateIfDeleted". */
  allowedBy: string;
  /** Why the next `up` stops, and both ways on; `id` is the vanished object's, `olds` the recorded inputs. */
  refusal(id: string, olds: Props): string;
}

/** The id of the vanished object a state or recorded inputs mark, if any. */
export function vanishedId(props: Props | undefined): string | undefined {
  const marker = props?.[VANISHED_KEY];
  return typeof marker === "string" && marker !== "" ? marker : undefined;
}

/** What `read` returns for a vanished object: its stored state and inputs, marked (the host re-adds `__provider`). */
export function vanishedRead(schema: ResourceSchema, id: string, stored: Props) {
  const fields = Object.fromEntries(
    Object.entries(stored).filter(([key, value]) => !isEngineKey(key) && value !== undefined),
  );
  return {
    id,
    props: { ...fields, [VANISHED_KEY]: id },
    inputs: { ...pickInputs(schema, fields), [VANISHED_KEY]: id },
  };
}

/** A stored or live value of a resource: its input, else its output. */
import type { StateView } from "../engine/capture";

export const prop = (state: StateView | undefined, key: string): unknown =>
  state ? (state.inputs[key] ?? state.outputs[key]) : undefined;

export const UP = "run `pulumi up`";

/**
 * An error in what the pack was given (its config, a resource it cannot read, names it cannot resolve). The engine
 * prints a thrown error's `stack` (@pulumi/policy keeps it across gRPC), so this one's stack is its message alone:
 * the reader needs the setting to fix, not a trace through the pack's internals.
 */
export class PolicyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyInputError";
    this.stack = `${this.name}: ${message}`;
  }
}

/** The first error in `error`'s cause chain (itself included, 6 deep at most) that `matches`: wrappers keep the cause. */
export function findInCauses<T>(error: unknown, matches: (e: object) => e is T & object): T | undefined;
export function findInCauses(error: unknown, matches: (e: object) => boolean): object | undefined;
export function findInCauses(error: unknown, matches: (e: object) => boolean): object | undefined {
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 6; depth++) {
    if (matches(e)) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Assertions shared by the input tests: a check outcome failed on one property with a reason naming the fix. */
import type { CheckOutcome } from "../../../provider/inputs";

/** Asserts a failure for `property` whose reason contains every fragment; returns that reason. */
export function expectFailure(outcome: CheckOutcome<unknown>, property: string, ...fragments: string[]): string {
  expect(outcome.inputs).toBeUndefined();
  expect(outcome.failures.map((f) => f.property)).toContain(property);
  const reason = outcome.failures.find((f) => f.property === property)?.reason ?? "";
  for (const fragment of fragments) expect(reason).toContain(fragment);
  return reason;
}

/** Asserts success and returns the checked inputs. */
export function expectInputs<T>(outcome: CheckOutcome<T>): T {
  expect(outcome.failures).toEqual([]);
  expect(outcome.inputs).toBeDefined();
  return outcome.inputs as T;
}

/** True when `value` holds `undefined` anywhere: the host's Struct.fromJavaScript would throw on it. */
export function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.some(hasUndefined);
  if (typeof value === "object" && value !== null) return Object.values(value).some(hasUndefined);
  return false;
}

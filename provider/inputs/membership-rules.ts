/**
 * Cross-field rules shared by RoleAssignment and UserGroupMembership, whose inputs have the same shape
 * (`<list>`, `exhaustive`, `protected<List>`, `maxRemovals`).
 */
import type { CheckFailure } from "./issues";
import { isUnknown } from "./unknown";

/**
 * An empty `listKey` is allowed only with `exhaustive: true`, where it means "remove every id that is not protected".
 * Without it an empty list manages nothing, which is surely a mistake. An unknown `exhaustive` may be true: no failure.
 */
export function emptyListRule(listKey: string, noun: string) {
  return (fields: Readonly<Record<string, unknown>>): CheckFailure[] => {
    const list = fields[listKey];
    const exhaustive = fields["exhaustive"];
    if (!Array.isArray(list) || list.length > 0 || exhaustive === true || isUnknown(exhaustive)) return [];
    const reason =
      `${listKey} is empty, which only makes sense with exhaustive: true (remove every ${noun} that is not ` +
      `protected): list at least one ${noun} id, or set exhaustive: true`;
    return [{ property: listKey, reason }];
  };
}

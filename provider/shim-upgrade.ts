/**
 * A release whose serialized shim differs from the last one changes `__provider` in every resource's inputs, and the
 * engine's own input diff (provider-kit leaves `changes` to it) then plans an update of every resource once. That
 * update must not act on EnOS: for an exhaustive grant it would otherwise re-apply the role set and remove a role
 * granted in the console, as a side effect of upgrading the package.
 *
 * Only `check` sees the old inputs (`update` gets the old outputs), so `check` records, by the checked inputs, whether
 * they equal the old ones apart from `__provider`; `update` with such inputs keeps the stored outputs, as the engine's
 * "same" step would. Inputs that any resource of the kind changed are never treated so (two resources with equal
 * inputs are the same EnOS object anyway). One provider process serves one deployment, so the record lives as long.
 */

type Props = Record<string, unknown>;

const PROVIDER_KEY = "__provider";

/** Checked inputs (by kind and content) -> whether every check that produced them only saw `__provider` change. */
const shimOnly = new Map<string, boolean>();

/** JSON with object keys sorted and `__provider` left out: equal inputs give equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, inner: unknown) => {
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    const entries = Object.entries(inner as Props).filter(([name]) => !(key === "" && name === PROVIDER_KEY));
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

const keyOf = (kind: string, inputs: Props): string => `${kind}:${canonical(inputs)}`;

/** Records one `check`: `olds` are the previous inputs (empty on create), `checked` what check returned. */
export function recordCheck(kind: string, olds: Props | undefined, news: Props, checked: Props | undefined): void {
  if (checked === undefined || olds?.[PROVIDER_KEY] === undefined || olds[PROVIDER_KEY] === news[PROVIDER_KEY]) return;
  const key = keyOf(kind, checked);
  const unchanged = canonical(olds) === canonical(checked);
  shimOnly.set(key, (shimOnly.get(key) ?? true) && unchanged);
}

/** True when `news` (checked inputs) were recorded as differing from the old inputs in `__provider` alone. */
export function isShimOnlyUpdate(kind: string, news: Props): boolean {
  return shimOnly.get(keyOf(kind, news)) === true;
}

/** The outputs an update keeps: the stored ones, without `__provider` (the host adds the new one). */
export function keptOutputs(olds: Props): Props {
  return Object.fromEntries(Object.entries(olds).filter(([key]) => key !== PROVIDER_KEY));
}

/** Forgets every record (tests: each is a deployment of its own). */
export function resetShimUpgrades(): void {
  shimOnly.clear();
}

/**
 * Following a renamed profile in what is keyed by profile name (the app's tabs, the matrix grid):
 * `from`'s entry becomes `to`'s. Pure; core/profiles/rename.ts uses the same to carry the workspace files.
 */

/** The rename a `profiles.changed` event announces (it carries the profile and the name it had), or null. */
export function renameOf(e: { profile?: { name: string }; deleted?: string } | undefined): {
  from: string;
  to: string;
} | null {
  return e?.profile && e.deleted && e.deleted !== e.profile.name
    ? { from: e.deleted, to: e.profile.name }
    : null;
}

/** `r` with `from`'s entry under `to` (replacing one a deleted profile left); the same object when it has none. */
export function renameKey<V>(r: Readonly<Record<string, V>>, from: string, to: string): Record<string, V> {
  if (!Object.hasOwn(r, from)) return r as Record<string, V>;
  const { [from]: moved, ...rest } = r;
  return { ...rest, [to]: moved };
}

/** row → profile → value tables (matrix expectations): `from`'s column is `to`'s. */
export function renameColumn<V>(
  t: Readonly<Record<string, Record<string, V>>>,
  from: string,
  to: string,
): Record<string, Record<string, V>> {
  return Object.fromEntries(
    Object.entries(t).map(([row, byProfile]) => [row, renameKey(byProfile, from, to)]),
  );
}

/** Profile names with `from` as `to`, each once, in their order. */
export function renameInList(list: readonly string[], from: string, to: string): string[] {
  return [...new Set(list.map((n) => (n === from ? to : n)))];
}

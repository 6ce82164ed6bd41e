/**
 * The order profiles are listed in, everywhere: `default` first, then in the order they were
 * created (then by name). The core sorts `profiles.list` with it; the app keeps its map in the same
 * order when it applies a change without listing again. Pure.
 */

const DEFAULT_NAME = 'default';

export function compareProfiles(
  a: { name: string; createdAt: string },
  b: { name: string; createdAt: string },
): number {
  const rank = (p: { name: string }) => (p.name === DEFAULT_NAME ? 0 : 1);
  return rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name);
}

/**
 * Folder paths inside a collection: '/'-separated, '' is the top level. Pure; the core's
 * collection edits, the matrix model and the renderer's tree all use these.
 */

/** The last segment: `leafName('a/b/c')` is 'c'. */
export function leafName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Everything before the last segment: `parentPath('a/b/c')` is 'a/b'; '' at the top level. */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function joinPath(parent: string, leaf: string): string {
  return parent ? `${parent}/${leaf}` : leaf;
}

/** True when `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/** Replaces the `from` prefix of a path by `to` (for moving or copying a folder's contents). */
export function rebase(path: string, from: string, to: string): string {
  return path === from ? to : `${to}${path.slice(from.length)}`;
}

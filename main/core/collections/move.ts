import { fail } from '../../shared/errors';
import type { Collection } from '../../shared/types';
import type { CollectionMoveArgs } from '../../shared/workbench';
import { isInside, normalizeFolder, renameFolder } from './ops';

/**
 * Reordering a collection by drag and drop. The file's order is the order shown (and the order
 * `tandem run` and the matrix use): folders in `folders` order, requests in `requests` order.
 */

type MoveArgs = CollectionMoveArgs;

const leaf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const parentOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

export function moveInCollection(c: Collection, item: MoveArgs['item'], to: MoveArgs['to']): Collection {
  const folder = normalizeFolder(to.folder);
  if (folder && !c.folders.includes(folder))
    fail('NOT_FOUND', `No folder "${folder}" in collection "${c.name}"`);
  return item.kind === 'request'
    ? moveRequest(c, item.id, folder, to.before ?? null)
    : moveFolder(c, normalizeFolder(item.path), folder, to.before ?? null);
}

function moveRequest(c: Collection, id: string, folder: string, before: string | null): Collection {
  const from = c.requests.findIndex((r) => r.id === id);
  if (from < 0) fail('NOT_FOUND', `No request "${id}" in collection "${c.name}"`);
  const moved = { ...c.requests[from], folder };
  const rest = c.requests.filter((r) => r.id !== id);
  let at = before ? rest.findIndex((r) => r.id === before) : -1;
  if (before && at < 0) fail('NOT_FOUND', `No request "${before}" in collection "${c.name}"`);
  if (at < 0) {
    // last in its folder: right after the folder's last request, else at the end
    let last = -1;
    rest.forEach((r, i) => {
      if (r.folder === folder) last = i;
    });
    at = last >= 0 ? last + 1 : rest.length;
  }
  rest.splice(at, 0, moved);
  return { ...c, requests: rest };
}

function moveFolder(c: Collection, path: string, parent: string, before: string | null): Collection {
  if (!c.folders.includes(path)) fail('NOT_FOUND', `No folder "${path}" in collection "${c.name}"`);
  if (isInside(parent, path)) fail('INVALID_ARGUMENT', `Cannot move folder "${path}" into itself`);
  const target = parent ? `${parent}/${leaf(path)}` : leaf(path);
  const renamed = target === path ? c : renameFolder(c, path, target);
  if (before !== null && (!renamed.folders.includes(before) || parentOf(before) !== parent))
    fail('NOT_FOUND', `No folder "${before}" next to "${target}" in collection "${c.name}"`);
  const block = renamed.folders.filter((f) => isInside(f, target));
  const rest = renamed.folders.filter((f) => !isInside(f, target));
  const at = before === null ? rest.length : rest.indexOf(before);
  rest.splice(at, 0, ...block);
  return { ...renamed, folders: rest };
}

import type { Check } from '../../shared/checks';
import { fail } from '../../shared/errors';
import { isInside, joinPath, leafName, parentPath, rebase } from '../../shared/folders';
import type { ExtractRule } from '../../shared/sessions';
import { uniqueName } from '../../shared/text';
import type { Collection, RequestSpec, SavedRequest } from '../../shared/types';

/** Pure edits of a collection. Folders are '/'-separated paths; '' is the top level. */

/** Trims and joins the segments of a folder path; '' for the top level. Rejects '.' and '..'. */
export function normalizeFolder(folder: string): string {
  const parts = folder
    .split('/')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => p === '.' || p === '..'))
    fail('INVALID_ARGUMENT', `Invalid folder "${folder}": '.' and '..' are not folder names`);
  return parts.join('/');
}

export { isInside };

function withAncestors(folder: string): string[] {
  const parts = folder.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

function addFolders(folders: string[], folder: string): string[] {
  if (!folder) return folders;
  const out = [...folders];
  for (const f of withAncestors(folder)) if (!out.includes(f)) out.push(f);
  return out;
}

function requireFolder(c: Collection, folder: string): void {
  if (!c.folders.includes(folder)) fail('NOT_FOUND', `No folder "${folder}" in collection "${c.name}"`);
}

export function addFolder(c: Collection, folder: string): Collection {
  const f = normalizeFolder(folder);
  if (!f) fail('INVALID_ARGUMENT', 'A folder needs a name');
  if (c.folders.includes(f)) fail('INVALID_ARGUMENT', `Folder "${f}" already exists in "${c.name}"`);
  return { ...c, folders: addFolders(c.folders, f) };
}

/** Renames (or moves) a folder with its subfolders and the requests inside them. */
export function renameFolder(c: Collection, from: string, to: string): Collection {
  const src = normalizeFolder(from);
  const dst = normalizeFolder(to);
  requireFolder(c, src);
  if (!dst) fail('INVALID_ARGUMENT', 'A folder needs a name');
  if (src === dst) return c;
  if (isInside(dst, src)) fail('INVALID_ARGUMENT', `Cannot move folder "${src}" into itself`);
  if (c.folders.includes(dst)) fail('INVALID_ARGUMENT', `Folder "${dst}" already exists in "${c.name}"`);
  const move = (p: string) => (isInside(p, src) ? dst + p.slice(src.length) : p);
  let folders: string[] = [];
  for (const f of c.folders) folders = addFolders(folders, move(f));
  return {
    ...c,
    folders,
    requests: c.requests.map((r) => (isInside(r.folder, src) ? { ...r, folder: move(r.folder) } : r)),
  };
}

/** Deletes a folder, its subfolders and every request inside them. */
export function deleteFolder(c: Collection, folder: string): Collection {
  const f = normalizeFolder(folder);
  requireFolder(c, f);
  return {
    ...c,
    folders: c.folders.filter((x) => !isInside(x, f)),
    requests: c.requests.filter((r) => !isInside(r.folder, f)),
  };
}

export interface SavedRequestInput {
  id?: string;
  name: string;
  folder: string;
  request: RequestSpec;
  extract?: ExtractRule[];
  checks?: Check[];
}

/** Creates the request, or updates the one with the same id. Its folder is created if needed. */
export function saveRequest(
  c: Collection,
  input: SavedRequestInput,
  newId: () => string,
): { collection: Collection; saved: SavedRequest } {
  const folder = normalizeFolder(input.folder);
  const name = input.name.trim();
  if (!name) fail('INVALID_ARGUMENT', 'A saved request needs a name');
  const saved: SavedRequest = { id: input.id || newId(), name, folder, request: input.request };
  const at = c.requests.findIndex((r) => r.id === saved.id);
  // Saving the request from the editor (no rules given) keeps its extraction rules.
  const extract = input.extract ?? (at >= 0 ? c.requests[at].extract : undefined);
  if (extract?.length) saved.extract = extract;
  // Checks are edited on their own (collections.setChecks): saving the request keeps them.
  const checks = input.checks ?? (at >= 0 ? c.requests[at].checks : undefined);
  if (checks?.length) saved.checks = checks;
  const requests = [...c.requests];
  if (at >= 0) requests[at] = saved;
  else requests.push(saved);
  return { collection: { ...c, folders: addFolders(c.folders, folder), requests }, saved };
}

function requireRequest(c: Collection, id: string): number {
  const at = c.requests.findIndex((r) => r.id === id);
  if (at < 0) fail('NOT_FOUND', `No request "${id}" in collection "${c.name}"`);
  return at;
}

export function deleteRequest(c: Collection, id: string): Collection {
  requireRequest(c, id);
  return { ...c, requests: c.requests.filter((r) => r.id !== id) };
}

/** Copies a request next to the original as "<name> copy". */
export function duplicateRequest(
  c: Collection,
  id: string,
  newId: () => string,
): { collection: Collection; saved: SavedRequest } {
  const at = requireRequest(c, id);
  const original = c.requests[at];
  const saved: SavedRequest = {
    ...structuredClone(original),
    id: newId(),
    name: `${original.name} copy`,
  };
  const requests = [...c.requests];
  requests.splice(at + 1, 0, saved);
  return { collection: { ...c, requests }, saved };
}

/**
 * Copies a folder beside itself as "<name> copy" (then "copy 2"…), with its subfolders and
 * every request inside them (new ids). One pure edit: the caller writes it once.
 */
export function duplicateFolder(
  c: Collection,
  folder: string,
  newId: () => string,
): { collection: Collection; folder: string } {
  const src = normalizeFolder(folder);
  requireFolder(c, src);
  const parent = parentPath(src);
  const siblings = c.folders.filter((f) => f && parentPath(f) === parent).map(leafName);
  const dst = joinPath(parent, uniqueName(`${leafName(src)} copy`, siblings));
  const move = (p: string) => rebase(p, src, dst);
  let folders = c.folders;
  for (const f of c.folders) if (isInside(f, src)) folders = addFolders(folders, move(f));
  const copies: SavedRequest[] = c.requests
    .filter((r) => isInside(r.folder, src))
    .map((r) => ({ ...structuredClone(r), id: newId(), folder: move(r.folder) }));
  return { collection: { ...c, folders, requests: [...c.requests, ...copies] }, folder: dst };
}

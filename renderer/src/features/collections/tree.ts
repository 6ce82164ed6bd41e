import { isInside as isUnder, joinPath, leafName, parentPath, rebase } from '../../../../main/shared/folders';
import { uniqueName } from '../../../../main/shared/text';
import type { Collection, SavedRequest } from '../../../../main/shared/types';

/** Pure helpers for the collections tree: folder paths are '/'-separated, '' is the top level. */

export type TreeNode =
  | { kind: 'folder'; path: string; name: string; children: TreeNode[] }
  | { kind: 'request'; request: SavedRequest };

export { isUnder, joinPath, leafName, parentPath, rebase, uniqueName };

/** Every folder path the collection uses, parents included, parents before children, in the file's order. */
export function allFolders(c: Collection): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (p: string) => {
    if (!p || seen.has(p)) return;
    add(parentPath(p));
    seen.add(p);
    out.push(p);
  };
  for (const f of c.folders) add(f);
  for (const r of c.requests) add(r.folder);
  return out;
}

/** The collection as a tree, in the file's order: folders (in `folders` order) before requests at every level. */
export function buildTree(c: Collection): TreeNode[] {
  const folders = new Map<string, TreeNode & { kind: 'folder' }>();
  const root: TreeNode[] = [];
  const childrenOf = (path: string) => (path ? folders.get(path)!.children : root);
  for (const path of allFolders(c)) {
    const node = { kind: 'folder' as const, path, name: leafName(path), children: [] };
    folders.set(path, node);
    childrenOf(parentPath(path)).push(node);
  }
  for (const r of c.requests) childrenOf(r.folder).push({ kind: 'request', request: r });
  return root;
}

/** The tree with only what matches `query` (a request's name, method or URL; a folder's name keeps all inside it). */
export function filterTree(nodes: TreeNode[], query: string): TreeNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return nodes;
  const out: TreeNode[] = [];
  for (const n of nodes) {
    if (n.kind === 'request') {
      const r = n.request;
      if (`${r.name} ${r.request.method} ${r.request.url}`.toLowerCase().includes(q)) out.push(n);
    } else if (n.name.toLowerCase().includes(q)) out.push(n);
    else {
      const children = filterTree(n.children, q);
      if (children.length) out.push({ ...n, children });
    }
  }
  return out;
}

/** Requests inside a folder or its subfolders. */
export function requestsUnder(c: Collection, folder: string): SavedRequest[] {
  return c.requests.filter((r) => isUnder(r.folder, folder));
}

/** A folder and its subfolders, parents first. */
export function foldersUnder(c: Collection, folder: string): string[] {
  return allFolders(c).filter((p) => isUnder(p, folder));
}

/** Names of the folders directly inside `parent`. */
export function childFolderNames(c: Collection, parent: string): string[] {
  return allFolders(c)
    .filter((p) => parentPath(p) === parent)
    .map(leafName);
}

/** A short name for a request saved from a URL: its path, or the whole URL. */
export function suggestName(method: string, url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url.trim());
  const path = m?.[1] && m[1] !== '/' ? m[1] : url.trim();
  return `${method.toUpperCase()} ${path || 'request'}`.slice(0, 200);
}

import { describe, expect, it } from 'vitest';
import type { Collection } from '../../../main/shared/types';
import {
  allFolders,
  buildTree,
  rebase,
  suggestName,
  uniqueName,
} from '../../../renderer/src/features/collections/tree';

const spec = { method: 'GET', url: 'http://x/', headers: [], body: { type: 'none' as const } };
const col: Collection = {
  id: 'c1',
  name: 'Shop',
  folders: ['auth', 'orders/admin'],
  requests: [
    { id: 'r1', name: 'Login', folder: 'auth', request: spec },
    { id: 'r2', name: 'Health', folder: '', request: spec },
    { id: 'r3', name: 'Purge', folder: 'orders/admin', request: spec },
  ],
};

describe('collections tree', () => {
  it('nests folders (parents implied) before requests at each level', () => {
    expect(allFolders(col)).toEqual(['auth', 'orders', 'orders/admin']);
    const tree = buildTree(col);
    expect(tree.map((n) => (n.kind === 'folder' ? `dir:${n.name}` : n.request.name))).toEqual([
      'dir:auth',
      'dir:orders',
      'Health',
    ]);
    const orders = tree[1];
    if (orders.kind !== 'folder') throw new Error('expected a folder');
    const admin = orders.children[0];
    if (admin.kind !== 'folder') throw new Error('expected a folder');
    expect(admin.children.map((n) => (n.kind === 'request' ? n.request.name : n.name))).toEqual(['Purge']);
  });

  it('names new things without clashing and moves paths with their folder', () => {
    expect(uniqueName('New folder', [])).toBe('New folder');
    expect(uniqueName('New folder', ['New folder', 'New folder 2'])).toBe('New folder 3');
    expect(rebase('orders/admin', 'orders', 'orders copy')).toBe('orders copy/admin');
    expect(suggestName('post', 'http://127.0.0.1:8000/login?x=1')).toBe('POST /login');
    expect(suggestName('GET', '{{base}}/me')).toBe('GET {{base}}/me');
  });
});

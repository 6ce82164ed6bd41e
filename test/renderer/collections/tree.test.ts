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

describe('collections tree order and filter', () => {
  const story: Collection = {
    id: 'c2',
    name: 'Demo',
    folders: ['Session', 'httpbin', 'Access'],
    requests: [
      {
        id: 'a',
        name: 'Log in',
        folder: 'Session',
        request: { ...spec, method: 'POST', url: '{{baseUrl}}/login' },
      },
      { id: 'b', name: 'Who am I', folder: 'Session', request: { ...spec, url: '{{baseUrl}}/profile' } },
      { id: 'c', name: 'Log out', folder: 'Session', request: { ...spec, url: '{{baseUrl}}/logout' } },
      { id: 'd', name: 'Admin only', folder: 'Access', request: { ...spec, url: '{{baseUrl}}/admin' } },
    ],
  };

  it('keeps the order of the file: Session first, its requests as saved', async () => {
    const { buildTree: build } = await import('../../../renderer/src/features/collections/tree');
    const tree = build(story);
    expect(tree.map((n) => (n.kind === 'folder' ? n.name : ''))).toEqual(['Session', 'httpbin', 'Access']);
    const session = tree[0];
    expect(
      session.kind === 'folder' && session.children.map((n) => (n.kind === 'request' ? n.request.name : '')),
    ).toEqual(['Log in', 'Who am I', 'Log out']);
  });

  it('filters by name, method or URL; a matching folder keeps what is inside', async () => {
    const { buildTree: build, filterTree } = await import('../../../renderer/src/features/collections/tree');
    const names = (q: string) =>
      JSON.stringify(filterTree(build(story), q), (k, v) => (k === 'request' ? v.name : v));
    expect(names('profile')).toContain('Who am I');
    expect(names('profile')).not.toContain('Log in');
    expect(names('post')).toContain('Log in');
    expect(names('access')).toContain('Admin only');
    expect(filterTree(build(story), 'zzz')).toEqual([]);
  });
});

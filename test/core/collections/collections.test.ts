import { describe, expect, it } from 'vitest';
import * as ops from '../../../main/core/collections/ops';
import type { Collection, RequestSpec } from '../../../main/shared/types';

const get = (url: string): RequestSpec => ({ method: 'GET', url, headers: [], body: { type: 'none' } });
let n = 0;
const id = () => `r${++n}`;

function demo(): Collection {
  let c: Collection = { id: 'c1', name: 'Demo', folders: [], requests: [] };
  c = ops.saveRequest(c, { name: 'Login', folder: 'auth', request: get('/login') }, id).collection;
  c = ops.saveRequest(c, { name: 'Deep', folder: 'auth/admin', request: get('/admin') }, id).collection;
  c = ops.saveRequest(c, { name: 'Top', folder: '', request: get('/') }, id).collection;
  return c;
}

describe('collection edits (pure)', () => {
  it('saving into a folder creates the folder and its parents; saving by id updates in place', () => {
    const c = demo();
    expect(c.folders).toEqual(['auth', 'auth/admin']);
    const login = c.requests[0];
    const { collection, saved } = ops.saveRequest(c, { ...login, name: 'Log in' }, id);
    expect(saved.id).toBe(login.id);
    expect(collection.requests.map((r) => r.name)).toEqual(['Log in', 'Deep', 'Top']);
  });

  it('renaming a folder moves its subfolders and the requests inside', () => {
    const c = ops.renameFolder(demo(), 'auth', 'session');
    expect(c.folders).toEqual(['session', 'session/admin']);
    expect(c.requests.map((r) => r.folder)).toEqual(['session', 'session/admin', '']);
    expect(() => ops.renameFolder(c, 'session', 'session/inner')).toThrow(/into itself/);
    expect(() => ops.renameFolder(c, 'nope', 'x')).toThrow(/No folder "nope"/);
  });

  it('deleting a folder deletes what is inside it and nothing else', () => {
    const c = ops.deleteFolder(demo(), 'auth/admin');
    expect(c.folders).toEqual(['auth']);
    expect(c.requests.map((r) => r.name)).toEqual(['Login', 'Top']);
  });

  it('duplicating a request puts "<name> copy" right after it', () => {
    const c = demo();
    const { collection, saved } = ops.duplicateRequest(c, c.requests[0].id, id);
    expect(saved.name).toBe('Login copy');
    expect(saved.id).not.toBe(c.requests[0].id);
    expect(collection.requests.map((r) => r.name)).toEqual(['Login', 'Login copy', 'Deep', 'Top']);
    expect(() => ops.deleteRequest(c, 'missing')).toThrow(/No request "missing"/);
  });

  it('folder paths are normalised and may not climb out', () => {
    expect(ops.normalizeFolder(' /a//b/ ')).toBe('a/b');
    expect(() => ops.normalizeFolder('a/../b')).toThrow(/'\.' and '\.\.'/);
    expect(() => ops.addFolder(demo(), 'auth')).toThrow(/already exists/);
  });
});

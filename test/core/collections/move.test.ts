import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BridgedCore, startBridgedCore } from '../../support/core';

const spec = (url: string) => ({ method: 'GET', url, headers: [], body: { type: 'none' as const } });

describe('collections.move: drag and drop keeps the order in the file', () => {
  let tc: BridgedCore;
  let id: string;
  const names = async () => {
    const res = await tc.core['collections.list']({});
    const c = res.ok ? res.value.find((x) => x.id === id)! : null;
    return { folders: c?.folders, requests: c?.requests.map((r) => `${r.folder}:${r.name}`) };
  };
  const rid = async (name: string) => {
    const res = await tc.core['collections.list']({});
    return res.ok ? res.value.find((x) => x.id === id)!.requests.find((r) => r.name === name)!.id : '';
  };

  beforeEach(async () => {
    tc = await startBridgedCore('tandem-move-');
    const made = await tc.core['collections.create']({ name: 'API' });
    id = made.ok ? made.value.id : '';
    for (const f of ['Session', 'Admin', 'Admin/Users'])
      await tc.core['collections.addFolder']({ collectionId: id, folder: f });
    for (const [folder, name] of [
      ['Session', 'Log in'],
      ['Session', 'Log out'],
      ['Session', 'Who am I'],
      ['Admin', 'List'],
      ['', 'Health'],
    ])
      await tc.core['collections.saveRequest']({
        collectionId: id,
        request: { name, folder, request: spec(`/${name}`) },
      });
  });
  afterEach(async () => {
    await tc.close();
  });

  it('moves a request before another one in its folder', async () => {
    const res = await tc.core['collections.move']({
      collectionId: id,
      item: { kind: 'request', id: await rid('Who am I') },
      to: { folder: 'Session', before: await rid('Log out') },
    });
    expect(res.ok).toBe(true);
    expect((await names()).requests).toEqual([
      'Session:Log in',
      'Session:Who am I',
      'Session:Log out',
      'Admin:List',
      ':Health',
    ]);
  });

  it('moves a request into another folder, last there', async () => {
    await tc.core['collections.move']({
      collectionId: id,
      item: { kind: 'request', id: await rid('Health') },
      to: { folder: 'Admin' },
    });
    expect((await names()).requests).toEqual([
      'Session:Log in',
      'Session:Log out',
      'Session:Who am I',
      'Admin:List',
      'Admin:Health',
    ]);
  });

  it('reorders folders, and moves a folder with its subfolders and requests into another', async () => {
    await tc.core['collections.move']({
      collectionId: id,
      item: { kind: 'folder', path: 'Admin' },
      to: { folder: '', before: 'Session' },
    });
    expect((await names()).folders).toEqual(['Admin', 'Admin/Users', 'Session']);
    await tc.core['collections.move']({
      collectionId: id,
      item: { kind: 'folder', path: 'Admin' },
      to: { folder: 'Session' },
    });
    const after = await names();
    expect(after.folders).toEqual(['Session', 'Session/Admin', 'Session/Admin/Users']);
    expect(after.requests).toContain('Session/Admin:List');
  });

  it('refuses a folder into itself and an unknown target, in one line, changing nothing', async () => {
    const before = await names();
    const into = await tc.core['collections.move']({
      collectionId: id,
      item: { kind: 'folder', path: 'Admin' },
      to: { folder: 'Admin/Users' },
    });
    expect(into).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const nowhere = await tc.core['collections.move']({
      collectionId: id,
      item: { kind: 'request', id: await rid('Health') },
      to: { folder: 'Nope' },
    });
    expect(nowhere).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No folder "Nope" in collection "API"' },
    });
    expect(await names()).toEqual(before);
  });
});

describe('saving a request from the editor keeps what the editor does not show', () => {
  it('its extraction rules stay when it is saved again without them', async () => {
    const tc = await startBridgedCore('tandem-save-keeps-');
    try {
      const made = await tc.core['collections.create']({ name: 'API' });
      const id = made.ok ? made.value.id : '';
      // a saved request with rules, as the sample's "Login page" has
      const file = path.join(tc.dataDir, 'collections', `${id}.json`);
      const c = JSON.parse(await fs.readFile(file, 'utf8'));
      c.requests.push({
        id: 'lp',
        name: 'Login page',
        folder: '',
        request: spec('/login'),
        extract: [{ name: 'csrf', source: 'regex', expr: 'value="([^"]+)"' }],
      });
      await fs.writeFile(file, JSON.stringify(c));
      const saved = await tc.core['collections.saveRequest']({
        collectionId: id,
        request: { id: 'lp', name: 'Login page', folder: '', request: spec('/login?x=1') },
      });
      expect(saved.ok && saved.value.extract).toEqual([
        { name: 'csrf', source: 'regex', expr: 'value="([^"]+)"' },
      ]);
      expect(saved.ok && saved.value.request.url).toBe('/login?x=1');
    } finally {
      await tc.close();
    }
  });
});

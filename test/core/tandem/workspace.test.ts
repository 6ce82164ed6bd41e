import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { layout } from '../../../main/core/store/paths';
import { createTandem, type Tandem, VERSION } from '../../../main/core/tandem';
import { sampleWorkspace } from '../../../main/demo/sample';
import { DEFAULT_LIMITS } from '../../../main/shared/limits';
import type { RequestSpec } from '../../../main/shared/types';
import { unwrap } from '../../support/result';
import { tempDir } from '../store/helpers';

let dir: string;
let cleanup: () => Promise<void>;
const open: Tandem[] = [];

async function start(opts: { seedSample?: boolean; demoUrl?: string | null } = {}): Promise<Tandem> {
  const { seedSample, ...rest } = opts;
  const t = await createTandem({
    dataDir: dir,
    host: 'web',
    ...rest,
    seedSample: seedSample ? sampleWorkspace : undefined,
  });
  open.push(t);
  return t;
}

const get = (url: string): RequestSpec => ({ method: 'GET', url, headers: [], body: { type: 'none' } });

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  await cleanup();
});

describe('a workspace on disk', () => {
  it('says where it lives and what it is', async () => {
    const t = await start({ demoUrl: 'http://127.0.0.1:9999' });
    expect(unwrap(await t['workspace.info']({}))).toEqual({
      dataDir: dir,
      version: VERSION,
      demoUrl: 'http://127.0.0.1:9999',
      host: 'web',
      notices: [],
    });
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('first run seeds alice, bob, anonymous and the demo collection, once', async () => {
    const t = await start({ seedSample: true, demoUrl: 'http://127.0.0.1:9999' });
    expect(unwrap(await t['profiles.list']({})).map((p) => p.name)).toEqual(['alice', 'bob', 'anonymous']);
    const alice = unwrap(await t['profiles.list']({})).find((p) => p.name === 'alice')!;
    expect(Object.values(alice.variables)).toContain('http://127.0.0.1:9999');
    const [demo] = unwrap(await t['collections.list']({}));
    expect(demo.requests.length).toBeGreaterThan(0);
    await t.close();
    const second = await start({ seedSample: true });
    unwrap(await second['profiles.delete']({ name: 'bob' }));
    await second.close();
    const again = await start({ seedSample: true });
    expect(unwrap(await again['profiles.list']({})).map((p) => p.name)).toEqual(['alice', 'anonymous']);
    expect(unwrap(await again['collections.list']({}))).toHaveLength(1);
  });

  it('when the demo API comes up on another port, the sample profiles follow it; edited ones do not', async () => {
    const first = await start({ seedSample: true, demoUrl: 'http://127.0.0.1:9999' });
    unwrap(
      await first['profiles.update']({
        name: 'bob',
        patch: { variables: { baseUrl: 'http://staging.example:8080', username: 'bob', password: 'x' } },
      }),
    );
    await first.close();
    const second = await start({ seedSample: true, demoUrl: 'http://127.0.0.1:7777' });
    const byName = Object.fromEntries(unwrap(await second['profiles.list']({})).map((p) => [p.name, p]));
    expect(byName.alice.variables.baseUrl).toBe('http://127.0.0.1:7777');
    expect(byName.anonymous.variables.baseUrl).toBe('http://127.0.0.1:7777');
    expect(byName.bob.variables.baseUrl).toBe('http://staging.example:8080');
  });

  it('everything survives a restart: profiles, cookies, variables, history, collections, settings', async () => {
    const t = await start();
    unwrap(await t['profiles.create']({ name: 'alice' }));
    unwrap(
      await t['profiles.update']({
        name: 'alice',
        patch: { variables: { token: 't1' }, cookieStore: false },
      }),
    );
    unwrap(
      await t['cookies.set']({
        profile: 'alice',
        cookie: { name: 'sid', value: 'a1', domain: 'localhost', httpOnly: true },
      }),
    );
    const failed = await t['request.send']({ profile: 'alice', request: get('http://127.0.0.1:1/nothing') });
    expect(failed.ok).toBe(false);
    const col = unwrap(await t['collections.create']({ name: 'Shop' }));
    const saved = unwrap(
      await t['collections.saveRequest']({
        collectionId: col.id,
        request: { name: 'Cart', folder: 'api/v1', request: get('/cart') },
      }),
    );
    unwrap(await t['collections.duplicateRequest']({ collectionId: col.id, requestId: saved.id }));
    unwrap(await t['settings.update']({ patch: { theme: 'dark', timeoutMs: 5000 } }));
    await t.close();

    const u = await start();
    const alice = unwrap(await u['profiles.list']({})).find((p) => p.name === 'alice')!;
    expect(alice).toMatchObject({ variables: { token: 't1' }, cookieStore: false });
    expect(unwrap(await u['cookies.list']({ profile: 'alice' }))).toMatchObject([
      { name: 'sid', value: 'a1', httpOnly: true },
    ]);
    const history = unwrap(await u['history.list']({}));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ profile: 'alice', url: 'http://127.0.0.1:1/nothing', status: null });
    expect(history[0].error?.code).toBeTruthy();
    const [shop] = unwrap(await u['collections.list']({}));
    expect(shop.folders).toEqual(['api', 'api/v1']);
    expect(shop.requests.map((r) => r.name)).toEqual(['Cart', 'Cart copy']);
    expect(unwrap(await u['settings.get']({}))).toEqual({
      theme: 'dark',
      proxy: null,
      insecure: false,
      timeoutMs: 5000,
      maxRedirects: 10,
      keepFullHistory: false,
      ...DEFAULT_LIMITS,
    });
  });

  it('collections: rename, folders and deletes, with clear errors for what does not exist', async () => {
    const t = await start();
    const col = unwrap(await t['collections.create']({ name: 'Shop' }));
    unwrap(await t['collections.addFolder']({ collectionId: col.id, folder: 'admin/users' }));
    unwrap(
      await t['collections.saveRequest']({
        collectionId: col.id,
        request: { name: 'List', folder: 'admin/users', request: get('/u') },
      }),
    );
    const moved = unwrap(
      await t['collections.renameFolder']({ collectionId: col.id, from: 'admin', to: 'staff' }),
    );
    expect(moved.requests[0].folder).toBe('staff/users');
    expect(unwrap(await t['collections.rename']({ id: col.id, name: 'Store' })).name).toBe('Store');
    const emptied = unwrap(await t['collections.deleteFolder']({ collectionId: col.id, folder: 'staff' }));
    expect(emptied).toMatchObject({ folders: [], requests: [] });
    expect(await t['collections.rename']({ id: 'nope', name: 'x' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: "Unknown collection 'nope'" },
    });
    expect(await t['collections.rename']({ id: '../settings', name: 'x' })).toMatchObject({ ok: false });
    unwrap(await t['collections.delete']({ id: col.id }));
    expect(unwrap(await t['collections.list']({}))).toEqual([]);
  });

  it('settings start from the defaults and refuse a bad proxy', async () => {
    const t = await start();
    expect(unwrap(await t['settings.get']({}))).toEqual({
      theme: 'system',
      proxy: null,
      insecure: false,
      timeoutMs: 30000,
      maxRedirects: 10,
      keepFullHistory: false,
      ...DEFAULT_LIMITS,
    });
    const bad = await t['settings.update']({ patch: { proxy: 'not a url' } });
    expect(!bad.ok && bad.error.code).toBe('INVALID_ARGUMENT');
    expect(unwrap(await t['settings.update']({ patch: { proxy: 'http://127.0.0.1:3128' } })).proxy).toBe(
      'http://127.0.0.1:3128',
    );
  });
});

describe('corrupt files', () => {
  it('a broken profile.json is reported once, kept aside, and alice keeps her cookies', async () => {
    const t = await start();
    unwrap(await t['profiles.create']({ name: 'alice' }));
    unwrap(await t['profiles.create']({ name: 'bob' }));
    unwrap(
      await t['cookies.set']({ profile: 'alice', cookie: { name: 'sid', value: '1', domain: 'localhost' } }),
    );
    await fs.writeFile(layout.profileFile(dir, 'alice'), '{\n  "color": "#fff",\n  oops\n}\n');

    const first = await t['profiles.list']({});
    expect(first.ok).toBe(false);
    if (!first.ok) {
      expect(first.error.code).toBe('STORE_CORRUPT');
      expect(first.error.message).toMatch(
        /^profiles\/alice\/profile\.json is not valid JSON \(line 3\); it was kept as profile\.json\.corrupt-\S+$/,
      );
    }
    const files = await fs.readdir(layout.profileDir(dir, 'alice'));
    const aside = files.find((f) => f.startsWith('profile.json.corrupt-'))!;
    expect(await fs.readFile(`${layout.profileDir(dir, 'alice')}/${aside}`, 'utf8')).toContain('oops');

    expect(unwrap(await t['profiles.list']({})).map((p) => p.name)).toEqual(['alice', 'bob']);
    expect(unwrap(await t['cookies.list']({ profile: 'alice' })).map((c) => c.name)).toEqual(['sid']);
  });

  it('a broken settings.json or collection fails only what needs it', async () => {
    const t = await start();
    const good = unwrap(await t['collections.create']({ name: 'Good' }));
    await fs.writeFile(layout.settings(dir), '{"theme": ');
    await fs.writeFile(layout.collection(dir, 'broken'), '[1, 2');

    const s = await t['settings.get']({});
    expect(!s.ok && s.error).toMatchObject({ code: 'STORE_CORRUPT' });
    expect(!s.ok && s.error.message).toMatch(/^settings\.json is not valid JSON/);
    expect(unwrap(await t['settings.get']({})).theme).toBe('system');

    // The broken collection is set aside and reported; listing the others still works.
    expect(unwrap(await t['collections.list']({})).map((x) => x.id)).toEqual([good.id]);
    expect(unwrap(await t['workspace.info']({})).notices).toEqual([
      expect.stringMatching(
        /^collections\/broken\.json is not valid JSON \(line 1\); it was kept as broken\.json\.corrupt-/,
      ),
    ]);
    expect(unwrap(await t['profiles.list']({})).map((p) => p.name)).toEqual(['default']);
  });

  it('a damaged history line is reported and kept aside; new history goes on', async () => {
    const t = await start();
    unwrap(await t['profiles.create']({ name: 'alice' }));
    await t['request.send']({ profile: 'alice', request: get('http://127.0.0.1:1/') });
    // History is written behind the send; listing it waits for the write.
    expect(unwrap(await t['history.list']({ profile: 'alice' }))).toHaveLength(1);
    await fs.appendFile(layout.history(dir, 'alice'), 'garbage\n');
    await t['request.send']({ profile: 'alice', request: get('http://127.0.0.1:1/') });
    const h = await t['history.list']({ profile: 'alice' });
    expect(!h.ok && h.error.code).toBe('STORE_CORRUPT');
    expect(unwrap(await t['history.list']({ profile: 'alice' }))).toEqual([]);
    await t['request.send']({ profile: 'alice', request: get('http://127.0.0.1:1/again') });
    expect(unwrap(await t['history.list']({})).map((e) => e.url)).toEqual(['http://127.0.0.1:1/again']);
    expect(unwrap(await t['history.clear']({}))).toEqual({ removed: 1 });
  });
});

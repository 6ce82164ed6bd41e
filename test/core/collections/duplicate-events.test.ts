import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { EventMap } from '../../../main/shared/events';
import type { Collection, RequestSpec } from '../../../main/shared/types';
import { unwrap } from '../../support/result';

const get = (url: string): RequestSpec => ({ method: 'GET', url, headers: [], body: { type: 'none' } });

/** Waits (generously) until `pick` finds something in the events seen so far. */
async function until<T>(pick: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = pick();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`never saw ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let dir: string;
const open: Tandem[] = [];
async function start(host: 'web' | 'cli' = 'web'): Promise<Tandem> {
  const t = await createTandem({ dataDir: dir, host });
  open.push(t);
  return t;
}
function record<E extends keyof EventMap>(t: Tandem, event: E): EventMap[E][] {
  const seen: EventMap[E][] = [];
  t.events.on(event, (p) => seen.push(p));
  return seen;
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-coll-dup-'));
});
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function sample(t: Tandem): Promise<Collection> {
  const c = unwrap(await t['collections.create']({ name: 'Shop' }));
  for (const [folder, name] of [
    ['Orders', 'List orders'],
    ['Orders/Admin', 'Refund'],
    ['', 'Health'],
  ] as const)
    unwrap(
      await t['collections.saveRequest']({
        collectionId: c.id,
        request: { name, folder, request: get(`http://127.0.0.1:1/${name}`) },
      }),
    );
  return unwrap(await t['collections.list']({})).find((x) => x.id === c.id) as Collection;
}

describe('duplicating collections and folders in the core', () => {
  it('a collection is copied whole as "<name> copy", then "copy 2", with new request ids', async () => {
    const t = await start();
    const shop = await sample(t);
    const copy = unwrap(await t['collections.duplicate']({ id: shop.id }));
    expect(copy.name).toBe('Shop copy');
    expect(copy.id).not.toBe(shop.id);
    expect(copy.folders).toEqual(shop.folders);
    expect(copy.requests.map((r) => [r.folder, r.name, r.request.url])).toEqual(
      shop.requests.map((r) => [r.folder, r.name, r.request.url]),
    );
    expect(copy.requests.some((r) => shop.requests.some((s) => s.id === r.id))).toBe(false);
    expect(unwrap(await t['collections.duplicate']({ id: shop.id })).name).toBe('Shop copy 2');
    const names = unwrap(await t['collections.list']({})).map((c) => c.name);
    expect(names).toEqual(['Shop', 'Shop copy', 'Shop copy 2']);
  });

  it('a folder is copied beside itself with its subfolders and requests, in one change', async () => {
    const t = await start();
    const shop = await sample(t);
    const changes = record(t, 'collections.changed');
    const after = unwrap(await t['collections.duplicateFolder']({ collectionId: shop.id, folder: 'Orders' }));
    expect(after.folders).toEqual(['Orders', 'Orders/Admin', 'Orders copy', 'Orders copy/Admin']);
    const copied = after.requests.filter((r) => r.folder.startsWith('Orders copy'));
    expect(copied.map((r) => [r.folder, r.name])).toEqual([
      ['Orders copy', 'List orders'],
      ['Orders copy/Admin', 'Refund'],
    ]);
    expect(changes).toEqual([{ id: shop.id }]);
    const again = unwrap(await t['collections.duplicateFolder']({ collectionId: shop.id, folder: 'Orders' }));
    expect(again.folders).toContain('Orders copy 2');
    // The saved file holds the same thing (it was written, not only returned).
    const reread = unwrap(await (await start('cli'))['collections.list']({})).find((c) => c.id === shop.id);
    expect(reread?.folders).toEqual(again.folders);
  });

  it('refuses a folder that is not there, and changes nothing', async () => {
    const t = await start();
    const shop = await sample(t);
    const r = await t['collections.duplicateFolder']({ collectionId: shop.id, folder: 'Nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!r.ok && r.error.message.split('\n')).toHaveLength(1);
    expect(unwrap(await t['collections.list']({})).find((c) => c.id === shop.id)).toEqual(shop);
  });
});

describe('collections.changed and settings.changed', () => {
  it('every change in this core names the collection; a delete says so', async () => {
    const t = await start();
    const changes = record(t, 'collections.changed');
    const c = unwrap(await t['collections.create']({ name: 'A' }));
    unwrap(await t['collections.rename']({ id: c.id, name: 'B' }));
    unwrap(await t['collections.addFolder']({ collectionId: c.id, folder: 'F' }));
    unwrap(await t['collections.delete']({ id: c.id }));
    expect(changes).toEqual([{ id: c.id }, { id: c.id }, { id: c.id }, { id: c.id, deleted: true }]);
  });

  it('a settings update is announced', async () => {
    const t = await start();
    const seen = record(t, 'settings.changed');
    unwrap(await t['settings.update']({ patch: { theme: 'dark' } }));
    expect(seen).toEqual([{}]);
  });

  it('changes another process makes (here: a CLI-host core on the same folder) reach the app core', async () => {
    const app = await start('web');
    const collections = record(app, 'collections.changed');
    const settings = record(app, 'settings.changed');
    const cli = await start('cli');
    const made = unwrap(await cli['collections.create']({ name: 'From the CLI' }));
    await until(() => collections.find((e) => e.id === made.id && !e.deleted), 'the new collection');
    unwrap(await cli['settings.update']({ patch: { timeoutMs: 1234 } }));
    await until(() => settings[0], 'settings.changed');
    expect(unwrap(await app['settings.get']({})).timeoutMs).toBe(1234);
    unwrap(await cli['collections.delete']({ id: made.id }));
    await until(() => collections.find((e) => e.id === made.id && e.deleted), 'the deletion');
  });

  it('the app core does not announce its own change twice', async () => {
    const app = await start('web');
    const seen = record(app, 'collections.changed');
    const c = unwrap(await app['collections.create']({ name: 'Once' }));
    // Give the file watcher time to fire: it must recognise the stamp of this core's own write.
    await new Promise((r) => setTimeout(r, 400));
    expect(seen.filter((e) => e.id === c.id)).toEqual([{ id: c.id }]);
  });
});

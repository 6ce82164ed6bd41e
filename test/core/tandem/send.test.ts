import fs from 'node:fs/promises';
import type http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../main/contract';
import { layout } from '../../../main/core/store/paths';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { RequestSpec } from '../../../main/shared/types';
import { unwrap } from '../../support/result';
import { type LoopbackServer, lineCount, startServer, tempDir } from '../store/helpers';

/** Sending through the facade with the real engine (main/core/http/send.ts) against loopback servers. */

let dir: string;
let cleanup: () => Promise<void>;
let server: LoopbackServer;
const open: Tandem[] = [];
/** Requests the server is holding until the test lets them go. */
const held: Array<{ url: string; release: () => void }> = [];
let heldWaiter: (() => void) | null = null;

async function start(): Promise<Tandem> {
  const t = await createTandem({ dataDir: dir, host: 'cli' });
  open.push(t);
  return t;
}

const get = (url: string): RequestSpec => ({ method: 'GET', url, headers: [], body: { type: 'none' } });

function waitForHeld(): Promise<void> {
  if (held.length) return Promise.resolve();
  return new Promise((resolve) => {
    heldWaiter = resolve;
  });
}

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/login') {
    res.writeHead(302, {
      Location: '/me',
      'Set-Cookie': `session=${url.searchParams.get('user')}; Path=/; HttpOnly`,
    });
    res.end();
  } else if (url.pathname === '/me') {
    res.end(`cookie: ${req.headers.cookie ?? ''}`);
  } else if (url.pathname === '/slow') {
    held.push({
      url: req.url ?? '',
      release: () => {
        res.setHeader('Set-Cookie', 'late=from-server; Path=/');
        res.end('finally');
      },
    });
    heldWaiter?.();
    heldWaiter = null;
  } else if (url.pathname === '/set') {
    res.setHeader('Set-Cookie', `${url.searchParams.get('name')}=1; Path=/`);
    res.end('ok');
  } else res.end('hello');
}

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  server = await startServer(handler);
});
afterEach(async () => {
  for (const h of held.splice(0)) h.release();
  for (const t of open.splice(0)) await t.close();
  await server.close();
  await cleanup();
});

describe('request.send through the facade', () => {
  it('alice logs in and is followed through the redirect; bob does not get her cookie', async () => {
    const t = await start();
    unwrap(await t['profiles.create']({ name: 'alice' }));
    unwrap(await t['profiles.create']({ name: 'bob' }));
    const events: Array<[keyof EventMap, unknown]> = [];
    for (const name of ['cookies.changed', 'history.changed', 'request.progress'] as const)
      t.events.on(name, (p) => events.push([name, p]));

    const login = unwrap(
      await t['request.send']({
        profile: 'alice',
        request: get(`${server.url}/login?user=alice`),
        sendId: 's1',
      }),
    );
    expect(login.status).toBe(200);
    expect(login.hops).toHaveLength(2);
    expect(login.body).toBe('cookie: session=alice');
    expect(events).toEqual([
      ['request.progress', { sendId: 's1', hop: 0, url: `${server.url}/login?user=alice`, status: 302 }],
      ['request.progress', { sendId: 's1', hop: 1, url: `${server.url}/me`, status: 200 }],
      ['history.changed', { profile: 'alice' }],
      ['cookies.changed', { profile: 'alice' }],
    ]);

    const bob = unwrap(await t['request.send']({ profile: 'bob', request: get(`${server.url}/me`) }));
    expect(bob.body).toBe('cookie: ');
    expect(unwrap(await t['cookies.list']({ profile: 'bob' }))).toEqual([]);

    const history = unwrap(await t['history.list']({}));
    expect(history.map((h) => [h.profile, h.status])).toEqual([
      ['bob', 200],
      ['alice', 200],
    ]);
    expect(unwrap(await t['history.list']({ profile: 'alice', limit: 5 }))[0].request.url).toBe(
      `${server.url}/login?user=alice`,
    );
  });

  it('a cookie alice edits while her request is in flight and the one the response sets both survive', async () => {
    const t = await start();
    unwrap(await t['profiles.create']({ name: 'alice' }));
    const sending = t['request.send']({ profile: 'alice', request: get(`${server.url}/slow`) });
    await waitForHeld();
    unwrap(
      await t['cookies.set']({
        profile: 'alice',
        cookie: { name: 'edited', value: 'by-hand', domain: '127.0.0.1' },
      }),
    );
    held.shift()?.release();
    expect(unwrap(await sending).body).toBe('finally');

    const names = (ts: Tandem) =>
      ts['cookies.list']({ profile: 'alice' }).then((r) => unwrap(r).map((c) => c.name));
    expect(await names(t)).toEqual(['edited', 'late']);
    await t.close();
    expect(await names(await start())).toEqual(['edited', 'late']);
  });

  it('cancelling by sendId stops the request and history says so', async () => {
    const t = await start();
    const sending = t['request.send']({
      profile: 'default',
      request: get(`${server.url}/slow`),
      sendId: 'abc',
    });
    await waitForHeld();
    expect(unwrap(await t['request.cancel']({ sendId: 'abc' }))).toEqual({ cancelled: true });
    const r = await sending;
    expect(!r.ok && r.error.code).toBe('CANCELLED');
    expect(unwrap(await t['request.cancel']({ sendId: 'abc' }))).toEqual({ cancelled: false });
    const [entry] = unwrap(await t['history.list']({ profile: 'default' }));
    expect(entry.error?.code).toBe('CANCELLED');
    expect(entry.status).toBeNull();
  });

  it('a cancel that overtakes its send (two calls racing over IPC or HTTP) still cancels it', async () => {
    const t = await start();
    expect(unwrap(await t['request.cancel']({ sendId: 'early' }))).toEqual({ cancelled: false });
    const r = await t['request.send']({
      profile: 'default',
      request: get(`${server.url}/slow`),
      sendId: 'early',
    });
    expect(!r.ok && r.error.code).toBe('CANCELLED');
  });

  it('closing with a request in flight cancels it and still records it', async () => {
    const t = await start();
    const sending = t['request.send']({ profile: 'default', request: get(`${server.url}/slow`) });
    await waitForHeld();
    await t.close();
    const r = await sending;
    expect(!r.ok && r.error.code).toBe('CANCELLED');
    const [entry] = unwrap(await (await start())['history.list']({}));
    expect(entry).toMatchObject({ profile: 'default', status: null, error: { code: 'CANCELLED' } });
  });

  it('after a response, a 10k-cookie jar grows its journal by the one cookie that changed', async () => {
    const t = await start();
    unwrap(await t['profiles.create']({ name: 'alice' }));
    // 10,000 cookies is past the browser-like cap of 3,000 per profile: raise it, as the bench does.
    unwrap(await t['settings.update']({ patch: { maxCookies: 20_000 } }));
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      name: `c${i}`,
      value: String(i),
      domain: `d${i % 1000}.test`,
    }));
    unwrap(await t['cookies.import']({ profile: 'alice', format: 'json', text: JSON.stringify(many) }));
    const file = layout.journal(dir, 'alice');
    expect(await lineCount(file)).toBe(10_000);
    const before = await fs.stat(file);

    unwrap(await t['request.send']({ profile: 'alice', request: get(`${server.url}/set?name=fresh`) }));
    // The journal is written behind the send; close() waits for what is still queued.
    await t.close();
    expect(await lineCount(file)).toBe(10_001);
    const after = await fs.stat(file);
    expect(after.ino).toBe(before.ino);
    const tail = (await fs.readFile(file, 'utf8')).slice(before.size);
    expect(JSON.parse(tail)).toMatchObject({ op: 'set', cookie: { key: 'fresh', value: '1' } });
  });

  it('sends written behind: history lists every send at once, and close() leaves it all on disk', async () => {
    const t = await start();
    unwrap(await t['profiles.create']({ name: 'alice' }));
    for (let i = 0; i < 20; i++)
      unwrap(await t['request.send']({ profile: 'alice', request: get(`${server.url}/set?name=c${i}`) }));
    expect(unwrap(await t['history.list']({ profile: 'alice' }))).toHaveLength(20);
    await t.close();
    expect(await lineCount(layout.journal(dir, 'alice'))).toBe(20);
    expect(await lineCount(layout.history(dir, 'alice'))).toBe(20);
    const again = await start();
    expect(unwrap(await again['cookies.list']({ profile: 'alice' }))).toHaveLength(20);
    expect(unwrap(await again['history.list']({ profile: 'alice' }))).toHaveLength(20);
  });

  it('the app and the CLI on one workspace see each other’s cookies before every send', async () => {
    const app = await start();
    const cli = await start();
    unwrap(await app['profiles.create']({ name: 'alice' }));
    unwrap(await app['cookies.list']({ profile: 'alice' }));
    unwrap(await cli['request.send']({ profile: 'alice', request: get(`${server.url}/login?user=cli`) }));
    const seen = unwrap(await app['request.send']({ profile: 'alice', request: get(`${server.url}/me`) }));
    expect(seen.body).toBe('cookie: session=cli');
    unwrap(
      await app['cookies.set']({
        profile: 'alice',
        cookie: { name: 'app', value: '1', domain: '127.0.0.1' },
      }),
    );
    const back = unwrap(await cli['request.send']({ profile: 'alice', request: get(`${server.url}/me`) }));
    expect(back.body.split('; ').sort()).toEqual(['app=1', 'cookie: session=cli'].sort());
  });
});

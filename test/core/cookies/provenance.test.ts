import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { JarCookie } from '../../../main/shared/cookieInfo';
import type { RequestSpec } from '../../../main/shared/types';
import { unwrap } from '../../support/result';
import { type LoopbackServer, startServer, tempDir } from '../store/helpers';

const get = (url: string): RequestSpec => ({ method: 'GET', url, headers: [], body: { type: 'none' } });

let dir: string;
let cleanup: () => Promise<void>;
let server: LoopbackServer;
let tandem: Tandem;
let n = 0;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  // /login redirects to /home, which sets the session (hop 1); each call sets a new value.
  server = await startServer((req, res) => {
    if (req.url === '/login') {
      res.writeHead(302, { location: '/home', 'set-cookie': 'visited=1; Path=/' });
      res.end();
      return;
    }
    n++;
    res.writeHead(200, { 'set-cookie': `session=s${n}; Path=/; HttpOnly` });
    res.end('ok');
  });
  tandem = await createTandem({ dataDir: dir, host: 'web' });
  unwrap(await tandem['profiles.create']({ name: 'alice' }));
});

afterEach(async () => {
  await tandem.close();
  await server.close();
  await cleanup();
});

const byName = (list: JarCookie[], name: string) => list.find((c) => c.name === name) as JarCookie;

describe('cookie provenance', () => {
  it('records the send (history id) and hop that set each cookie, and its last values; survives a restart', async () => {
    const first = unwrap(
      await tandem['request.send']({ profile: 'alice', request: get(`${server.url}/login`) }),
    );
    let list = unwrap(await tandem['cookies.list']({ profile: 'alice' }));
    expect(byName(list, 'visited').source).toMatchObject({ kind: 'request', request: first.id, hop: 0 });
    expect(byName(list, 'session').source).toMatchObject({
      kind: 'request',
      request: first.id,
      hop: 1,
      url: `${server.url}/home`,
    });
    // The id is the history entry's.
    const history = unwrap(await tandem['history.list']({ profile: 'alice' }));
    expect(history.some((h) => h.id === first.id)).toBe(true);

    const second = unwrap(
      await tandem['request.send']({ profile: 'alice', request: get(`${server.url}/home`) }),
    );
    list = unwrap(await tandem['cookies.list']({ profile: 'alice' }));
    const session = byName(list, 'session');
    expect(session.source).toMatchObject({ kind: 'request', request: second.id, hop: 0 });
    expect(session.values.map((v) => v.value)).toEqual([`s${n}`, `s${n - 1}`]);
    // Lint rides along: a session without Secure.
    expect(session.warnings.map((w) => w.code)).toEqual(['session-secure']);

    unwrap(
      await tandem['cookies.set']({
        profile: 'alice',
        cookie: { name: 'session', value: 'typed', domain: '127.0.0.1', path: '/' },
      }),
    );
    await tandem.close();
    tandem = await createTandem({ dataDir: dir, host: 'web' });
    list = unwrap(await tandem['cookies.list']({ profile: 'alice' }));
    const again = byName(list, 'session');
    expect(again.source.kind).toBe('edit');
    expect(again.values.map((v) => [v.value, v.kind])).toEqual([
      ['typed', 'edit'],
      [`s${n}`, 'request'],
      [`s${n - 1}`, 'request'],
    ]);
  });

  it('imports say import; journals written before sources were recorded read as unknown', async () => {
    unwrap(
      await tandem['cookies.import']({
        profile: 'alice',
        format: 'json',
        text: JSON.stringify([{ name: 'theme', value: 'dark', domain: 'example.com', path: '/' }]),
      }),
    );
    let list = unwrap(await tandem['cookies.list']({ profile: 'alice' }));
    expect(byName(list, 'theme').source.kind).toBe('import');

    await tandem.close();
    const journal = path.join(dir, 'profiles', 'alice', 'cookies.jsonl');
    const old = {
      op: 'set',
      cookie: {
        key: 'legacy',
        value: 'v1',
        domain: 'example.com',
        path: '/',
        creation: '2025-01-02T03:04:05.000Z',
      },
    };
    await fs.appendFile(journal, `${JSON.stringify(old)}\n`);
    tandem = await createTandem({ dataDir: dir, host: 'web' });
    list = unwrap(await tandem['cookies.list']({ profile: 'alice' }));
    expect(byName(list, 'legacy').source).toEqual({ kind: 'unknown', at: '2025-01-02T03:04:05.000Z' });
    expect(byName(list, 'legacy').values).toEqual([
      { value: 'v1', at: '2025-01-02T03:04:05.000Z', kind: 'unknown' },
    ]);
    expect(byName(list, 'theme').source.kind).toBe('import');
  });
});

describe('compaction keeps provenance', () => {
  it('a compacted line carries the source and the last values', async () => {
    const { ProfileJar } = await import('../../../main/core/cookies/jar');
    const jar = new ProfileJar();
    jar.origin = { kind: 'request', request: 'h-1', hop: 2, url: 'http://a.test/x' };
    jar.storeSetCookie('sid=one; Path=/', 'http://a.test/x');
    jar.storeSetCookie('sid=two; Path=/', 'http://a.test/x');
    const copy = new ProfileJar();
    for (const c of jar.all()) copy.apply(JSON.parse(JSON.stringify(jar.lineOf(c))));
    const p = copy.provenanceOf({ domain: 'a.test', path: '/', name: 'sid' });
    expect(p.source).toMatchObject({ kind: 'request', request: 'h-1', hop: 2 });
    expect(p.values.map((v) => v.value)).toEqual(['two', 'one']);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { RequestSpec, Result } from '../../../main/shared/types';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';

/**
 * Cookies through the real core and a real server: UTF-8 values (issue 13) come in, show and go
 * out as the same text and bytes; size limits (issue 9 item 6) drop a cookie over 4096 bytes as
 * "too large" on Set-Cookie, manual set and import, and cap cookies per site and in total.
 */
const TEXT = 'こんにちは世界🍣';
const received: Buffer[] = [];

let server: LoopbackServer;
let dataDir: string;
let core: Tandem;

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const get = (url: string): RequestSpec => ({ method: 'GET', url, headers: [], body: { type: 'none' } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    // Header values reach node:http as latin1 strings: the raw bytes, one char each.
    if (req.headers.cookie !== undefined) received.push(Buffer.from(req.headers.cookie, 'latin1'));
    if (u.pathname === '/utf8') {
      const bytes = Buffer.from(`greeting=${TEXT}; Path=/`, 'utf8');
      res.setHeader('set-cookie', bytes.toString('latin1'));
    } else if (u.pathname === '/set') {
      res.setHeader('set-cookie', u.searchParams.getAll('c'));
    } else if (u.pathname === '/big') {
      res.setHeader('set-cookie', [`big=${'x'.repeat(Number(u.searchParams.get('n')))}; Path=/`]);
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-cookie-text-'));
  core = await createTandem({ dataDir, host: 'web' });
  for (const name of ['alice', 'bob', 'carol', 'dave']) value(await core['profiles.create']({ name }));
});

afterAll(async () => {
  await core.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('UTF-8 cookie values', () => {
  it('a value set by the server is the same text in the jar, JSON and exports, and the same bytes on the wire', async () => {
    const res = value(await core['request.send']({ profile: 'alice', request: get(`${server.url}/utf8`) }));
    expect(res.cookiesSet.map((c) => [c.outcome, c.cookie?.value])).toEqual([['stored', TEXT]]);
    const jar = value(await core['cookies.list']({ profile: 'alice' }));
    expect(jar.map((c) => [c.name, c.value])).toEqual([['greeting', TEXT]]);

    received.length = 0;
    const again = value(await core['request.send']({ profile: 'alice', request: get(`${server.url}/echo`) }));
    expect(received).toEqual([Buffer.from(`greeting=${TEXT}`, 'utf8')]);
    expect(again.cookiesSent).toEqual([{ name: 'greeting', value: TEXT, source: 'jar' }]);

    const json = value(await core['cookies.export']({ profile: 'alice', format: 'json' })).text;
    expect(JSON.parse(json)[0].value).toBe(TEXT);
    const txt = value(await core['cookies.export']({ profile: 'alice', format: 'netscape' })).text;
    expect(txt).toContain(`\tgreeting\t${TEXT}`);

    // The export imports back as the same text, and goes out as the same bytes.
    value(await core['cookies.import']({ profile: 'bob', format: 'netscape', text: txt }));
    expect(value(await core['cookies.list']({ profile: 'bob' }))[0].value).toBe(TEXT);
    received.length = 0;
    value(await core['request.send']({ profile: 'bob', request: get(`${server.url}/echo`) }));
    expect(received).toEqual([Buffer.from(`greeting=${TEXT}`, 'utf8')]);
  });
});

describe('cookie size limits', () => {
  it('a Set-Cookie over 4096 bytes is rejected as too large; one under it is stored', async () => {
    const res = value(
      await core['request.send']({ profile: 'carol', request: get(`${server.url}/big?n=5000`) }),
    );
    expect(res.cookiesSet[0].outcome).toBe('rejected');
    expect(res.cookiesSet[0].reason).toBe(
      'too large: name and value are 5003 bytes, over the limit of 4096 (setting maxCookieBytes)',
    );
    expect(value(await core['cookies.list']({ profile: 'carol' }))).toEqual([]);
    const ok = value(
      await core['request.send']({ profile: 'carol', request: get(`${server.url}/big?n=4093`) }),
    );
    expect(ok.cookiesSet[0].outcome).toBe('stored');
    value(await core['cookies.clear']({ profile: 'carol' }));
  });

  it('manual set and import refuse a cookie that is too large, naming it', async () => {
    const big = { name: 'big', value: 'y'.repeat(5000), domain: 'app.test', path: '/' };
    const set = await core['cookies.set']({ profile: 'carol', cookie: big });
    expect(set.ok ? null : set.error).toEqual({
      code: 'INVALID_COOKIE',
      message:
        'Cookie "big" is too large: name and value are 5003 bytes, over the limit of 4096 (setting maxCookieBytes)',
    });
    const file = `app.test\tFALSE\t/\tFALSE\t0\tsmall\t1\napp.test\tFALSE\t/\tFALSE\t0\tbig\t${'y'.repeat(5000)}\n`;
    const all = await core['cookies.import']({ profile: 'carol', format: 'netscape', text: file });
    expect(all.ok ? null : all.error.message).toBe(
      'cookies.txt line 2: cookie "big" is too large: name and value are 5003 bytes, over the limit of 4096 (setting maxCookieBytes)',
    );
    const some = value(
      await core['cookies.import']({ profile: 'carol', format: 'netscape', text: file, skipInvalid: true }),
    );
    expect(some.imported).toBe(1);
    expect(some.rejected.map((r) => [r.line, r.reason])).toEqual([
      [
        2,
        'cookie "big" is too large: name and value are 5003 bytes, over the limit of 4096 (setting maxCookieBytes)',
      ],
    ]);
    const json = JSON.stringify([big]);
    const fromJson = await core['cookies.import']({ profile: 'carol', format: 'json', text: json });
    expect(fromJson.ok ? null : fromJson.error.message).toMatch(
      /^cookies\.json item 1: cookie "big" is too large/,
    );
  });

  it('the limit is a setting', async () => {
    value(await core['settings.update']({ patch: { maxCookieBytes: 8192 } }));
    const res = value(
      await core['request.send']({ profile: 'carol', request: get(`${server.url}/big?n=5000`) }),
    );
    expect(res.cookiesSet[0].outcome).toBe('stored');
    value(await core['settings.update']({ patch: { maxCookieBytes: 4096 } }));
  });

  it('past the per-site cap the least recently used cookie of that site goes', async () => {
    value(await core['settings.update']({ patch: { maxCookiesPerDomain: 4, maxCookies: 6 } }));
    const base = server.url;
    for (let i = 0; i < 4; i++) {
      value(
        await core['request.send']({
          profile: 'dave',
          request: get(`${base}/set?c=c${i}%3D1%3B%20Path%3D%2Fp${i}`),
        }),
      );
      await sleep(5);
    }
    // Using c0 makes c1 the least recently used.
    value(await core['request.send']({ profile: 'dave', request: get(`${base}/p0`) }));
    await sleep(5);
    value(
      await core['request.send']({ profile: 'dave', request: get(`${base}/set?c=c4%3D1%3B%20Path%3D%2Fp4`) }),
    );
    const names = value(await core['cookies.list']({ profile: 'dave' }))
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(['c0', 'c2', 'c3', 'c4']);
  });

  it('past the total cap the least recently used cookie of any site goes; manual set counts too', async () => {
    const domains = ['one.test', 'two.test', 'three.test'];
    for (const [i, domain] of domains.entries()) {
      value(
        await core['cookies.set']({
          profile: 'dave',
          cookie: { name: `m${i}`, value: '1', domain, path: '/' },
        }),
      );
      await sleep(5);
    }
    // dave had 4 (127.0.0.1) + 3 = 7 > 6: the oldest used, c2, went.
    const names = value(await core['cookies.list']({ profile: 'dave' }))
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(['c0', 'c3', 'c4', 'm0', 'm1', 'm2']);
    value(await core['settings.update']({ patch: { maxCookiesPerDomain: 180, maxCookies: 3000 } }));
  });
});

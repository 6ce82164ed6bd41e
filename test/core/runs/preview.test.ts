import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { unwrap } from '../../support/result';

/** The will-send preview on a real workspace: every jar cookie sent or skipped with its reason. */

async function hashTree(dir: string): Promise<string> {
  const h = createHash('sha256');
  const walk = async (d: string) => {
    for (const e of (await fs.readdir(d, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(d, e.name);
      h.update(full);
      if (e.isDirectory()) await walk(full);
      else h.update(await fs.readFile(full));
    }
  };
  await walk(dir);
  return h.digest('hex');
}

describe('request.preview', { timeout: 30_000 }, () => {
  let dataDir: string;
  let core: Tandem;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-preview-'));
    core = await createTandem({ dataDir, host: 'cli' });
    unwrap(await core['profiles.create']({ name: 'p' }));
    unwrap(await core['profiles.update']({ name: 'p', patch: { variables: { host: 'shop.example' } } }));
    const set = (cookie: Record<string, unknown>) =>
      core['cookies.set']({ profile: 'p', cookie: { domain: 'shop.example', ...cookie } as never }).then(
        unwrap,
      );
    await set({ name: 'a', value: '1' });
    await set({ name: 'b', value: '2', path: '/admin' });
    await set({ name: 'c', value: '3', domain: 'other.example' });
    await set({ name: 'd', value: '4', secure: true });
    await set({ name: 'f', value: 'jar' });
    await set({ name: 'w', value: '5', domain: '.example.org' });
    await set({ name: 'e', value: '6', expires: new Date(Date.now() + 1500).toISOString() });
    await new Promise((r) => setTimeout(r, 1700));
  });
  afterAll(async () => {
    await core.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('path, domain, Secure over http, expired and overridden cookies are skipped with their reason', async () => {
    const before = await hashTree(dataDir);
    const p = unwrap(
      await core['request.preview']({
        profile: 'p',
        request: {
          method: 'get',
          url: 'http://{{host}}/shop/cart',
          headers: [{ name: 'Cookie', value: 'g=typed; f=typed' }],
          body: { type: 'none' },
          cookies: [{ name: 'f', value: 'mine' }],
        },
      }),
    );
    expect(p.request.method).toBe('GET');
    expect(p.request.url).toBe('http://shop.example/shop/cart');
    const cookieHeaders = p.request.headers.filter(([n]) => n.toLowerCase() === 'cookie');
    expect(cookieHeaders).toEqual([['cookie', 'a=1; g=typed; f=mine']]);
    expect(p.cookies.send).toEqual([
      { name: 'a', value: '1', domain: 'shop.example', path: '/', source: 'jar' },
      { name: 'g', value: 'typed', domain: 'shop.example', path: '/', source: 'header' },
      { name: 'f', value: 'mine', domain: 'shop.example', path: '/', source: 'request' },
    ]);
    const reasons = Object.fromEntries(
      p.cookies.skip.map((s) => [`${s.name}@${s.domain}${s.path}`, s.reason]),
    );
    expect(reasons).toEqual({
      'f@shop.example/': 'overridden',
      'b@shop.example/admin': 'path',
      'c@other.example/': 'domain',
      'd@shop.example/': 'secure',
      'e@shop.example/': 'expired',
      'w@example.org/': 'domain',
    });
    // Nothing was sent, nothing written: the expired cookie is still in the jar file.
    expect(await hashTree(dataDir)).toBe(before);
  });

  it('https sends the Secure cookie; a typed cookie overrides a jar cookie of the same name', async () => {
    const p = unwrap(
      await core['request.preview']({
        profile: 'p',
        request: {
          method: 'GET',
          url: 'https://shop.example/',
          headers: [{ name: 'Cookie', value: 'a=typed' }],
          body: { type: 'none' },
        },
      }),
    );
    expect(p.cookies.send.map((c) => `${c.name}=${c.value}:${c.source}`)).toEqual([
      'd=4:jar',
      'f=jar:jar',
      'a=typed:header',
    ]);
    expect(p.cookies.skip.find((s) => s.name === 'a')).toEqual({
      name: 'a',
      domain: 'shop.example',
      path: '/',
      reason: 'overridden',
    });
  });
});

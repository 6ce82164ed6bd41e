import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendPreview } from '../../main/shared/sessions';
import { assertBuilt, parseJson, snapshot, tandem, tempWorkspace } from './helpers';

/** `tandem send --dry-run [--json]` as a real process: sends nothing, writes nothing, says why each cookie goes or not. */

describe('tandem send --dry-run', { timeout: 60_000 }, () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  const run = (...args: string[]) => tandem(ws.dataDir, args, { cwd: ws.root });

  beforeAll(async () => {
    assertBuilt();
    ws = await tempWorkspace();
    expect((await run('profiles', 'create', 'p')).code).toBe(0);
    const set = async (...args: string[]) => {
      const r = await run('cookies', 'set', ...args, '--profile', 'p');
      expect(r.code, r.stderr).toBe(0);
    };
    await set('a=1', '--domain', 'shop.example');
    await set('b=2', '--domain', 'shop.example', '--path', '/admin');
    await set('c=3', '--domain', 'other.example');
    await set('d=4', '--domain', 'shop.example', '--secure');
    await set('f=jar', '--domain', 'shop.example');
    await set('e=5', '--domain', 'shop.example', '--expires', new Date(Date.now() + 1500).toISOString());
    await new Promise((r) => setTimeout(r, 1700));
  });
  afterAll(async () => {
    await ws?.remove();
  });

  it('--json prints the issue’s shape: path, domain, Secure, expired and override cases; nothing written', async () => {
    const before = await snapshot(ws.dataDir);
    const r = await run(
      'send',
      '--dry-run',
      '--json',
      '--profile',
      'p',
      '-H',
      'X-Trace: 1',
      '--cookie',
      'f=mine',
      'http://shop.example/shop/cart?x=1',
    );
    expect(r.code, r.stderr).toBe(0);
    const p = parseJson<SendPreview>(r);
    expect(Object.keys(p)).toEqual(['request', 'cookies']);
    expect(Object.keys(p.request)).toEqual(['method', 'url', 'headers']);
    expect(p.request).toMatchObject({ method: 'GET', url: 'http://shop.example/shop/cart?x=1' });
    expect(p.request.headers.filter(([n]) => n.toLowerCase() === 'cookie')).toEqual([
      ['cookie', 'a=1; f=mine'],
    ]);
    expect(p.request.headers).toContainEqual(['X-Trace', '1']);
    expect(p.cookies.send).toEqual([
      { name: 'a', value: '1', domain: 'shop.example', path: '/', source: 'jar' },
      { name: 'f', value: 'mine', domain: 'shop.example', path: '/', source: 'request' },
    ]);
    expect(new Map(p.cookies.skip.map((s) => [s.name, s.reason]))).toEqual(
      new Map([
        ['f', 'overridden'],
        ['b', 'path'],
        ['c', 'domain'],
        ['d', 'secure'],
        ['e', 'expired'],
      ]),
    );
    expect(await snapshot(ws.dataDir)).toBe(before);
  });

  it('text: the request as it would go, then send/skip lines with reasons; bad input exits 2', async () => {
    const r = await run('send', '--dry-run', '--profile', 'p', 'https://shop.example/admin/x');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('GET https://shop.example/admin/x');
    expect(r.stdout).toMatch(/^cookie: b=2; a=1; d=4; f=jar$/m);
    expect(r.stdout).toMatch(/^skip {2}c {2}\(other\.example\/\): domain, /m);
    expect(r.stdout).toContain('(dry run: nothing was sent)');
    const bad = await run('send', '--dry-run', '--profile', 'p', 'http://{{nope}}/');
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

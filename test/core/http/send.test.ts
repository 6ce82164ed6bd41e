import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { send } from '../../../main/core/http/send';
import type { RequestSpec } from '../../../main/shared/types';
import packageJson from '../../../package.json';
import { contextFor, cookieApp, failure, get, serverPerFile } from './servers';

const fx = serverPerFile('tandem-send-', (req, res, body) => {
  const u = new URL(req.url ?? '/', 'http://x');
  const payload = Buffer.from(JSON.stringify({ compressed: u.pathname.slice(1) }));
  if (u.pathname === '/gzip') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    return res.end(zlib.gzipSync(payload));
  }
  if (u.pathname === '/br') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
    return res.end(zlib.brotliCompressSync(payload));
  }
  if (u.pathname === '/png') {
    res.writeHead(200, { 'content-type': 'image/png' });
    return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]));
  }
  if (u.pathname === '/teapot') {
    res.writeHead(418, "I'm a teapot", [
      ['X-Multi', 'one'],
      ['Content-Type', 'text/plain'],
      ['X-Multi', 'two'],
    ]);
    return res.end('short and stout');
  }
  cookieApp(req, res, body);
});

describe('send: requests as they go out', () => {
  it('alice sends any method with query params, repeated headers in order and default headers', async () => {
    const ctx = contextFor('alice', { variables: { base: fx.app.url, q: 'a b' } });
    const res = await send(
      get('{{base}}/echo?x={{ q }}&y=2', {
        method: 'propfind',
        headers: [
          { name: 'X-Trace', value: '1' },
          { name: 'X-Off', value: 'no', enabled: false },
          { name: 'x-trace', value: '2' },
        ],
      }),
      ctx,
    );
    expect(res.status).toBe(200);
    const seen = fx.app.seen.at(-1)!;
    expect(seen.method).toBe('PROPFIND');
    expect(seen.url).toBe('/echo?x=a%20b&y=2');
    const traces = seen.headers.filter(([n]) => n.toLowerCase() === 'x-trace').map(([, v]) => v);
    expect(traces).toEqual(['1', '2']);
    expect(seen.headers.find(([n]) => n === 'x-off')).toBeUndefined();
    expect(seen.headers).toContainEqual(['user-agent', `Tandem/${packageJson.version}`]);
    expect(res.request.method).toBe('PROPFIND');
    expect(res.request.url).toBe(`${fx.app.url}/echo?x=a%20b&y=2`);
    expect(res.request.headers).toContainEqual(['X-Trace', '1']);
    expect(res.profile).toBe('alice');
    expect(res.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.hops).toHaveLength(1);
    expect(res.timings.total).toBeGreaterThanOrEqual(res.timings.ttfb);
  });

  it('profile headers go first and a request header with the same name replaces them', async () => {
    const ctx = contextFor('bob', {
      headers: [
        { name: 'X-Tenant', value: 'acme' },
        { name: 'X-Team', value: 'blue' },
        { name: 'X-Gone', value: 'x', enabled: false },
      ],
    });
    await send(get(`${fx.app.url}/echo`, { headers: [{ name: 'x-team', value: 'red' }] }), ctx);
    const h = fx.app.seen.at(-1)!.headers;
    expect(h).toContainEqual(['X-Tenant', 'acme']);
    expect(h).toContainEqual(['x-team', 'red']);
    expect(h.some(([n, v]) => n.toLowerCase() === 'x-team' && v === 'blue')).toBe(false);
    expect(h.some(([n]) => n === 'X-Gone')).toBe(false);
  });

  it('a user-agent and accept-encoding the user set win over the defaults', async () => {
    await send(
      get(`${fx.app.url}/echo`, {
        headers: [
          { name: 'User-Agent', value: 'curl/8' },
          { name: 'Accept-Encoding', value: 'identity' },
        ],
      }),
      contextFor('alice'),
    );
    const h = fx.app.seen.at(-1)!.headers.map(([n, v]) => `${n.toLowerCase()}: ${v}`);
    expect(h).toContain('user-agent: curl/8');
    expect(h).toContain('accept-encoding: identity');
    expect(h.filter((l) => l.startsWith('user-agent:'))).toEqual(['user-agent: curl/8']);
  });

  it('basic and bearer auth become Authorization; an explicit Authorization header wins', async () => {
    const ctx = contextFor('alice', { variables: { pw: 's3cret', tok: 't0k' } });
    await send(
      get(`${fx.app.url}/echo`, { auth: { type: 'basic', username: 'alice', password: '{{pw}}' } }),
      ctx,
    );
    expect(fx.app.seen.at(-1)!.headers).toContainEqual([
      'Authorization',
      `Basic ${Buffer.from('alice:s3cret').toString('base64')}`,
    ]);
    await send(get(`${fx.app.url}/echo`, { auth: { type: 'bearer', token: '{{tok}}' } }), ctx);
    expect(fx.app.seen.at(-1)!.headers).toContainEqual(['Authorization', 'Bearer t0k']);
    await send(
      get(`${fx.app.url}/echo`, {
        auth: { type: 'bearer', token: 'helper' },
        headers: [{ name: 'authorization', value: 'Token typed' }],
      }),
      ctx,
    );
    const auths = fx.app.seen.at(-1)!.headers.filter(([n]) => n.toLowerCase() === 'authorization');
    expect(auths).toEqual([['authorization', 'Token typed']]);
  });

  it('credentials in the URL become basic auth and leave the URL', async () => {
    const res = await send(get(`http://bob:p%40ss@127.0.0.1:${fx.app.port}/echo`), contextFor('bob'));
    expect(fx.app.seen.at(-1)!.headers).toContainEqual([
      'Authorization',
      `Basic ${Buffer.from('bob:p@ss').toString('base64')}`,
    ]);
    expect(res.request.url).toBe(`http://127.0.0.1:${fx.app.port}/echo`);
  });

  it('text, json and form bodies carry their content types; disabled form fields stay home', async () => {
    const ctx = contextFor('alice', { variables: { name: 'Al' } });
    await send(
      get(`${fx.app.url}/echo`, { method: 'POST', body: { type: 'text', text: 'hi {{name}}' } }),
      ctx,
    );
    let seen = fx.app.seen.at(-1)!;
    expect(seen.body.toString()).toBe('hi Al');
    expect(seen.headers).toContainEqual(['content-type', 'text/plain;charset=utf-8']);

    await send(
      get(`${fx.app.url}/echo`, { method: 'POST', body: { type: 'json', text: '{"n":"{{name}}"}' } }),
      ctx,
    );
    seen = fx.app.seen.at(-1)!;
    expect(JSON.parse(seen.body.toString())).toEqual({ n: 'Al' });
    expect(seen.headers).toContainEqual(['content-type', 'application/json']);

    await send(
      get(`${fx.app.url}/echo`, {
        method: 'PUT',
        headers: [{ name: 'Content-Type', value: 'application/vnd.custom+json' }],
        body: { type: 'json', text: '[1]' },
      }),
      ctx,
    );
    seen = fx.app.seen.at(-1)!;
    expect(seen.headers.filter(([n]) => n.toLowerCase() === 'content-type')).toEqual([
      ['Content-Type', 'application/vnd.custom+json'],
    ]);

    await send(
      get(`${fx.app.url}/echo`, {
        method: 'POST',
        body: {
          type: 'form',
          fields: [
            { name: 'user', value: '{{name}}' },
            { name: 'skip', value: '1', enabled: false },
            { name: 'q', value: 'a&b=c' },
          ],
        },
      }),
      ctx,
    );
    seen = fx.app.seen.at(-1)!;
    expect(seen.body.toString()).toBe('user=Al&q=a%26b%3Dc');
    expect(seen.headers).toContainEqual(['content-type', 'application/x-www-form-urlencoded']);
  });

  it('multipart sends fields and a real file from disk', async () => {
    const file = path.join(fx.dir, 'avatar.png');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);
    await writeFile(file, bytes);
    await send(
      get(`${fx.app.url}/echo`, {
        method: 'POST',
        body: {
          type: 'multipart',
          parts: [
            { kind: 'field', name: 'title', value: 'Me "quoted"' },
            { kind: 'file', name: 'avatar', path: file },
            { kind: 'field', name: 'off', value: 'x', enabled: false },
          ],
        },
      }),
      contextFor('alice'),
    );
    const seen = fx.app.seen.at(-1)!;
    const ct = seen.headers.find(([n]) => n === 'content-type')![1];
    const boundary = /boundary=(.+)$/.exec(ct)![1];
    const form = await new Response(new Uint8Array(seen.body), {
      headers: { 'content-type': ct },
    }).formData();
    expect(form.get('title')).toBe('Me "quoted"');
    const avatar = form.get('avatar') as File;
    expect(avatar.name).toBe('avatar.png');
    expect(avatar.type).toBe('image/png');
    expect(Buffer.from(await avatar.arrayBuffer())).toEqual(bytes);
    expect(form.has('off')).toBe(false);
    expect(seen.body.toString('latin1')).toContain(`--${boundary}--`);
    expect(Number(seen.headers.find(([n]) => n === 'content-length')![1])).toBe(seen.body.length);
  });

  it('a raw file body streams from disk; a missing file is INVALID_FILE naming the path', async () => {
    const file = path.join(fx.dir, 'data.csv');
    await writeFile(file, 'a,b\n1,2\n');
    await send(
      get(`${fx.app.url}/echo`, { method: 'POST', body: { type: 'file', path: file } }),
      contextFor('alice'),
    );
    const seen = fx.app.seen.at(-1)!;
    expect(seen.body.toString()).toBe('a,b\n1,2\n');
    expect(seen.headers).toContainEqual(['content-type', 'text/csv']);
    const gone = path.join(fx.dir, 'gone.png');
    const multipart = await failure(
      send(
        get(`${fx.app.url}/echo`, {
          method: 'POST',
          body: { type: 'multipart', parts: [{ kind: 'file', name: 'f', path: gone }] },
        }),
        contextFor('alice'),
      ),
    );
    expect(multipart.toError()).toEqual({ code: 'INVALID_FILE', message: `File not found: ${gone}` });
    const missing = path.join(fx.dir, 'nope.bin');
    const f = await failure(
      send(
        get(`${fx.app.url}/echo`, { method: 'POST', body: { type: 'file', path: missing } }),
        contextFor('alice'),
      ),
    );
    expect(f.code).toBe('INVALID_FILE');
    expect(f.message).toContain(missing);
  });
});

describe('send: responses', () => {
  it('keeps status text and repeated headers in order', async () => {
    const res = await send(get(`${fx.app.url}/teapot`), contextFor('alice'));
    expect(res.status).toBe(418);
    expect(res.statusText).toBe("I'm a teapot");
    const names = res.headers.map(([n]) => n);
    expect(names.indexOf('X-Multi')).toBeLessThan(names.indexOf('Content-Type'));
    expect(res.headers.filter(([n]) => n === 'X-Multi').map(([, v]) => v)).toEqual(['one', 'two']);
    expect(res.body).toBe('short and stout');
    expect(res.bodyEncoding).toBe('utf8');
    expect(res.contentType).toBe('text/plain');
    expect(res.size).toBe(15);
  });

  it('decompresses gzip and br bodies', async () => {
    for (const kind of ['gzip', 'br']) {
      const res = await send(get(`${fx.app.url}/${kind}`), contextFor('alice'));
      expect(JSON.parse(res.body)).toEqual({ compressed: kind });
      expect(res.size).toBe(res.body.length);
    }
  });

  it('returns binary bodies as base64', async () => {
    const res = await send(get(`${fx.app.url}/png`), contextFor('alice'));
    expect(res.bodyEncoding).toBe('base64');
    expect(Buffer.from(res.body, 'base64')).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff]));
    expect(res.size).toBe(8);
  });
});

describe('send: errors before anything goes out', () => {
  it('an unknown variable is reported with its place', async () => {
    const f = await failure(send(get('http://{{host}}/x'), contextFor('alice')));
    expect(f.toError()).toEqual({ code: 'UNKNOWN_VARIABLE', message: 'Unknown variable {{host}} in URL' });
    const h = await failure(
      send(
        get(`${fx.app.url}/echo`, { headers: [{ name: 'X-Key', value: '{{key}}' }] }),
        contextFor('alice'),
      ),
    );
    expect(h.message).toBe('Unknown variable {{key}} in header X-Key');
  });

  it('invalid URLs, headers, JSON and cookies are named, and the jar stays untouched', async () => {
    const ctx = contextFor('alice');
    ctx.jar.set({ name: 'keep', value: '1', domain: '127.0.0.1' });
    const before = JSON.stringify(ctx.jar.list());
    const cases: Array<[RequestSpec, string, string]> = [
      [get('ftp://files.test/x'), 'INVALID_URL', 'ftp://files.test/x'],
      [get('http://exa mple.test/'), 'INVALID_URL', 'exa mple.test'],
      [
        get(`${fx.app.url}/set?c=a%3D1`, { headers: [{ name: 'Bad Name', value: '1' }] }),
        'INVALID_HEADER',
        'Bad Name',
      ],
      [
        get(`${fx.app.url}/set?c=a%3D1`, { headers: [{ name: 'X-Ok', value: 'a\r\nInjected: 1' }] }),
        'INVALID_HEADER',
        'X-Ok',
      ],
      [
        get(`${fx.app.url}/set?c=a%3D1`, { method: 'POST', body: { type: 'json', text: '{bad' } }),
        'INVALID_BODY',
        'JSON',
      ],
      [
        get(`${fx.app.url}/set?c=a%3D1`, { cookies: [{ name: 'se;ss', value: '1' }] }),
        'INVALID_COOKIE',
        'se;ss',
      ],
    ];
    for (const [spec, code, mention] of cases) {
      const f = await failure(send(spec, ctx));
      expect(f.code).toBe(code);
      expect(f.message).toContain(mention);
    }
    expect(JSON.stringify(ctx.jar.list())).toBe(before);
  });
});

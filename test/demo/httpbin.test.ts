import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../main/demo/server';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo.close();
});

const get = (path: string, init: RequestInit = {}) =>
  fetch(`${demo.url}${path}`, { redirect: 'manual', ...init });

describe('httpbin-style endpoints on the demo API', () => {
  it('listens on loopback with a random port', () => {
    expect(demo.url).toBe(`http://127.0.0.1:${demo.port}`);
    expect(demo.port).toBeGreaterThan(0);
  });

  it('/cookies shows exactly the cookies the request carried', async () => {
    expect(await (await get('/cookies')).json()).toEqual({ cookies: {} });
    const res = await get('/cookies', { headers: { Cookie: 'session=abc123; user_id=456' } });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ cookies: { session: 'abc123', user_id: '456' } });
  });

  it('/cookies/set answers 302 to /cookies with one Set-Cookie per pair', async () => {
    const res = await get('/cookies/set?session=abc123&user_id=456');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/cookies');
    expect(res.headers.getSetCookie()).toEqual(['session=abc123; Path=/', 'user_id=456; Path=/']);
  });

  it('/cookies/set/NAME/VALUE sets one cookie', async () => {
    const res = await get('/cookies/set/flavour/oatmeal');
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie()).toEqual(['flavour=oatmeal; Path=/']);
  });

  it('/cookies/delete expires each named cookie and redirects', async () => {
    const res = await get('/cookies/delete?session&user_id');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/cookies');
    expect(res.headers.getSetCookie()).toEqual([
      'session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      'user_id=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    ]);
  });

  it('/headers shows headers httpbin-cased, with the single Cookie header', async () => {
    const res = await get('/headers', {
      headers: { Cookie: 'name1=value1; name2=value2', 'x-custom': 'yes' },
    });
    const { headers } = (await res.json()) as { headers: Record<string, string> };
    expect(headers.Cookie).toBe('name1=value1; name2=value2');
    expect(headers['X-Custom']).toBe('yes');
    expect(headers.Host).toBe(`127.0.0.1:${demo.port}`);
  });

  it('/get echoes args (repeats as arrays), headers, origin and url', async () => {
    const body = await (await get('/get?a=1&a=2&b=x')).json();
    expect(body).toMatchObject({
      args: { a: ['1', '2'], b: 'x' },
      origin: '127.0.0.1',
      url: `${demo.url}/get?a=1&a=2&b=x`,
    });
    expect(body.headers.Host).toBeDefined();
  });

  it('/redirect/N is a chain of N 302s ending at /get', async () => {
    const seen: string[] = [];
    let path = '/redirect/3';
    for (;;) {
      const res = await get(path);
      seen.push(`${res.status} ${path}`);
      if (res.status !== 302) break;
      path = res.headers.get('location')!;
    }
    expect(seen).toEqual(['302 /redirect/3', '302 /redirect/2', '302 /redirect/1', '200 /get']);
    const followed = await fetch(`${demo.url}/relative-redirect/2`);
    expect(followed.url).toBe(`${demo.url}/get`);
    const abs = await get('/absolute-redirect/2');
    expect(abs.headers.get('location')).toBe(`${demo.url}/absolute-redirect/1`);
    expect((await get('/redirect/0')).status).toBe(400);
  });

  it('/redirect-to honours url and a 3xx status_code', async () => {
    const res = await get('/redirect-to?url=/cookies&status_code=307');
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/cookies');
    expect((await get('/redirect-to?url=/x&status_code=200')).status).toBe(302);
    expect((await get('/redirect-to')).status).toBe(400);
  });

  it('/status/N answers with N', async () => {
    const empty = await get('/status/204');
    expect(empty.status).toBe(204);
    expect(empty.headers.get('content-length')).toBeNull();
    expect((await get('/status/418')).status).toBe(418);
    const unauthorized = await get('/status/401');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toContain('Basic');
    expect((await get('/status/301')).headers.get('location')).toBe('/redirect/1');
    expect((await get('/status/999')).status).toBe(400);
  });

  it('/anything echoes method, args, headers, form, json and data', async () => {
    const form = await (
      await get('/anything/deep/path?q=1', {
        method: 'PATCH',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1&b=2&a=3',
      })
    ).json();
    expect(form).toMatchObject({
      method: 'PATCH',
      url: `${demo.url}/anything/deep/path?q=1`,
      args: { q: '1' },
      form: { a: ['1', '3'], b: '2' },
      data: '',
      json: null,
      files: {},
    });
    const js = await (
      await get('/anything', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"x":[1,2]}',
      })
    ).json();
    expect(js).toMatchObject({ method: 'POST', json: { x: [1, 2] }, data: '{"x":[1,2]}', form: {} });
    const broken = await get('/anything', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(broken.status).toBe(200);
    expect(await broken.json()).toMatchObject({ json: null, data: '{oops' });
  });

  it('/anything echoes multipart field names, file names and sizes', async () => {
    const fd = new FormData();
    fd.append('note', 'hello');
    fd.append(
      'upload',
      new Blob([new Uint8Array([1, 2, 3, 255])], { type: 'application/octet-stream' }),
      'bin.dat',
    );
    fd.append('readme', new Blob(['plain text'], { type: 'text/plain' }), 'README.txt');
    const body = await (await get('/anything', { method: 'POST', body: fd })).json();
    expect(body.form).toEqual({ note: 'hello' });
    expect(body.files.readme).toBe('plain text');
    expect(body.files.upload).toBe('data:application/octet-stream;base64,AQID/w==');
    expect(body.uploads).toEqual([
      { field: 'upload', filename: 'bin.dat', size: 4, contentType: 'application/octet-stream' },
      { field: 'readme', filename: 'README.txt', size: 10, contentType: 'text/plain' },
    ]);
  });

  it('/post echoes a POST and refuses other methods with 405', async () => {
    const res = await get('/post', {
      method: 'POST',
      body: 'raw text',
      headers: { 'content-type': 'text/plain' },
    });
    expect(await res.json()).toMatchObject({ data: 'raw text', json: null });
    const wrong = await get('/post');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(await wrong.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  it('serves /json, /html, /bytes/N and a valid /image/png', async () => {
    expect((await (await get('/json')).json()).slideshow.title).toBe('Sample Slide Show');
    const html = await get('/html');
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('<h1>Herman Melville - Moby-Dick</h1>');
    const bytes = await get('/bytes/1024');
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream');
    expect((await bytes.arrayBuffer()).byteLength).toBe(1024);
    expect((await get('/bytes/999999999')).status).toBe(400);
    const png = Buffer.from(await (await get('/image/png')).arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  });

  it('/delay/MS answers after the delay', async () => {
    const res = await get('/delay/20?x=1');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ args: { x: '1' }, delayMs: 20 });
    expect((await get('/delay/soon')).status).toBe(400);
  });

  it('answers unknown paths with a JSON 404 and lists its endpoints at /_index', async () => {
    const missing = await get('/no/such/thing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: 'Not Found' });
    const index = await (await get('/_index')).json();
    const paths = index.endpoints.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/cookies', '/login', '/cookie-lab/set', '/', '/_index']));
  });

  it('HEAD works on GET endpoints', async () => {
    const res = await get('/json', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });
});

/** Sends raw bytes and returns whatever comes back before the server closes the connection. */
function raw(payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(demo.port, '127.0.0.1', () => socket.end(payload));
    let out = '';
    socket.on('data', (d) => {
      out += d.toString('latin1');
    });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('bad input never crashes the demo API', () => {
  it('answers garbage, odd hosts and odd paths, and keeps serving', async () => {
    expect(await raw('NONSENSE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    const oddHost = await raw('GET /get HTTP/1.1\r\nHost: not a host\r\nConnection: close\r\n\r\n');
    expect(oddHost).toMatch(/^HTTP\/1\.1 200/);
    const doubleSlash = await raw(
      'GET //evil.example/get HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
    );
    expect(doubleSlash).toMatch(/^HTTP\/1\.1 404/);
    const badEscape = await get('/cookies/set/%E0%A4%A/x');
    expect(badEscape.status).toBe(404);
    expect((await get('/get')).status).toBe(200);
  });

  it('refuses a body over the limit with 413 and keeps the connection usable', async () => {
    const small = await startDemoServer({ maxBodyBytes: 1024 });
    try {
      const huge = await fetch(`${small.url}/anything`, { method: 'POST', body: 'x'.repeat(3000) });
      expect(huge.status).toBe(413);
      expect(await huge.json()).toEqual({ detail: 'Request body is larger than 1024 bytes' });
      const ok = await fetch(`${small.url}/anything`, { method: 'POST', body: 'x'.repeat(1024) });
      expect((await ok.json()).data).toHaveLength(1024);
    } finally {
      await small.close();
    }
  });
});

describe('starting the demo API', () => {
  it('fails on a taken port, or falls back to a random one when asked', async () => {
    await expect(startDemoServer({ port: demo.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const other = await startDemoServer({ port: demo.port, fallbackToRandomPort: true });
    try {
      expect(other.port).not.toBe(demo.port);
      expect((await fetch(`${other.url}/get`)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('shutting the demo API down', () => {
  // close() must not wait for the 10 s delay: the 5 s limit is the guard.
  it('ends a pending /delay request when the server closes', { timeout: 5000 }, async () => {
    const own = await startDemoServer();
    const pending = fetch(`${own.url}/delay/10000`).then(
      () => 'answered',
      () => 'failed',
    );
    // Wait until the request has reached the server: a second request on another connection answers.
    await fetch(`${own.url}/get`);
    await own.close();
    expect(await pending).toBe('failed');
    await expect(fetch(`${own.url}/get`)).rejects.toThrow();
  });
});

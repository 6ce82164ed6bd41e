import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/web/csp';
import { startWebServer, type WebServer } from '../../main/web/server';
import { openEvents, rawRequest } from './raw-http';

let root: string;
let server: WebServer;

const auth = () => ({ authorization: `Bearer ${server.token}`, 'content-type': 'application/json' });
const post = (channel: string, args: unknown, headers: Record<string, string> = auth()) =>
  rawRequest(server.port, { method: 'POST', path: `/api/${channel}`, headers, body: JSON.stringify(args) });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tandem-web-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Tandem</title><div id="root"></div>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("tandem")');
  await writeFile(join(root, 'secret.txt'), 'alice-session-token');
  server = await startWebServer({ dataDir: join(root, 'data'), rendererDir, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('web mode: only the page Tandem printed may call it', () => {
  it('prints a loopback URL carrying a 64-hex-digit token', () => {
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('a call without the token is refused with 401 and a Result', async () => {
    const res = await post('profiles.list', {}, { 'content-type': 'application/json' });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('a call with a wrong token is refused with 401', async () => {
    const wrong = `${server.token.slice(0, -1)}${server.token.endsWith('0') ? '1' : '0'}`;
    const res = await post('profiles.list', {}, { authorization: `Bearer ${wrong}` });
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('the token in the query string only opens the event stream, not calls', async () => {
    const res = await rawRequest(server.port, {
      method: 'POST',
      path: `/api/profiles.list?token=${server.token}`,
      body: '{}',
    });
    expect(res.status).toBe(401);
  });

  it('a page reaching it through another host name (DNS rebinding) gets 403, even with the token', async () => {
    const res = await post('profiles.list', {}, { ...auth(), host: `evil.example:${server.port}` });
    expect(res.status).toBe(403);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const page = await rawRequest(server.port, { path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
  });

  it('a call from a foreign origin gets 403, even with the token', async () => {
    const res = await post('profiles.list', {}, { ...auth(), origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const own = await post('profiles.list', {}, { ...auth(), origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
  });
});

describe('web mode: the contract over HTTP', () => {
  it('alice is created, then listed', async () => {
    const created = await post('profiles.create', { name: 'alice' });
    expect(created.status).toBe(200);
    expect(created.json()).toMatchObject({ ok: true, value: { name: 'alice' } });
    const listed = (await post('profiles.list', {})).json() as { ok: true; value: Array<{ name: string }> };
    expect(listed.ok).toBe(true);
    expect(listed.value.map((p) => p.name)).toContain('alice');
  });

  it('bad arguments answer INVALID_ARGUMENT with one line naming the field', async () => {
    const res = await post('profiles.create', { name: 42 });
    const body = res.json() as { ok: false; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('INVALID_ARGUMENT');
    expect(body.error.message).toContain('profiles.create');
    expect(body.error.message).toContain('name');
    expect(body.error.message).not.toContain('\n');
  });

  it('an unknown channel and a body that is not JSON are refused as data', async () => {
    const unknown = (await post('shell.exec', {})).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const garbled = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/profiles.list',
      headers: auth(),
      body: '{"oops',
    });
    expect(garbled.status).toBe(400);
    expect(garbled.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('a body over the limit is refused with 413, declared or streamed', async () => {
    const big = JSON.stringify({ profile: 'alice', format: 'json', text: 'x'.repeat(80 * 1024) });
    const declared = await post('cookies.import', JSON.parse(big));
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/cookies.import',
      headers: { ...auth(), 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(streamed.status).toBe(413);
    expect(streamed.json()).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: 'Request body of /api/cookies.import is larger than 64 KB',
      },
    });
  });

  it('the event stream needs the token and delivers profiles.changed when bob is created', async () => {
    const refused = await rawRequest(server.port, { path: '/api/events?token=nope' });
    expect(refused.status).toBe(401);

    const events = openEvents(server.port, `/api/events?token=${server.token}`);
    try {
      await events.waitFor(/: connected/);
      expect(events.status).toBe(200);
      expect(events.contentType).toContain('text/event-stream');
      await post('profiles.create', { name: 'bob' });
      await events.waitFor(/data: .*"profiles\.changed"/);
      const line = events.text.split('\n').find((l) => l.includes('profiles.changed'))!;
      expect(JSON.parse(line.slice('data: '.length))).toMatchObject({ event: 'profiles.changed' });
    } finally {
      events.close();
    }
  });
});

describe('web mode: the built UI', () => {
  it('serves index.html at / with the strict CSP', async () => {
    const res = await rawRequest(server.port, { path: `/?token=${server.token}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.text).toContain('<title>Tandem</title>');
  });

  it('serves assets with their content type', async () => {
    const res = await rawRequest(server.port, { path: '/assets/app.js' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.text).toBe('console.log("tandem")');
    expect((await rawRequest(server.port, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
    ]) {
      const res = await rawRequest(server.port, { path });
      expect(res.status, path).toBe(404);
      expect(res.text, path).not.toContain('alice-session-token');
    }
  });
});

describe('web mode: starting and stopping', () => {
  it('says how to build when the UI is missing, and close() ends open event streams', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-web-empty-'));
    const bare = await startWebServer({ dataDir: join(dir, 'data'), rendererDir: join(dir, 'nothing') });
    try {
      const res = await rawRequest(bare.port, { path: '/' });
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text.trim()).toBe("Tandem's UI is not built: run npm run build");

      const events = openEvents(bare.port, `/api/events?token=${bare.token}`);
      await events.waitFor(/: connected/);
      await bare.close();
      await events.ended();
      await expect(rawRequest(bare.port, { path: '/' })).rejects.toThrow();
    } finally {
      await bare.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('with demo: the demo API runs beside it, the sample profiles are seeded, and close() stops both', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-web-demo-'));
    const withDemo = await startWebServer({ dataDir: join(dir, 'data'), rendererDir: dir, demo: true });
    try {
      expect(withDemo.demoUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const headers = { authorization: `Bearer ${withDemo.token}`, 'content-type': 'application/json' };
      const info = await rawRequest(withDemo.port, {
        method: 'POST',
        path: '/api/workspace.info',
        headers,
        body: '{}',
      });
      expect(info.json()).toMatchObject({ ok: true, value: { host: 'web', demoUrl: withDemo.demoUrl } });
      const list = await rawRequest(withDemo.port, {
        method: 'POST',
        path: '/api/profiles.list',
        headers,
        body: '{}',
      });
      const names = (list.json() as { value: Array<{ name: string }> }).value.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(['alice', 'bob', 'anonymous']));
      expect((await fetch(`${withDemo.demoUrl}/_index`)).status).toBe(200);
      await withDemo.close();
      await expect(fetch(`${withDemo.demoUrl}/_index`)).rejects.toThrow();
    } finally {
      await withDemo.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers the browser favicon probe with 204 instead of a console error, and only POST calls', async () => {
    expect((await rawRequest(server.port, { path: '/favicon.ico' })).status).toBe(204);
    const get = await rawRequest(server.port, { path: '/api/profiles.list', headers: auth() });
    expect(get.status).toBe(405);
    expect(get.json()).toMatchObject({ ok: false });
  });
});

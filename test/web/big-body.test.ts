import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_REF_MIN_CHARS, bodyPath } from '../../main/shared/bodyref';
import { startWebServer, type WebServer } from '../../main/web/server';
import { rawRequest } from './raw-http';

// A large response body travels beside the JSON envelope: request.send answers with the body
// emptied and a bodyRef, and GET /api/body/<id> (same token) serves the text as received.

let root: string;
let server: WebServer;
let api: Server;
let apiUrl = '';
const big = JSON.stringify(
  Array.from({ length: 12_000 }, (_, i) => ({ id: i, name: `item-${i}`, note: 'é✓ "quoted"' })),
);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tandem-web-big-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Tandem</title>');
  api = createServer((req, res) => {
    const body = req.url?.startsWith('/big') ? big : '{"small":true}';
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  server = await startWebServer({ dataDir: join(root, 'data'), rendererDir });
});

afterAll(async () => {
  await server?.close();
  await new Promise<void>((r) => api.close(() => r()));
  await rm(root, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${server.token}`, 'content-type': 'application/json' });
const send = (url: string) =>
  rawRequest(server.port, {
    method: 'POST',
    path: '/api/request.send',
    headers: auth(),
    body: JSON.stringify({
      profile: 'default',
      request: { method: 'GET', url, headers: [], body: { type: 'none' } },
    }),
  });

describe('web mode: large bodies beside the envelope', () => {
  it('answers a large response with a body reference, and serves the body itself by it', async () => {
    expect(big.length).toBeGreaterThan(BODY_REF_MIN_CHARS);
    const res = await send(`${apiUrl}/big`);
    expect(res.status).toBe(200);
    const envelope = JSON.parse(res.text) as {
      ok: boolean;
      value: { status: number; body: string; size: number; bodyRef?: { id: string; chars: number } };
    };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.status).toBe(200);
    expect(envelope.value.body).toBe('');
    expect(envelope.value.bodyRef?.chars).toBe(big.length);
    // The envelope stays small: the megabyte is not inside it.
    expect(res.text.length).toBeLessThan(64 * 1024);

    const ref = envelope.value.bodyRef as { id: string };
    const body = await rawRequest(server.port, { method: 'GET', path: bodyPath(ref.id), headers: auth() });
    expect(body.status).toBe(200);
    expect(body.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(body.text).toBe(big);
    // Served again on demand (the page may re-read it, e.g. switching Pretty/Raw).
    const again = await rawRequest(server.port, { method: 'GET', path: bodyPath(ref.id), headers: auth() });
    expect(again.text).toBe(big);
  });

  it('keeps small bodies inside the envelope', async () => {
    const res = await send(`${apiUrl}/small`);
    const envelope = JSON.parse(res.text) as { value: { body: string; bodyRef?: unknown } };
    expect(envelope.value.body).toBe('{"small":true}');
    expect(envelope.value.bodyRef).toBeUndefined();
  });

  it('serves a body only with the token, and says when it is no longer kept', async () => {
    const res = await send(`${apiUrl}/big`);
    const { id } = (JSON.parse(res.text) as { value: { bodyRef: { id: string } } }).value.bodyRef;
    const noToken = await rawRequest(server.port, { method: 'GET', path: bodyPath(id) });
    expect(noToken.status).toBe(401);
    expect(noToken.text).not.toContain('item-1');
    const gone = await rawRequest(server.port, { method: 'GET', path: bodyPath('nope'), headers: auth() });
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.text)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Only the last few are kept: after five more large responses the first one is gone.
    for (let i = 0; i < 5; i++) await send(`${apiUrl}/big?${i}`);
    const evicted = await rawRequest(server.port, { method: 'GET', path: bodyPath(id), headers: auth() });
    expect(evicted.status).toBe(404);
  });
});

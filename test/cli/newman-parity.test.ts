import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../support/loopback';
import { assertBuilt, tandem, tempWorkspace } from './helpers';

/**
 * Postman's Basic Collection (14 requests: special-character and disabled headers, disabled query
 * parameters, raw/JSON/GraphQL/XML/HTML bodies, urlencoded non-ASCII, PUT/PATCH/DELETE), pointed
 * at a loopback server, run by `newman run` and, after `tandem import postman`, by `tandem run`:
 * the same requests in the same order — method, path and query, the collection's headers, body.
 * Headers each client adds by itself (User-Agent, Postman-Token, Cache-Control…) are not compared.
 */

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const NEWMAN = resolve(__dirname, '../../node_modules/newman/bin/newman.js');
const FIXTURE = resolve(__dirname, '../core/interop/fixtures/postman-basicCollection.json');
const OWN = new Set([
  'host',
  'connection',
  'user-agent',
  'postman-token',
  'cache-control',
  'accept',
  'accept-encoding',
  'content-length',
]);

function newmanRun(file: string, cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [NEWMAN, 'run', file, '--reporters', 'cli', '--color', 'off', '--timeout-request', '10000'],
      { cwd, timeout: 60_000, env: { PATH: process.env.PATH ?? '', HOME: cwd } },
      (error, stdout, stderr) => done({ code: error ? 1 : 0, out: String(stdout) + String(stderr) }),
    );
  });
}

/** What is compared: a form body as its decoded fields (both encode the same pairs), others as bytes. */
function comparable(s: Seen, collectionHeaders: Set<string>) {
  const type = String(s.headers['content-type'] ?? '');
  const text = s.body.toString('utf8');
  const body = type.startsWith('application/x-www-form-urlencoded') ? [...new URLSearchParams(text)] : text;
  const headers = Object.entries(s.headers)
    .filter(([n]) => collectionHeaders.has(n) && !OWN.has(n))
    .sort(([a], [b]) => a.localeCompare(b));
  return { method: s.method, url: s.url, headers, body };
}

describe('a Postman collection: tandem run sends what newman run sends', { timeout: 180_000 }, () => {
  const seen: Seen[] = [];
  let server: LoopbackServer;
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  let file: string;

  beforeAll(async () => {
    assertBuilt();
    server = await startLoopbackServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks),
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    ws = await tempWorkspace();
    // Point every request at the loopback server (the raw URL and the structured one newman reads).
    const collection = JSON.parse(await readFile(FIXTURE, 'utf8')) as {
      item: Array<{ request: { url: Record<string, unknown> } }>;
    };
    const port = new URL(server.url).port;
    for (const item of collection.item) {
      const url = item.request.url;
      url.raw = String(url.raw).replace('https://postman-echo.com', server.url);
      url.protocol = 'http';
      url.host = ['127', '0', '0', '1'];
      url.port = port;
    }
    file = join(ws.root, 'basic.postman_collection.json');
    await writeFile(file, JSON.stringify(collection, null, 2));
  });
  afterAll(async () => {
    await server?.close();
    await ws?.remove();
  });

  it('14 requests, same order, same method, URL, headers and body', async () => {
    const byNewman = await newmanRun(file, ws.root);
    expect(byNewman.out).toContain('POST Raw Text');
    const newmanSaw = seen.splice(0);
    expect(newmanSaw).toHaveLength(14);

    const imported = await tandem(ws.dataDir, ['import', 'postman', file, '--collection', 'Basic']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Created collection 'Basic': 14 requests in 0 folders, 0 variables\n/);
    expect(imported.stdout).toContain(
      "  - item[3].request.url.query[2]: 'GET Request with disabled query': disabled query parameter 'anotheroneone' is not kept",
    );

    const ran = await tandem(ws.dataDir, ['run', 'Basic', '--profile', 'default']);
    expect(ran.code).toBe(0);
    const tandemSaw = seen.splice(0);
    expect(tandemSaw).toHaveLength(14);

    // The header names the collection itself sets (enabled ones), lower-cased.
    const raw = JSON.parse(await readFile(file, 'utf8')) as {
      item: Array<{ request: { header?: Array<{ key: string; disabled?: boolean }> } }>;
    };
    const names = new Set(
      raw.item.flatMap((i) =>
        (i.request.header ?? []).filter((h) => !h.disabled).map((h) => h.key.toLowerCase()),
      ),
    );
    names.add('content-type');
    expect(tandemSaw.map((s) => comparable(s, names))).toEqual(newmanSaw.map((s) => comparable(s, names)));
    // The disabled header stayed out for both.
    expect(tandemSaw[2]?.headers['disabled header']).toBeUndefined();
  });
});

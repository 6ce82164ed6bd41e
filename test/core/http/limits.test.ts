import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { send } from '../../../main/core/http/send';
import { Spool } from '../../../main/core/http/spool';
import { MB } from '../../../main/shared/limits';
import type { Settings } from '../../../main/shared/types';
import { contextFor, failure, get, serverPerFile, settings } from './servers';

/** Bounded responses (issue 9 item 1): a body cap, a spool for the full body, timeouts, header limits. */

/** Deterministic bytes: `n` bytes of a repeating pattern that is not all one value. */
function pattern(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7 + (i >> 10)) & 0xff;
  return b;
}
const FIVE_MB = pattern(5 * MB);
const ZEROS = 48 * MB;
const BOMB = zlib.gzipSync(Buffer.alloc(ZEROS), { level: 9 });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const fx = serverPerFile('tandem-limits-', (req, res) => {
  const u = new URL(req.url ?? '/', 'http://x');
  if (u.pathname === '/five') {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': FIVE_MB.length });
    for (let i = 0; i < FIVE_MB.length; i += 64 * 1024) res.write(FIVE_MB.subarray(i, i + 64 * 1024));
    return res.end();
  }
  if (u.pathname === '/five-gzip') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    return res.end(zlib.gzipSync(FIVE_MB, { level: 1 }));
  }
  if (u.pathname === '/bomb') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    return res.end(BOMB);
  }
  if (u.pathname === '/endless') {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(256 * 1024, 97);
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    return pump();
  }
  if (u.pathname === '/stall') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('first chunk, then nothing');
    return;
  }
  if (u.pathname === '/many-headers') {
    const headers: Array<[string, string]> = [['content-type', 'text/plain']];
    for (let i = 0; i < 600; i++) headers.push([`x-h${i}`, String(i)]);
    res.writeHead(200, headers);
    return res.end('ok');
  }
  if (u.pathname === '/huge-header') {
    res.writeHead(200, { 'content-type': 'text/plain', 'x-big': 'b'.repeat(100 * 1024) });
    return res.end('ok');
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('small');
});

const capped = (extra: Partial<Settings> = {}): Settings => ({ ...settings, maxBodyMb: 1, ...extra });

describe('bounded response bodies', () => {
  it('past the cap the body is truncated, marked, and the full body is saved from the spool', async () => {
    const spool = new Spool(path.join(fx.dir, 'spool-a'));
    const ctx = contextFor('alice', {}, { settings: capped(), spool });
    const res = await send(get(`${fx.app.url}/five`), ctx);
    expect(res.status).toBe(200);
    expect(res.truncated).toEqual({
      keptBytes: MB,
      totalBytes: 5 * MB,
      limitBytes: MB,
      spooled: true,
      message: 'Body truncated at 1 MB',
    });
    expect(res.size).toBe(5 * MB);
    expect(Buffer.from(res.body, 'base64').equals(FIVE_MB.subarray(0, MB))).toBe(true);
    const dest = path.join(fx.dir, 'five.bin');
    expect(await spool.save(res.id, dest)).toEqual({ path: dest, bytes: 5 * MB });
    expect(sha(await readFile(dest))).toBe(sha(FIVE_MB));
    await spool.close();
    expect(await readdir(spool.dir)).toEqual([]);
  });

  it('a body under the cap is whole and leaves nothing in the spool', async () => {
    const spool = new Spool(path.join(fx.dir, 'spool-b'));
    const res = await send(
      get(`${fx.app.url}/five`),
      contextFor('alice', {}, { settings: capped({ maxBodyMb: 8 }), spool }),
    );
    expect(res.truncated).toBeUndefined();
    expect(res.size).toBe(5 * MB);
    expect(existsSync(spool.dir) ? await readdir(spool.dir) : []).toEqual([]);
  });

  it('a compressed body past the cap: head decoded, size unknown, full body saved decompressed', async () => {
    const spool = new Spool(path.join(fx.dir, 'spool-c'));
    const res = await send(
      get(`${fx.app.url}/five-gzip`),
      contextFor('bob', {}, { settings: capped(), spool }),
    );
    expect(res.truncated).toMatchObject({ keptBytes: MB, totalBytes: null, spooled: true });
    const dest = path.join(fx.dir, 'five-gzip.bin');
    expect((await spool.save(res.id, dest)).bytes).toBe(5 * MB);
    expect(sha(await readFile(dest))).toBe(sha(FIVE_MB));
    await spool.close();
  });

  it('a gzip bomb inflates only up to the cap', async () => {
    const spool = new Spool(path.join(fx.dir, 'spool-d'));
    const res = await send(get(`${fx.app.url}/bomb`), contextFor('bob', {}, { settings: capped(), spool }));
    expect(BOMB.length).toBeLessThan(MB);
    expect(res.truncated).toMatchObject({ keptBytes: MB, totalBytes: null, spooled: true });
    expect(res.body.length).toBe(MB);
    const dest = path.join(fx.dir, 'bomb.bin');
    expect((await spool.save(res.id, dest)).bytes).toBe(ZEROS);
    await spool.close();
  });

  it('without a spool the body past the cap is counted and dropped', async () => {
    const res = await send(get(`${fx.app.url}/five`), contextFor('carol', {}, { settings: capped() }));
    expect(res.truncated).toMatchObject({ keptBytes: MB, totalBytes: 5 * MB, spooled: false });
  });

  it('output: the whole body streams to the file (decompressed), nothing kept in memory', async () => {
    const dest = path.join(fx.dir, 'out', 'five.bin');
    await mkdir(path.dirname(dest), { recursive: true });
    const res = await send(
      get(`${fx.app.url}/five`),
      contextFor('alice', {}, { settings: capped(), output: dest }),
    );
    expect(res.savedTo).toEqual({ path: dest, bytes: 5 * MB });
    expect(res.body).toBe('');
    expect(res.size).toBe(5 * MB);
    expect(sha(await readFile(dest))).toBe(sha(FIVE_MB));
    const gz = path.join(fx.dir, 'out', 'five-gzip.bin');
    const res2 = await send(
      get(`${fx.app.url}/five-gzip`),
      contextFor('alice', {}, { settings: capped(), output: gz }),
    );
    expect(res2.savedTo?.bytes).toBe(5 * MB);
    expect(sha(await readFile(gz))).toBe(sha(FIVE_MB));
    expect((await readdir(path.dirname(dest))).sort()).toEqual(['five-gzip.bin', 'five.bin']);
  });

  it('the spool keeps only the last bodies', async () => {
    const spool = new Spool(path.join(fx.dir, 'spool-e'), 2);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await send(get(`${fx.app.url}/five`), contextFor('alice', {}, { settings: capped(), spool }))).id,
      );
    expect(spool.has(ids[0])).toBe(false);
    expect((await readdir(spool.dir)).length).toBe(2);
    const err = await spool.save(ids[0], path.join(fx.dir, 'gone.bin')).catch((e) => e);
    expect(err.code).toBe('NOT_FOUND');
    await spool.close();
  });
});

describe('timeouts cover the body', () => {
  it('an endless body stops at the timeout and its spool file goes', async () => {
    const spool = new Spool(path.join(fx.dir, 'spool-f'));
    const ctx = contextFor('alice', {}, { settings: capped({ timeoutMs: 1500 }), spool });
    const started = Date.now();
    const err = await failure(send(get(`${fx.app.url}/endless`), ctx));
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toBe('Timed out after 1500 ms');
    expect(Date.now() - started).toBeLessThan(15_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(await readdir(spool.dir)).toEqual([]);
  });

  it('a body that stalls between chunks hits the idle timeout', async () => {
    const ctx = contextFor('alice', {}, { settings: capped({ timeoutMs: 20_000, idleTimeoutMs: 400 }) });
    const err = await failure(send(get(`${fx.app.url}/stall`), ctx));
    expect(err.code).toBe('TIMEOUT');
    expect(err.message).toMatch(/no data for 400 ms while reading the response body/);
  });
});

describe('header limits', () => {
  it('too many header lines: a clear error with the headers read', async () => {
    const err = await failure(send(get(`${fx.app.url}/many-headers`), contextFor('alice')));
    expect(err.code).toBe('INVALID_RESPONSE');
    expect(err.message).toMatch(
      /^The response has 60\d header lines, more than the limit of 500 \(setting maxHeaderCount\)$/,
    );
    expect(err.partial?.statusLine).toBe('HTTP/1.1 200 OK');
    expect(err.partial?.headers.length).toBe(500);
  });

  it('a response head larger than maxHeaderKb: a clear error', async () => {
    const err = await failure(send(get(`${fx.app.url}/huge-header`), contextFor('alice')));
    expect(err.code).toBe('INVALID_RESPONSE');
    expect(err.message).toMatch(/response headers are larger than 64 KB \(setting maxHeaderKb\)/);
    expect(err.partial?.statusLine).toBe('HTTP/1.1 200 OK');
    expect(err.partial?.headers[0]).toEqual(['content-type', 'text/plain']);
    expect(err.partial?.headers[1][1]).toMatch(/^b{2000,2048}…$/);
    const ok = await send(
      get(`${fx.app.url}/huge-header`),
      contextFor('alice', {}, { settings: { ...settings, maxHeaderKb: 200 } }),
    );
    expect(ok.status).toBe(200);
  });
});

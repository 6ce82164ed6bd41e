import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { MB } from '../../../main/shared/limits';
import type { Result } from '../../../main/shared/types';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';

/** Through the core facade: a truncated response's full body saved with response.saveBody; `output`. */
const BODY = Buffer.alloc(3 * MB);
for (let i = 0; i < BODY.length; i++) BODY[i] = (i * 31) & 0xff;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

let server: LoopbackServer;
let dataDir: string;
let core: Tandem;

beforeAll(async () => {
  server = await startLoopbackServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(BODY);
  });
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-savebody-'));
  core = await createTandem({ dataDir, host: 'web' });
  value(await core['profiles.create']({ name: 'alice' }));
});

afterAll(async () => {
  await core.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

const request = () => ({
  method: 'GET',
  url: `${server.url}/big`,
  headers: [],
  body: { type: 'none' as const },
});

describe('response.saveBody and output through the core', () => {
  it('a body past settings.maxBodyMb comes back truncated; saveBody writes all of it; close empties the spool', async () => {
    value(await core['settings.update']({ patch: { maxBodyMb: 1 } }));
    expect(value(await core['settings.get']({})).maxBodyMb).toBe(1);
    const res = value(await core['request.send']({ profile: 'alice', request: request() }));
    expect(res.truncated).toMatchObject({
      keptBytes: MB,
      totalBytes: 3 * MB,
      spooled: true,
      message: 'Body truncated at 1 MB',
    });
    const dest = path.join(dataDir, 'saved.bin');
    expect(value(await core['response.saveBody']({ responseId: res.id, path: dest }))).toEqual({
      path: dest,
      bytes: 3 * MB,
    });
    expect(sha(await readFile(dest))).toBe(sha(BODY));
    const missing = await core['response.saveBody']({ responseId: 'nope', path: dest });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    expect((await readdir(path.join(dataDir, 'spool'))).length).toBe(1);

    const other = await createTandem({ dataDir, host: 'cli' });
    await other.close();
    expect((await readdir(path.join(dataDir, 'spool'))).length).toBe(1);
  });

  it('output streams the body to a file and keeps nothing in the record', async () => {
    const dest = path.join(dataDir, 'out.bin');
    const res = value(await core['request.send']({ profile: 'alice', request: request(), output: dest }));
    expect(res.savedTo).toEqual({ path: dest, bytes: 3 * MB });
    expect(res.body).toBe('');
    expect(sha(await readFile(dest))).toBe(sha(BODY));
  });

  it('a broken response: the error carries what arrived, history keeps only the one line', async () => {
    const raw = net.createServer((sock) => {
      sock.on('error', () => {});
      sock.once('data', () => sock.end('HTTP/1.1 200 OK\r\nSet-Cookie: sid=secret\x00x\r\n\r\n'));
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(raw.address() as net.AddressInfo).port}/`;
    const res = await core['request.send']({
      profile: 'alice',
      request: { method: 'GET', url, headers: [], body: { type: 'none' } },
    });
    await new Promise((r) => raw.close(r));
    expect(res.ok ? null : res.error.partial).toEqual({
      statusLine: 'HTTP/1.1 200 OK',
      headers: [['Set-Cookie', 'sid=secret\\x00x']],
    });
    const [entry] = value(await core['history.list']({ profile: 'alice', limit: 1 }));
    expect(entry.error).toEqual({ code: 'INVALID_RESPONSE', message: res.ok ? '' : res.error.message });
  });

  it('closing the core deletes the spooled bodies', async () => {
    await core.close();
    expect(existsSync(path.join(dataDir, 'spool')) ? await readdir(path.join(dataDir, 'spool')) : []).toEqual(
      [],
    );
  });
});

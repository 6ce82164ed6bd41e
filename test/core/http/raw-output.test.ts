import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/contract/dispatch';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { ResponseRecord } from '../../../main/shared/types';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';
import { unwrap } from '../../support/result';

/**
 * `request.send` with `output` writes the body decoded; with `rawOutput` too it writes the bytes as
 * they came on the wire, still content-encoded (`tandem send -o FILE --raw`, like curl -o without
 * --compressed), and says which encoding the file holds.
 */
const TEXT = Buffer.from('line of text, the same again and again\n'.repeat(100_000));
const ENCODED: Record<string, Buffer> = {
  gzip: zlib.gzipSync(TEXT),
  br: zlib.brotliCompressSync(TEXT),
  deflate: zlib.deflateSync(TEXT),
};

let server: LoopbackServer;
let dataDir: string;
let core: Tandem;

/** One send through the contract (the arguments checked by its schema), as the CLI and the app call it. */
async function sendTo(coding: string, file: string, rawOutput?: boolean): Promise<ResponseRecord> {
  const request = { method: 'GET', url: `${server.url}/${coding}`, headers: [], body: { type: 'none' } };
  const args = { profile: 'alice', request, output: path.join(dataDir, '..', file), rawOutput };
  return unwrap(await dispatch(core, 'request.send', args)) as ResponseRecord;
}

beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const coding = (req.url ?? '/').slice(1);
    const body = ENCODED[coding];
    res.writeHead(200, { 'content-type': 'text/plain', ...(body ? { 'content-encoding': coding } : {}) });
    res.end(body ?? TEXT);
  });
  dataDir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-raw-output-')), 'data');
  core = await createTandem({ dataDir, host: 'cli' });
  unwrap(await dispatch(core, 'profiles.create', { name: 'alice' }));
});

afterAll(async () => {
  await core.close();
  await server.close();
  await fs.rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe('request.send to a file: decoded, or as received (rawOutput)', { timeout: 30_000 }, () => {
  it('rawOutput writes the gzip bytes the server sent; without it the file holds the decoded text', async () => {
    const raw = await sendTo('gzip', 'raw.gz', true);
    const rawFile = await fs.readFile(path.join(dataDir, '..', 'raw.gz'));
    expect(rawFile.equals(ENCODED.gzip)).toBe(true);
    expect(zlib.gunzipSync(rawFile).equals(TEXT)).toBe(true);
    expect(raw.savedTo).toEqual({
      path: path.join(dataDir, '..', 'raw.gz'),
      bytes: ENCODED.gzip.length,
      contentEncoding: 'gzip',
    });
    expect(raw.size).toBe(ENCODED.gzip.length);
    expect(raw.body).toBe('');

    const decoded = await sendTo('gzip', 'decoded.txt');
    expect((await fs.readFile(path.join(dataDir, '..', 'decoded.txt'))).equals(TEXT)).toBe(true);
    expect(decoded.savedTo).toEqual({ path: path.join(dataDir, '..', 'decoded.txt'), bytes: TEXT.length });
  });

  it('br and deflate are written as received too; an unencoded body is the same either way', async () => {
    for (const coding of ['br', 'deflate']) {
      const r = await sendTo(coding, `raw.${coding}`, true);
      expect((await fs.readFile(path.join(dataDir, '..', `raw.${coding}`))).equals(ENCODED[coding])).toBe(
        true,
      );
      expect(r.savedTo?.contentEncoding).toBe(coding);
    }
    const plain = await sendTo('plain', 'plain.txt', true);
    expect((await fs.readFile(path.join(dataDir, '..', 'plain.txt'))).equals(TEXT)).toBe(true);
    expect(plain.savedTo).toEqual({ path: path.join(dataDir, '..', 'plain.txt'), bytes: TEXT.length });
  });

  it('no part file is left beside the outputs', async () => {
    const left = (await fs.readdir(path.dirname(dataDir))).filter((f) => f.includes('.part-'));
    expect(left).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../support/loopback';
import { assertBuilt, tandem, tempWorkspace } from './helpers';

/**
 * `tandem send -o FILE` streams the body to the file (issue 9 item 1); a body past maxBodyMb is
 * printed truncated with a note; a response that breaks HTTP shows what arrived before it broke.
 */
const MB = 1024 * 1024;
const BIG = Buffer.alloc(12 * MB);
for (let i = 0; i < BIG.length; i++) BIG[i] = (i * 13) & 0xff;
const TEXT = Buffer.from('line of text\n'.repeat(300_000));
const GZ = zlib.gzipSync(TEXT);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let server: LoopbackServer;
let hits = 0;
let raw: net.Server;
let rawUrl = '';
let ws: Awaited<ReturnType<typeof tempWorkspace>>;

beforeAll(async () => {
  assertBuilt();
  server = await startLoopbackServer((req, res) => {
    hits++;
    if (req.url === '/gzip') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      return res.end(GZ);
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(BIG);
  });
  raw = net.createServer((s) => {
    s.on('error', () => {});
    s.once('data', () =>
      s.end(
        'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: bad=a\x00b\r\nContent-Length: 2\r\n\r\nok',
      ),
    );
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  rawUrl = `http://127.0.0.1:${(raw.address() as net.AddressInfo).port}`;
  ws = await tempWorkspace();
  expect((await tandem(ws.dataDir, ['profiles', 'create', 'alice'])).code).toBe(0);
});

afterAll(async () => {
  await server.close();
  await new Promise((r) => raw.close(r));
  await ws.remove();
});

describe('tandem send -o', () => {
  it('writes the raw body bytes to the file and says so', async () => {
    const run = await tandem(ws.dataDir, [
      'send',
      `${server.url}/big`,
      '--profile',
      'alice',
      '-o',
      'big.bin',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(sha(await readFile(join(ws.root, 'big.bin')))).toBe(sha(BIG));
    expect(run.stdout).toContain(`Body saved to ${join(ws.root, 'big.bin')} (${12 * MB} bytes)`);
    expect(run.stdout).not.toContain('[binary body');
  });

  it('a compressed body is written decompressed; --json reports savedTo', async () => {
    const run = await tandem(ws.dataDir, [
      'send',
      `${server.url}/gzip`,
      '--profile',
      'alice',
      '--output',
      'text.txt',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).savedTo).toEqual({ path: join(ws.root, 'text.txt'), bytes: TEXT.length });
    expect((await readFile(join(ws.root, 'text.txt'))).equals(TEXT)).toBe(true);
  });

  it('--raw writes the gzip bytes as the server sent them, and says so', async () => {
    const out = join(ws.root, 'text.txt.gz');
    const run = await tandem(ws.dataDir, [
      'send',
      `${server.url}/gzip`,
      '--profile',
      'alice',
      '-o',
      out,
      '--raw',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect((await readFile(out)).equals(GZ)).toBe(true);
    expect(run.stdout).toContain(`Body saved to ${out} (${GZ.length} bytes as received, gzip-encoded)`);
    const json = await tandem(ws.dataDir, [
      'send',
      `${server.url}/gzip`,
      '--profile',
      'alice',
      '--raw',
      '-o',
      out,
      '--json',
    ]);
    expect(JSON.parse(json.stdout).savedTo).toEqual({ path: out, bytes: GZ.length, contentEncoding: 'gzip' });
  });

  it('--raw without -o is a usage error: one line, exit 2, nothing sent', async () => {
    const before = hits;
    const run = await tandem(ws.dataDir, ['send', `${server.url}/gzip`, '--profile', 'alice', '--raw']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tandem: --raw only applies with -o FILE: it writes the body to FILE as received\n',
    });
    expect(hits).toBe(before);
  });

  it('a missing folder is bad input: exit 2 before anything is sent', async () => {
    const run = await tandem(ws.dataDir, [
      'send',
      `${server.url}/big`,
      '--profile',
      'alice',
      '-o',
      'nope/big.bin',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `tandem: Cannot write nope/big.bin: the folder ${join(ws.root, 'nope')} does not exist\n`,
    );
  });

  it('without -o a body past maxBodyMb is printed truncated with a note, and the spool is left empty', async () => {
    await mkdir(ws.dataDir, { recursive: true });
    await writeFile(join(ws.dataDir, 'settings.json'), JSON.stringify({ maxBodyMb: 0.5 }));
    const run = await tandem(ws.dataDir, ['send', `${server.url}/gzip`, '--profile', 'alice']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Body truncated at 512 KB (full size unknown); use -o FILE to save the whole body',
    );
    expect(run.stdout.length).toBeLessThan(MB);
    expect(await readdir(join(ws.dataDir, 'spool')).catch(() => [])).toEqual([]);
    await writeFile(join(ws.dataDir, 'settings.json'), '{}');
  });
});

describe('tandem send: a response that breaks HTTP', () => {
  it('names the header and the byte, and shows the status line and headers read (exit 1)', async () => {
    const run = await tandem(ws.dataDir, ['send', rawUrl, '--profile', 'alice']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'tandem: Bad response: the response header Set-Cookie contains the byte 0x00 (NUL), which HTTP forbids in a header; the status line and headers read so far are kept',
        '  what arrived before it broke:',
        '  HTTP/1.1 200 OK',
        '  Content-Type: text/plain',
        '  Set-Cookie: bad=a\\x00b',
        '',
      ].join('\n'),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDispatchers, send } from '../../../main/core/http/send';
import { startRawHeads } from '../../support/rawHeads';
import { contextFor, failure, get } from './servers';

/**
 * A response with a byte HTTP forbids in a header (issue 9 item 7) fails with a clear error naming
 * the header and the byte, and keeps the status line and the headers read so far. A raw TCP server
 * sends the bad bytes (node:http would refuse to).
 */
const HEADS: Record<string, string> = {
  '/nul':
    'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: bad=x\x00y; Path=/\r\nX-After: 1\r\nContent-Length: 2\r\n\r\nok',
  '/cr': 'HTTP/1.1 201 Created\r\nX-Request-Id: 42\r\nSet-Cookie: a=1\rb=2\r\nContent-Length: 0\r\n\r\n',
  '/esc': 'HTTP/1.1 200 OK\r\nX-Weird: a\x1bb\r\nContent-Length: 0\r\n\r\n',
  '/fine': 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nfine',
};

let heads: Awaited<ReturnType<typeof startRawHeads>>;
let base = '';

beforeAll(async () => {
  heads = await startRawHeads(HEADS);
  base = heads.base;
});

afterAll(async () => {
  await closeDispatchers();
  await heads.close();
});

describe('a malformed response header does not hide the response', () => {
  it('a NUL in a Set-Cookie: the error names the header and the byte, and keeps what was read', async () => {
    const err = await failure(send(get(`${base}/nul`), contextFor('alice')));
    expect(err.code).toBe('INVALID_RESPONSE');
    expect(err.message).toBe(
      'Bad response: the response header Set-Cookie contains the byte 0x00 (NUL), which HTTP forbids in a header; the status line and headers read so far are kept',
    );
    expect(err.toError().partial).toEqual({
      statusLine: 'HTTP/1.1 200 OK',
      headers: [
        ['Content-Type', 'text/plain'],
        ['Set-Cookie', 'a=1; Path=/'],
        ['Set-Cookie', 'bad=x\\x00y; Path=/'],
      ],
    });
  });

  it('a bare CR in a Set-Cookie', async () => {
    const err = await failure(send(get(`${base}/cr`), contextFor('alice')));
    expect(err.code).toBe('INVALID_RESPONSE');
    expect(err.message).toMatch(/the response header Set-Cookie contains the byte 0x0d \(CR\)/);
    expect(err.partial).toEqual({
      statusLine: 'HTTP/1.1 201 Created',
      headers: [
        ['X-Request-Id', '42'],
        ['Set-Cookie', 'a=1\\x0db=2'],
      ],
    });
  });

  it('another control byte in another header, then a good response on the same server', async () => {
    const err = await failure(send(get(`${base}/esc`), contextFor('alice')));
    expect(err.message).toMatch(/the response header X-Weird contains the byte 0x1b/);
    expect(err.partial?.headers).toEqual([['X-Weird', 'a\\x1bb']]);
    const ok = await send(get(`${base}/fine`), contextFor('alice'));
    expect(ok.body).toBe('fine');
  });
});

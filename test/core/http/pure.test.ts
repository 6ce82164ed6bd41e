import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decompressCapped } from '../../../main/core/http/decode';
import { mapNetworkError } from '../../../main/core/http/errors';
import { bypassesProxy, pickProxy, proxyEnv, refreshProxyEnv } from '../../../main/core/http/proxy';
import { decodeBody, headerPairs, headerValues, scanResponseHeaders } from '../../../main/core/http/response';

const url = new URL('http://127.0.0.1:5555/x');
const coded = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${code} happened`), { code, ...extra });

describe('mapNetworkError', () => {
  it('turns socket and DNS errors into one clear line', () => {
    expect(mapNetworkError(coded('ENOTFOUND'), new URL('http://nosuch.invalid/')).toError()).toEqual({
      code: 'DNS_FAILURE',
      message: 'Could not resolve host nosuch.invalid',
    });
    expect(
      mapNetworkError(coded('ECONNREFUSED', { address: '127.0.0.1', port: 5555 }), url).toError(),
    ).toEqual({
      code: 'CONNECTION_REFUSED',
      message: 'Connection refused by 127.0.0.1:5555',
    });
    expect(mapNetworkError(coded('ECONNREFUSED'), url).message).toBe('Connection refused by 127.0.0.1:5555');
    expect(mapNetworkError(coded('UND_ERR_SOCKET'), url).code).toBe('CONNECTION_RESET');
    expect(mapNetworkError(coded('ECONNRESET'), url).code).toBe('CONNECTION_RESET');
    expect(mapNetworkError(coded('UND_ERR_HEADERS_TIMEOUT'), url).code).toBe('TIMEOUT');
    expect(mapNetworkError(coded('UND_ERR_CONNECT_TIMEOUT'), url).code).toBe('TIMEOUT');
  });

  it('finds the code in a wrapped cause', () => {
    const outer = Object.assign(new Error('fetch failed'), { cause: coded('EAI_AGAIN') });
    expect(mapNetworkError(outer, url).code).toBe('DNS_FAILURE');
  });

  it('certificate problems become TLS_FAILURE with a hint to use insecure', () => {
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID']) {
      const f = mapNetworkError(coded(code), url);
      expect(f.code).toBe('TLS_FAILURE');
      expect(f.message).toContain('insecure');
      expect(f.message).not.toContain('\n');
    }
  });

  it('aborts are CANCELLED, proxy refusals are not', () => {
    expect(mapNetworkError(coded('UND_ERR_ABORTED'), url).code).toBe('CANCELLED');
    const proxy = Object.assign(new Error('Proxy response (403) !== 200 when HTTP Tunneling'), {
      code: 'UND_ERR_ABORTED',
    });
    expect(mapNetworkError(proxy, url).code).toBe('NETWORK_ERROR');
    expect(mapNetworkError(new Error('weird'), url).code).toBe('NETWORK_ERROR');
  });
});

describe('proxy choice', () => {
  it('prefers the explicit proxy, then the environment by scheme', () => {
    const env = { HTTPS_PROXY: 'http://secure:1', HTTP_PROXY: 'http://plain:2' };
    expect(pickProxy(new URL('https://a.test/'), 'http://explicit:3', env)).toBe('http://explicit:3');
    expect(pickProxy(new URL('https://a.test/'), null, env)).toBe('http://secure:1');
    expect(pickProxy(new URL('http://a.test/'), null, env)).toBe('http://plain:2');
    expect(pickProxy(new URL('https://a.test/'), null, { http_proxy: 'http://low:4' })).toBe('http://low:4');
    expect(pickProxy(new URL('http://a.test/'), null, { HTTPS_PROXY: 'http://secure:1' })).toBeNull();
  });

  it('honours NO_PROXY for proxies from the environment', () => {
    const env = { HTTP_PROXY: 'http://p:1', NO_PROXY: 'localhost, .internal.test,10.0.0.1,api.test:8080' };
    expect(pickProxy(new URL('http://localhost:3000/'), null, env)).toBeNull();
    expect(pickProxy(new URL('http://x.internal.test/'), null, env)).toBeNull();
    expect(pickProxy(new URL('http://internal.test/'), null, env)).toBeNull();
    expect(pickProxy(new URL('http://10.0.0.1/'), null, env)).toBeNull();
    expect(pickProxy(new URL('http://api.test:8080/'), null, env)).toBeNull();
    expect(pickProxy(new URL('http://api.test:9090/'), null, env)).toBe('http://p:1');
    expect(pickProxy(new URL('http://notinternal.test/'), null, env)).toBe('http://p:1');
    expect(bypassesProxy(new URL('http://anything/'), '*')).toBe(true);
    expect(bypassesProxy(new URL('http://[::1]:80/'), '[::1]')).toBe(true);
  });

  it('reads the proxy variables from process.env once, until refreshed', () => {
    const saved = process.env.HTTP_PROXY;
    try {
      process.env.HTTP_PROXY = 'http://first:1';
      refreshProxyEnv();
      expect(proxyEnv().HTTP_PROXY).toBe('http://first:1');
      process.env.HTTP_PROXY = 'http://second:2';
      expect(proxyEnv().HTTP_PROXY).toBe('http://first:1');
      refreshProxyEnv();
      expect(pickProxy(new URL('http://a.test/'), null, proxyEnv())).toBe('http://second:2');
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = saved;
      refreshProxyEnv();
    }
  });
});

describe('response decoding', () => {
  it('keeps raw header pairs in order with repeats', () => {
    const pairs = headerPairs([
      Buffer.from('Set-Cookie'),
      Buffer.from('a=1'),
      Buffer.from('X'),
      Buffer.from('y'),
      Buffer.from('set-cookie'),
      Buffer.from('b=2'),
    ]);
    expect(pairs).toEqual([
      ['Set-Cookie', 'a=1'],
      ['X', 'y'],
      ['set-cookie', 'b=2'],
    ]);
    expect(headerValues(pairs, 'set-cookie')).toEqual(['a=1', 'b=2']);
  });

  it('reads Set-Cookie, Location, Content-Type and Content-Encoding in one pass, first value wins', () => {
    const headers: Array<[string, string]> = [
      ['Content-Type', 'application/json'],
      ['SET-COOKIE', 'a=1'],
      ['location', '/next'],
      ['Set-Cookie', 'b=2'],
      ['Location', '/other'],
      ['content-type', 'text/plain'],
      ['X-Location', 'no'],
      ['Content-Encoding', 'gzip'],
    ];
    expect(scanResponseHeaders(headers)).toEqual({
      setCookie: ['a=1', 'b=2'],
      location: '/next',
      contentType: 'application/json',
      contentEncoding: 'gzip',
    });
    expect(scanResponseHeaders([])).toEqual({
      setCookie: [],
      location: null,
      contentType: null,
      contentEncoding: null,
    });
  });

  it('undoes gzip, deflate (zlib and raw) and br; leaves unknown codings alone; never inflates past the cap', async () => {
    const text = Buffer.from('{"hello":"world"}');
    const whole = async (body: Buffer, enc: string | null) => (await decompressCapped(body, enc, 1000)).bytes;
    expect((await whole(zlib.gzipSync(text), 'gzip')).toString()).toBe(text.toString());
    expect((await whole(zlib.deflateSync(text), 'deflate')).toString()).toBe(text.toString());
    expect((await whole(zlib.deflateRawSync(text), 'deflate')).toString()).toBe(text.toString());
    expect((await whole(zlib.brotliCompressSync(text), 'br')).toString()).toBe(text.toString());
    expect((await whole(zlib.gzipSync(zlib.brotliCompressSync(text)), 'br, gzip')).toString()).toBe(
      text.toString(),
    );
    expect(await whole(text, 'zstd-unknown')).toBe(text);
    expect(await whole(text, 'gzip')).toBe(text);
    const zeros = Buffer.alloc(1 << 20);
    for (const [enc, packed] of [
      ['gzip', zlib.gzipSync(zeros)],
      ['deflate', zlib.deflateSync(zeros)],
      ['deflate', zlib.deflateRawSync(zeros)],
      ['br', zlib.brotliCompressSync(zeros)],
    ] as const) {
      const capped = await decompressCapped(packed, enc, 4096);
      expect({ enc, length: capped.bytes.length, truncated: capped.truncated }).toEqual({
        enc,
        length: 4096,
        truncated: true,
      });
    }
  });

  it('decodes text types as utf-8 and binary as base64', () => {
    expect(decodeBody(Buffer.from('héllo'), 'text/plain; charset=utf-8')).toEqual({
      body: 'héllo',
      bodyEncoding: 'utf8',
    });
    expect(decodeBody(Buffer.from('{}'), 'application/problem+json')).toEqual({
      body: '{}',
      bodyEncoding: 'utf8',
    });
    expect(decodeBody(Buffer.from('<a/>'), 'application/xml')).toEqual({
      body: '<a/>',
      bodyEncoding: 'utf8',
    });
    expect(decodeBody(Buffer.from('x'), 'application/javascript').bodyEncoding).toBe('utf8');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]);
    expect(decodeBody(png, 'image/png')).toEqual({ body: png.toString('base64'), bodyEncoding: 'base64' });
    expect(decodeBody(png, null).bodyEncoding).toBe('base64');
    expect(decodeBody(Buffer.from('plain'), null).bodyEncoding).toBe('utf8');
  });
});

import { execFileSync } from 'node:child_process';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { countdown, decodeCookieValue } from '../../main/shared/cookieDecode';
import { lintCookie } from '../../main/shared/cookieInfo';

/**
 * Tokens made by the real libraries: itsdangerous 2.2 / Flask 3.1 (python3-itsdangerous,
 * python3-flask) at 2026-11-27T13:28:05Z (timestamp part `awmFZQ`); Starlette's SessionMiddleware
 * signs base64(json) with itsdangerous's TimestampSigner, done here the same way.
 */
const FLASK = 'eyJ1c2VyIjoiYWxpY2UiLCJyb2xlIjoiYWRtaW4ifQ.awmFZQ.jd0dEfaehFKIPaiDQr1GZEqbFvA';
const FLASK_ZLIB = '.eJyrViotTi1SslJKzMlMTlXSUSpITAHyKoYJUKoFAGoAZVs.awmFZQ.WvfAYwJT6C2CKNkFJL5wJ-t4VKg';
const STARLETTE = 'eyJ1c2VyIjogImJvYiIsICJuIjogMX0=.awmFZQ.8LcnXF7fW9TL7bKn_xyrKVj-MVU';
const SIGNED_AT = '2026-11-27T13:28:05.000Z';

function python(script: string): string | null {
  try {
    return execFileSync('python3', ['-c', script], { encoding: 'utf8', timeout: 30_000 }).trim();
  } catch {
    return null;
  }
}

describe('decodeCookieValue', () => {
  it('decodes a JWT: header, payload, iat and exp', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sub: 'alice', role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .sign(new TextEncoder().encode('a secret of at least 32 bytes....'));
    const d = await decodeCookieValue(token);
    expect(d?.kind).toBe('jwt');
    expect(d?.label).toBe('JWT (HS256)');
    expect(d?.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(d?.payload).toMatchObject({ sub: 'alice', role: 'admin' });
    expect(d?.expiresAt).toBe(new Date((iat + 600) * 1000).toISOString());
    expect(countdown(d?.expiresAt as string, iat * 1000)).toBe('expires in 10 min 0 s');
    expect(countdown(d?.expiresAt as string, (iat + 7800) * 1000)).toBe('expired 2 h 0 min ago');
  });

  it('decodes Flask sessions, plain and zlib-compressed, with their timestamp', async () => {
    const plain = await decodeCookieValue(FLASK);
    expect(plain).toMatchObject({ kind: 'itsdangerous', payload: { user: 'alice', role: 'admin' } });
    expect(plain?.signedAt).toBe(SIGNED_AT);
    const zlib = await decodeCookieValue(FLASK_ZLIB);
    expect(zlib?.payload).toEqual({ user: 'alice', pad: 'x'.repeat(200) });
    expect(zlib?.label).toContain('zlib');
  });

  it('decodes a Starlette signed session (standard base64 with padding)', async () => {
    const d = await decodeCookieValue(STARLETTE);
    expect(d).toMatchObject({ kind: 'itsdangerous', payload: { user: 'bob', n: 1 }, signedAt: SIGNED_AT });
  });

  it('decodes a session itsdangerous signs right now (when python3-itsdangerous is there)', async () => {
    const out = python(
      'import itsdangerous,json,base64,time;print(itsdangerous.TimestampSigner("s").sign(base64.b64encode(json.dumps({"who":"carol"}).encode())).decode());print(int(time.time()))',
    );
    if (out === null) return;
    const [token, now] = out.split('\n');
    const d = await decodeCookieValue(token);
    expect(d?.payload).toEqual({ who: 'carol' });
    expect(Math.abs(Date.parse(d?.signedAt as string) / 1000 - Number(now))).toBeLessThanOrEqual(1);
  });

  it('decodes Express cookie-session (base64 JSON) and URL-encoded values', async () => {
    const value = Buffer.from(JSON.stringify({ userId: 7, views: 3 })).toString('base64');
    expect(await decodeCookieValue(value)).toMatchObject({
      kind: 'cookie-session',
      payload: { userId: 7, views: 3 },
    });
    expect((await decodeCookieValue(encodeURIComponent(value)))?.payload).toEqual({ userId: 7, views: 3 });
  });

  it('leaves plain values alone', async () => {
    for (const v of ['abc123', 'sess-alice-1', '', 'a.b.c', 'eyJub3QiOiJqd3QifQ.x.y', 'dGVzdA=='])
      expect(await decodeCookieValue(v)).toBeNull();
  });
});

describe('lintCookie', () => {
  const base = {
    value: 'x',
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax' as const,
    hostOnly: true,
  };
  const codes = (c: Parameters<typeof lintCookie>[0]) => lintCookie(c).map((w) => w.code);

  it('a session-like cookie without HttpOnly or Secure', () => {
    expect(codes({ ...base, name: 'sessionid', httpOnly: false, secure: false })).toEqual([
      'session-httponly',
      'session-secure',
    ]);
    expect(lintCookie({ ...base, name: 'sessionid', httpOnly: false })[0].message).toMatch(/script/);
    expect(codes({ ...base, name: 'theme', httpOnly: false, secure: false })).toEqual([]);
  });

  it('SameSite=None without Secure', () => {
    expect(codes({ ...base, name: 'pref', sameSite: 'None', secure: false })).toEqual(['samesite-none']);
    expect(codes({ ...base, name: 'pref', sameSite: 'None' })).toEqual([]);
  });

  it('broken __Host- and __Secure- prefixes', () => {
    const w = lintCookie({ ...base, name: '__Host-id', path: '/app', hostOnly: false });
    expect(w.map((x) => x.code)).toEqual(['host-prefix']);
    expect(w[0].message).toContain('has a Domain, Path is /app');
    expect(codes({ ...base, name: '__Host-id' })).toEqual([]);
    expect(codes({ ...base, name: '__Secure-pref', secure: false })).toEqual(['secure-prefix']);
  });

  it('more than 4096 bytes', () => {
    expect(codes({ ...base, name: 'big', value: 'v'.repeat(4093) })).toEqual([]);
    const w = lintCookie({ ...base, name: 'big', value: 'v'.repeat(4094) });
    expect(w.map((x) => x.code)).toEqual(['size']);
    expect(w[0].message).toContain('4097 bytes');
  });
});

import { describe, expect, it } from 'vitest';
import { mergeCookies, parseCookieHeader, validateRequestCookie } from '../../../main/core/cookies/merge';

describe('mergeCookies', () => {
  it('sends the jar cookies alone as one header', () => {
    const r = mergeCookies(
      [
        { name: 'session', value: 'abc' },
        { name: 'theme', value: 'dark' },
      ],
      null,
      [],
    );
    expect(r.header).toBe('session=abc; theme=dark');
    expect(r.sent).toEqual([
      { name: 'session', value: 'abc', source: 'jar' },
      { name: 'theme', value: 'dark', source: 'jar' },
    ]);
  });

  it('returns no header when there is nothing to send', () => {
    expect(mergeCookies([], null, [])).toEqual({ header: null, sent: [] });
    expect(mergeCookies([], '  ', [{ name: 'x', value: '1', enabled: false }])).toEqual({
      header: null,
      sent: [],
    });
  });

  it('a per-request cookie replaces every jar cookie of the same name', () => {
    const r = mergeCookies(
      [
        { name: 'session', value: 'long-path' },
        { name: 'other', value: '1' },
        { name: 'session', value: 'root' },
      ],
      null,
      [{ name: 'session', value: 'mine' }],
    );
    expect(r.header).toBe('other=1; session=mine');
    expect(r.sent.map((c) => c.source)).toEqual(['jar', 'request']);
  });

  it('typed header entries override the jar, per-request cookies override both', () => {
    const r = mergeCookies(
      [
        { name: 'a', value: 'jar' },
        { name: 'b', value: 'jar' },
        { name: 'c', value: 'jar' },
      ],
      'b=typed; c=typed; d=typed',
      [{ name: 'c', value: 'request' }],
    );
    expect(r.header).toBe('a=jar; b=typed; d=typed; c=request');
    expect(r.sent).toEqual([
      { name: 'a', value: 'jar', source: 'jar' },
      { name: 'b', value: 'typed', source: 'header' },
      { name: 'd', value: 'typed', source: 'header' },
      { name: 'c', value: 'request', source: 'request' },
    ]);
  });

  it('keeps bare typed entries as typed and skips disabled per-request cookies', () => {
    const r = mergeCookies([], 'flag; x=1', [{ name: 'y', value: '2', enabled: false }]);
    expect(r.header).toBe('flag; x=1');
  });
});

describe('parseCookieHeader', () => {
  it('splits on semicolons and keeps "=" inside values', () => {
    expect(parseCookieHeader(' a=1;b = x=y ;; c')).toEqual([
      { name: 'a', value: '1', bare: false },
      { name: 'b', value: 'x=y', bare: false },
      { name: 'c', value: '', bare: true },
    ]);
  });
});

describe('validateRequestCookie', () => {
  it('names the cookie with a bad name or value', () => {
    expect(() => validateRequestCookie({ name: 'bad name', value: '1' })).toThrow('"bad name"');
    expect(() => validateRequestCookie({ name: 'ok', value: 'a;b' })).toThrow('cookie "ok"');
    expect(() => validateRequestCookie({ name: '', value: 'a' })).toThrow('Invalid cookie name');
    expect(() => validateRequestCookie({ name: 'ok', value: 'a b,c' })).not.toThrow();
  });
});

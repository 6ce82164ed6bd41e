import { describe, expect, it } from 'vitest';
import { decideRedirect, type RedirectInput } from '../../../main/core/http/redirect-policy';

const base: RedirectInput = {
  status: 302,
  method: 'GET',
  url: 'http://app.test/login',
  location: '/home',
  followRedirects: true,
  followed: 0,
  maxRedirects: 10,
};

describe('decideRedirect', () => {
  it('a 200 is not a redirect, nor is a 304', () => {
    expect(decideRedirect({ ...base, status: 200 })).toEqual({ kind: 'stop', reason: 'not-redirect' });
    expect(decideRedirect({ ...base, status: 304 })).toEqual({ kind: 'stop', reason: 'not-redirect' });
  });

  it('resolves a relative Location against the hop URL', () => {
    const d = decideRedirect({ ...base, url: 'http://app.test/a/b?x=1', location: 'c?y=2' });
    expect(d).toMatchObject({ kind: 'follow', url: 'http://app.test/a/c?y=2', crossOrigin: false });
    expect(decideRedirect({ ...base, url: 'https://app.test/', location: '//other.test/p' })).toMatchObject({
      kind: 'follow',
      url: 'https://other.test/p',
      crossOrigin: true,
    });
    expect(decideRedirect({ ...base, location: null })).toEqual({ kind: 'stop', reason: 'no-location' });
    expect(decideRedirect({ ...base, location: '  ' })).toEqual({ kind: 'stop', reason: 'no-location' });
  });

  it('303 turns POST (and PUT) into a GET without body; HEAD stays HEAD', () => {
    expect(decideRedirect({ ...base, status: 303, method: 'POST' })).toMatchObject({
      method: 'GET',
      dropBody: true,
    });
    expect(decideRedirect({ ...base, status: 303, method: 'PUT' })).toMatchObject({
      method: 'GET',
      dropBody: true,
    });
    expect(decideRedirect({ ...base, status: 303, method: 'HEAD' })).toMatchObject({ method: 'HEAD' });
  });

  it('301/302 turn POST into GET; GET stays GET; other methods keep method and body (Fetch standard)', () => {
    for (const status of [301, 302]) {
      expect(decideRedirect({ ...base, status, method: 'POST' })).toMatchObject({
        method: 'GET',
        dropBody: true,
      });
      expect(decideRedirect({ ...base, status, method: 'GET' })).toMatchObject({
        method: 'GET',
        dropBody: false,
      });
      expect(decideRedirect({ ...base, status, method: 'DELETE' })).toMatchObject({
        method: 'DELETE',
        dropBody: false,
      });
    }
  });

  it('307/308 keep the method and the body', () => {
    for (const status of [307, 308])
      expect(decideRedirect({ ...base, status, method: 'POST' })).toMatchObject({
        kind: 'follow',
        method: 'POST',
        dropBody: false,
      });
  });

  it('flags a redirect to another origin (Authorization must not follow)', () => {
    expect(decideRedirect({ ...base, location: 'http://evil.test/' })).toMatchObject({ crossOrigin: true });
    expect(decideRedirect({ ...base, location: 'https://app.test/' })).toMatchObject({ crossOrigin: true });
    expect(decideRedirect({ ...base, location: 'http://app.test:80/x' })).toMatchObject({
      crossOrigin: false,
    });
  });

  it('stops at the limit with TOO_MANY_REDIRECTS', () => {
    expect(decideRedirect({ ...base, followed: 10 })).toEqual({
      kind: 'error',
      code: 'TOO_MANY_REDIRECTS',
      message: 'Stopped after 10 redirects',
    });
    expect(decideRedirect({ ...base, followed: 9 }).kind).toBe('follow');
    expect(decideRedirect({ ...base, maxRedirects: 0 })).toMatchObject({
      message: 'Stopped after 0 redirects',
    });
  });

  it('returns the 3xx itself when following is off, without location or to a non-http scheme', () => {
    expect(decideRedirect({ ...base, followRedirects: false })).toEqual({
      kind: 'stop',
      reason: 'disabled',
      location: 'http://app.test/home',
    });
    expect(decideRedirect({ ...base, location: null })).toEqual({ kind: 'stop', reason: 'no-location' });
    expect(decideRedirect({ ...base, location: 'myapp://callback' })).toMatchObject({
      kind: 'stop',
      reason: 'unsupported-scheme',
    });
  });

  it('reports an unparseable Location as INVALID_URL', () => {
    expect(decideRedirect({ ...base, location: 'http://[bad' })).toMatchObject({
      kind: 'error',
      code: 'INVALID_URL',
    });
  });
});

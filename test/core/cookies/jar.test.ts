import { describe, expect, it } from 'vitest';
import { type CookieChange, ProfileJar } from '../../../main/core/cookies/jar';
import { TandemFailure } from '../../../main/shared/errors';

const url = 'http://app.test/account';

describe('ProfileJar', () => {
  it('a Max-Age cookie expires: stored two seconds ago with Max-Age=1, it is no longer sent', () => {
    const jar = new ProfileJar();
    const twoSecondsAgo = new Date(Date.now() - 2000);
    expect(jar.storeSetCookie('short=1; Max-Age=1', url, twoSecondsAgo).outcome).toBe('stored');
    expect(jar.storeSetCookie('long=1; Max-Age=60', url, twoSecondsAgo).outcome).toBe('stored');
    expect(jar.cookiesFor(url).map((c) => c.key)).toEqual(['long']);
    expect(jar.list().map((c) => c.name)).toEqual(['long']);
  });

  it('orders cookies for a URL by path length, then by age', () => {
    const jar = new ProfileJar();
    const t = Date.now();
    jar.storeSetCookie('a=root-old; Path=/', url, new Date(t - 3000));
    jar.storeSetCookie('b=root-new; Path=/', url, new Date(t - 1000));
    jar.storeSetCookie('c=deep; Path=/account', url, new Date(t - 500));
    expect(jar.cookiesFor(url).map((c) => c.key)).toEqual(['c', 'a', 'b']);
    expect(jar.cookiesFor('http://app.test/').map((c) => c.key)).toEqual(['a', 'b']);
  });

  it('reports every change so the store can journal it, and replays without echo', () => {
    const jar = new ProfileJar();
    const changes: CookieChange[] = [];
    jar.onChange((c) => changes.push(c));
    jar.storeSetCookie('s=1; Path=/', url);
    jar.set({ name: 'typed', value: 'v', domain: 'app.test' });
    jar.delete({ domain: 'app.test', path: '/', name: 's' });
    expect(changes.map((c) => c.op)).toEqual(['set', 'set', 'delete']);

    const replica = new ProfileJar();
    const echoed: CookieChange[] = [];
    replica.onChange((c) => echoed.push(c));
    for (const c of changes) replica.apply(c);
    expect(echoed).toEqual([]);
    expect(replica.list().map((c) => c.name)).toEqual(['typed']);
  });

  it('rejects a malformed Set-Cookie without throwing', () => {
    const jar = new ProfileJar();
    const r = jar.storeSetCookie('=novalue', url);
    expect(r.outcome).toBe('rejected');
    expect(jar.size).toBe(0);
  });

  it('validates what the user types and changes nothing on error', () => {
    const jar = new ProfileJar();
    jar.set({ name: 'ok', value: '1', domain: 'app.test' });
    for (const bad of [
      { name: 'bad name', value: '1', domain: 'app.test' },
      { name: 'x', value: 'a;b', domain: 'app.test' },
      { name: 'x', value: '1', domain: '.co.uk' },
      { name: 'x', value: '1', domain: 'app.test', path: 'nope' },
      { name: 'x', value: '1', domain: 'app.test', expires: 'someday' },
    ]) {
      expect(() => jar.set(bad)).toThrow(TandemFailure);
    }
    expect(jar.list().map((c) => c.name)).toEqual(['ok']);
  });

  it('a typed domain cookie (leading dot) reaches subdomains; clear(domain) removes only that domain', () => {
    const jar = new ProfileJar();
    jar.set({ name: 'wide', value: '1', domain: '.app.test' });
    jar.set({ name: 'elsewhere', value: '1', domain: 'other.test' });
    expect(jar.cookiesFor('http://api.app.test/').map((c) => c.key)).toEqual(['wide']);
    expect(jar.clear('app.test')).toBe(1);
    expect(jar.list().map((c) => c.name)).toEqual(['elsewhere']);
  });
});

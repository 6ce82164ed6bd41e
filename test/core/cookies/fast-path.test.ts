import fc from 'fast-check';
import { Cookie, CookieJar, MemoryCookieStore } from 'tough-cookie';
import { describe, expect, it } from 'vitest';
import { fastParseSetCookie } from '../../../main/core/cookies/fast-path';
import { ProfileJar, toCookieView } from '../../../main/core/cookies/jar';
import { JarStore } from '../../../main/core/cookies/jar-store';
import type { SetCookieRecord } from '../../../main/shared/types';

/**
 * ProfileJar takes a fast path where it applies (the usual Set-Cookie shapes and hosts) and
 * tough-cookie's own rules elsewhere, whatever form the URL comes in; a jar that is tough-cookie
 * alone, the reference, must agree with it on everything.
 */
/** tough-cookie alone, with ProfileJar's options and its outcome rules (stored / deleted / rejected). */
function referenceJar() {
  const store = new MemoryCookieStore();
  const jar = new CookieJar(store, {
    rejectPublicSuffixes: true,
    allowSpecialUseDomain: true,
    allowSecureOnLocal: true,
    looseMode: false,
  });
  const expired = (c: Cookie, now: number) => {
    const t = c.expiryTime();
    return t !== undefined && t <= now;
  };
  return {
    storeSetCookie(raw: string, url: string, now: Date): Pick<SetCookieRecord, 'outcome' | 'cookie'> {
      const parsed = Cookie.parse(raw, { loose: false });
      if (!parsed) return { outcome: 'rejected', cookie: null };
      let stored: Cookie | undefined;
      try {
        stored = jar.setCookieSync(parsed, url, { http: true, now, ignoreError: false });
      } catch {
        return { outcome: 'rejected', cookie: toCookieView(parsed) };
      }
      if (!stored) return { outcome: 'rejected', cookie: toCookieView(parsed) };
      if (expired(stored, now.getTime())) {
        store.removeCookie(stored.domain ?? '', stored.path ?? '/', stored.key, () => {});
        return { outcome: 'deleted', cookie: toCookieView(stored) };
      }
      return { outcome: 'stored', cookie: toCookieView(stored) };
    },
    list() {
      const all: Cookie[] = [];
      store.getAllCookies((_e, cookies) => all.push(...(cookies ?? [])));
      return all
        .filter((c) => !expired(c, Date.now()))
        .map(toCookieView)
        .sort(
          (a, b) =>
            a.domain.localeCompare(b.domain) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name),
        );
    },
    cookiesFor(url: string) {
      return jar.getCookiesSync(url, { sort: true, expire: true, http: true });
    },
  };
}

const URLS = [
  'http://127.0.0.1:4000/',
  'http://127.0.0.1:4000/json?i=1',
  'http://localhost/a/b',
  'http://sub.localhost/x',
  'https://app.test/x/y',
  'http://app.test/',
  'http://app.test/x/y/z?q=1',
  'http://api.app.test/x',
  'https://www.example.co.uk/shop/',
  'http://example.co.uk/',
  'http://[::1]:8080/v6',
  'http://app.test/%7Euser/page',
  'http://APP.test/Case',
  'http://.app.test/leading-dot',
  'http://Bücher.example/idn',
];
const NAMES = ['a', 'b', 'sid', '__Secure-x', '__Host-y', '__host-z'];
const ATTRS = [
  'Path=/',
  'Path=/x',
  'Path=/x/y',
  'Path=x',
  'Domain=app.test',
  'Domain=.app.test',
  'Domain=co.uk',
  'Domain=example.co.uk',
  'Domain=localhost',
  'Secure',
  'HttpOnly',
  'Max-Age=0',
  'Max-Age=100',
  'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
  'Expires=Fri, 01 Jan 2100 00:00:00 GMT',
  'SameSite=Lax',
  'SameSite=None',
  'path=/x',
  'secure',
  'samesite=strict',
  'Max-Age=-1',
  'Max-Age=abc',
  'Domain=.APP.test',
  'Priority=High',
];

const setCookie = fc
  .tuple(
    fc.constantFrom(...NAMES),
    fc.stringMatching(/^[a-z0-9]{0,4}$/),
    fc.subarray(ATTRS, { maxLength: 4 }),
  )
  .map(([n, v, attrs]) => [`${n}=${v}`, ...attrs].join('; '));

const step = fc.tuple(fc.constantFrom(...URLS), setCookie);

describe('ProfileJar fast path agrees with tough-cookie', () => {
  it('property: same outcomes, same stored cookies, same Cookie order for every URL', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const fast = new ProfileJar();
        const slow = referenceJar();
        const base = Date.now() - 100_000;
        steps.forEach(([url, raw], i) => {
          const now = new Date(base + i * 1000);
          // Strings and URL objects take the same path (no implementation chosen by the argument's type).
          const a = fast.storeSetCookie(raw, i % 2 ? url : new URL(url), now);
          const b = slow.storeSetCookie(raw, url, now);
          // A rejected cookie's times come from its parse time, which differs by a tick between the jars.
          const view = (r: Pick<typeof a, 'outcome' | 'cookie'>) =>
            r.outcome === 'rejected' && r.cookie
              ? { name: r.cookie.name, value: r.cookie.value, domain: r.cookie.domain, path: r.cookie.path }
              : r.cookie;
          expect({ raw, url, outcome: a.outcome, cookie: view(a) }).toEqual({
            raw,
            url,
            outcome: b.outcome,
            cookie: view(b),
          });
        });
        expect(fast.list()).toEqual(slow.list());
        for (const url of URLS) {
          const a = fast.cookiesFor(new URL(url)).map((c) => `${c.domain}|${c.path}|${c.key}=${c.value}`);
          const b = slow.cookiesFor(url).map((c) => `${c.domain}|${c.path}|${c.key}=${c.value}`);
          expect({ url, cookies: a }).toEqual({ url, cookies: b });
        }
      }),
      { numRuns: Number(process.env.FAST_PATH_RUNS ?? 150) },
    );
  });

  it('property: a tough-cookie CookieJar on our JarStore behaves as on its own MemoryCookieStore', () => {
    const options = { rejectPublicSuffixes: true, allowSpecialUseDomain: true, allowSecureOnLocal: true };
    const op = fc.oneof(
      step.map(([url, raw]) => ({ kind: 'set' as const, url, raw })),
      fc.constantFrom(...URLS).map((url) => ({ kind: 'remove' as const, url })),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const ours = new CookieJar(new JarStore(), options);
        const theirs = new CookieJar(new MemoryCookieStore(), options);
        const base = Date.now() - 100_000;
        ops.forEach((o, i) => {
          const now = new Date(base + i * 1000);
          if (o.kind === 'set') {
            const a = ours.setCookieSync(o.raw, o.url, { now, ignoreError: true })?.toString();
            const b = theirs.setCookieSync(o.raw, o.url, { now, ignoreError: true })?.toString();
            expect({ raw: o.raw, url: o.url, stored: a }).toEqual({ raw: o.raw, url: o.url, stored: b });
          } else {
            // Remove every cookie that would be sent to this URL (through the Store API).
            for (const jar of [ours, theirs])
              for (const c of jar.getCookiesSync(o.url, { expire: false }))
                jar.store.removeCookie(c.domain, c.path, c.key, () => {});
          }
        });
        const all = (jar: CookieJar) =>
          jar.serializeSync()?.cookies.map(({ creation: _c, lastAccessed: _l, ...c }) => c);
        expect(all(ours)).toEqual(all(theirs));
        for (const url of URLS)
          expect({ url, sent: ours.getCookieStringSync(url) }).toEqual({
            url,
            sent: theirs.getCookieStringSync(url),
          });
      }),
      { numRuns: Number(process.env.FAST_PATH_RUNS ?? 150) },
    );
  });

  it('property: the fast Set-Cookie parser gives exactly what tough-cookie parses, or hands it over', () => {
    const piece = fc.oneof(
      fc.constantFrom(...ATTRS, '', ' ', 'Path', 'Path=', 'Domain=', 'Domain=.', 'Max-Age=', 'Max-Age=0x10'),
      fc.constantFrom('SameSite', 'SameSite=', 'SAMESITE=LAX', 'Expires=Fri, 01 Jan 2100 00:00:00 GMT'),
      fc.constantFrom(' HttpOnly ', 'Secure=yes', 'x', 'a=b=c', '\tSecure', 'Path=/\u00e9'),
      fc.string({ maxLength: 6 }),
    );
    const pair = fc.oneof(
      fc
        .tuple(fc.constantFrom(...NAMES, '', ' a ', 'A b'), fc.string({ maxLength: 5 }))
        .map(([n, v]) => `${n}=${v}`),
      fc.string({ maxLength: 8 }),
      fc.constantFrom('=v', 'noequals', ' s = "q" ', 'a=\u0001', 'a=1\r\nX: y', 'a=b=c'),
    );
    const raw = fc
      .tuple(pair, fc.array(piece, { maxLength: 5 }), fc.constantFrom('; ', ';', ' ;'))
      .map(([p, rest, sep]) => [p, ...rest].join(sep));
    const plain = (c: Cookie | null | undefined) => {
      if (!c) return c ?? null;
      const { creation: _c, lastAccessed: _l, ...rest } = c.toJSON();
      return { ...rest, pathIsDefault: c.pathIsDefault, hostOnly: c.hostOnly };
    };
    let fastHits = 0;
    fc.assert(
      fc.property(raw, (header) => {
        const fast = fastParseSetCookie(header);
        if (!fast) return;
        fastHits++;
        expect({ header, cookie: plain(fast) }).toEqual({
          header,
          cookie: plain(Cookie.parse(header, { loose: false })),
        });
      }),
      { numRuns: 2000 },
    );
    // The generator must reach the fast parser often, or this test proves nothing.
    expect(fastHits).toBeGreaterThan(200);
  });

  it('drops and reports an expired cookie when reading through the fast path', () => {
    const jar = new ProfileJar();
    const changes: string[] = [];
    jar.onChange((c) => changes.push(c.op));
    jar.storeSetCookie('old=1; Max-Age=1', new URL('http://app.test/'), new Date(Date.now() - 5000));
    expect(jar.cookiesFor(new URL('http://app.test/'))).toEqual([]);
    expect(changes).toEqual(['set', 'delete']);
  });
});

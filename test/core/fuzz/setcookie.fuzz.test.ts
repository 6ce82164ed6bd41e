import fc from 'fast-check';
import { CookieJar } from 'tough-cookie';
import { describe, expect, it } from 'vitest';
import { ProfileJar } from '../../../main/core/cookies/jar';
import { RUNS } from './fuzz';

/**
 * Set-Cookie parsing, fuzzed against tough-cookie: for any header on any of these URLs, the
 * profile jar (on the engine's fast path, URL objects) keeps exactly the cookies tough-cookie's
 * own CookieJar keeps, with the same attributes, and never throws.
 */

const URLS = [
  'http://127.0.0.1:4000/',
  'http://localhost/a/b',
  'https://app.test/x/y',
  'http://app.test/',
  'http://api.app.test/x?q=1',
  'https://www.example.co.uk/shop/',
  'http://[::1]:8080/v6',
];
const token = fc.constantFrom(
  'sid',
  'a',
  '__Secure-x',
  '__Host-y',
  '',
  ' ',
  '=',
  ';',
  '"',
  ',',
  'Path=/',
  'Path=/x',
  'Path=x',
  'Domain=app.test',
  'Domain=.app.test',
  'Domain=co.uk',
  'Domain=localhost',
  'Domain=127.0.0.1',
  'Secure',
  'HttpOnly',
  'Max-Age=0',
  'Max-Age=60',
  'Max-Age=-1',
  'Max-Age=1e3',
  'Expires=Fri, 01 Jan 2100 00:00:00 GMT',
  'Expires=Thu, 01 Jan 1970 00:00:00 GMT',
  'Expires=nonsense',
  'SameSite=Lax',
  'SameSite=None',
  'SameSite=bogus',
  '\t',
  '\u0000',
  '\r',
  '\u00e9',
  '😀',
);
const header = fc
  .array(fc.oneof(token, fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), {
    minLength: 1,
    maxLength: 10,
  })
  .chain((parts) =>
    fc.constantFrom('; ', ';', '=', '').map((sep) => {
      const [first, ...rest] = parts;
      return `${first}=${rest.join(sep)}`;
    }),
  );

function seen(
  cookies: Array<{
    key?: string;
    name?: string;
    value: string;
    domain?: string | null;
    path?: string | null;
    secure?: boolean;
    httpOnly?: boolean;
  }>,
) {
  return cookies
    .map((c) => `${c.domain}|${c.path}|${'key' in c ? c.key : c.name}=${c.value}|${c.secure}|${c.httpOnly}`)
    .sort();
}

describe('fuzz: Set-Cookie against tough-cookie', () => {
  it(`${RUNS} random headers: same cookies kept as tough-cookie, never a throw`, () => {
    let stored = 0;
    fc.assert(
      fc.property(header, fc.constantFrom(...URLS), (raw, url) => {
        const now = new Date();
        const ours = new ProfileJar();
        const record = ours.storeSetCookie(raw, new URL(url), now);
        expect(['stored', 'deleted', 'rejected']).toContain(record.outcome);
        if (record.outcome === 'rejected') expect(record.reason).toBeTruthy();
        const ref = new CookieJar();
        try {
          ref.setCookieSync(raw, url, { http: true, now, ignoreError: false });
        } catch {
          /* rejected by tough-cookie too */
        }
        const theirs = ref.getCookiesSync(url, { http: true, expire: true, allPaths: true });
        const mine = ours.all(now.getTime());
        expect({ raw, url, cookies: seen(mine) }).toEqual({ raw, url, cookies: seen(theirs) });
        if (mine.length) stored++;
      }),
      { numRuns: RUNS },
    );
    // The generator must make cookies that are kept, or this proves little.
    expect(stored).toBeGreaterThan(RUNS / 20);
  });
});

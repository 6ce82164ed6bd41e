import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonCookies, parseNetscape, toJson, toNetscape } from '../../../main/core/cookies/transfer';
import type { CookieView } from '../../../main/shared/types';
import { expectOneLine, RUNS } from './fuzz';

/**
 * cookies.txt and JSON import, fuzzed: any text either imports or is refused with one clear
 * line (INVALID_FILE, exit 2); and any cookie the jar can hold survives export → import
 * unchanged (nothing lost).
 */

const field = fc.oneof(
  fc.constantFrom(
    'localhost',
    '.app.test',
    'app.test',
    '',
    'TRUE',
    'FALSE',
    '/',
    '/x',
    '0',
    '4102444800',
    '-1',
  ),
  fc.constantFrom('10000000000000', '1e9', 'sid', 'v', '#HttpOnly_x', '\uFEFF', '\u0000', ' ', '"q"'),
  fc.string({ maxLength: 6 }),
);
const line = fc.oneof(
  fc.array(field, { minLength: 1, maxLength: 9 }).map((f) => f.join('\t')),
  fc.constantFrom('# Netscape HTTP Cookie File', '', '#HttpOnly_localhost\tFALSE\t/\tFALSE\t0\ta\tb'),
  fc.string({ maxLength: 20 }),
);
const netscapeText = fc
  .tuple(fc.boolean(), fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([bom, lines, nl]) => `${bom ? '\uFEFF' : ''}${lines.join(nl)}`);

const tokenChars = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCXYZ0123456789!#$%&'*+-.^_`|~".split(''));
const cookieName = fc.string({ unit: tokenChars, minLength: 1, maxLength: 12 });
const valueChars = fc.constantFrom(..."abcXYZ0123456789!#$%&'()*+-./:<=>?@[]^_`{|}~".split(''));
const cookieValue = fc.string({ unit: valueChars, maxLength: 20 });
const label = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')),
  minLength: 1,
  maxLength: 8,
});
const domain = fc.oneof(
  fc.constant('localhost'),
  fc.tuple(label, label).map(([a, b]) => `${a}.${b}.test`),
);
const cookie: fc.Arbitrary<CookieView> = fc
  .record({
    name: cookieName,
    value: cookieValue,
    domain,
    path: fc.array(label, { maxLength: 3 }).map((p) => `/${p.join('/')}`),
    expires: fc.option(
      fc.integer({ min: 2_000_000_000, max: 8_000_000_000 }).map((s) => new Date(s * 1000).toISOString()),
      { nil: null },
    ),
    secure: fc.boolean(),
    httpOnly: fc.boolean(),
    hostOnly: fc.boolean(),
  })
  .map((c) => ({ ...c, sameSite: null }) as unknown as CookieView);

const keyOf = (c: { domain: string; path?: string; name: string }) => `${c.domain}|${c.path}|${c.name}`;
const comparable = (c: {
  name: string;
  value: string;
  domain: string;
  path?: string;
  expires?: string | null;
  secure?: boolean;
  httpOnly?: boolean;
  hostOnly?: boolean;
}) => ({
  name: c.name,
  value: c.value,
  domain: c.domain,
  path: c.path,
  expires: c.expires ?? null,
  secure: !!c.secure,
  httpOnly: !!c.httpOnly,
  hostOnly: !!c.hostOnly,
});
const unique = (cs: CookieView[]) => [...new Map(cs.map((c) => [keyOf(c), c])).values()];

describe('fuzz: cookie import', () => {
  it(`${RUNS} random cookies.txt texts: imported, or refused with one line`, () => {
    fc.assert(
      fc.property(netscapeText, (text) => {
        try {
          const got = parseNetscape(text, 'cookies.txt', Date.parse('2030-01-01T00:00:00Z'));
          for (const c of got) expect(typeof c.name).toBe('string');
        } catch (e) {
          expectOneLine(e, ['INVALID_FILE']);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`${RUNS} random jars: cookies.txt export → import loses nothing`, () => {
    fc.assert(
      fc.property(fc.array(cookie, { maxLength: 6 }), (cs) => {
        const jar = unique(cs);
        const back = parseNetscape(toNetscape(jar), 'cookies.txt', Date.parse('2030-01-01T00:00:00Z'));
        expect(back.map(comparable)).toEqual(
          jar.map((c) =>
            comparable({
              ...c,
              expires: c.expires
                ? new Date(Math.floor(Date.parse(c.expires) / 1000) * 1000).toISOString()
                : null,
            }),
          ),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it(`${RUNS} random JSON documents: imported, or refused with one line`, () => {
    const partial = fc.record(
      {
        name: fc.oneof(cookieName, fc.string({ maxLength: 4 }), fc.integer()),
        value: fc.oneof(cookieValue, fc.string({ maxLength: 4 }), fc.constant(null)),
        domain: fc.oneof(domain, fc.string({ maxLength: 6 }), fc.constant('.app.test')),
        path: fc.oneof(fc.constant('/'), fc.string({ maxLength: 4 })),
        expires: fc.oneof(
          fc.constant(null),
          fc.string({ maxLength: 8 }),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        secure: fc.oneof(fc.boolean(), fc.string({ maxLength: 2 })),
        sameSite: fc.constantFrom('Lax', 'Strict', 'None', 'lax', null, 1),
      },
      { requiredKeys: [] },
    );
    const doc = fc.oneof(
      fc.array(partial, { maxLength: 4 }).map((a) => JSON.stringify(a)),
      fc.json({ maxDepth: 2 }),
      fc.string({ maxLength: 30 }),
      fc
        .tuple(fc.constant('\uFEFF'), fc.array(partial, { maxLength: 2 }))
        .map(([b, a]) => `${b}${JSON.stringify(a)}`),
    );
    fc.assert(
      fc.property(doc, (text) => {
        try {
          parseJsonCookies(text, 'cookies.json', Date.parse('2000-01-01T00:00:00Z'));
        } catch (e) {
          expectOneLine(e, ['INVALID_FILE']);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`${RUNS} random jars: JSON export → import loses nothing`, () => {
    fc.assert(
      fc.property(fc.array(cookie, { maxLength: 6 }), (cs) => {
        const jar = unique(cs);
        const back = parseJsonCookies(toJson(jar), 'cookies.json', Date.parse('2030-01-01T00:00:00Z'));
        expect(back.map(comparable)).toEqual(jar.map(comparable));
      }),
      { numRuns: RUNS },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../../../main/core/http/prepare';
import { DEFAULT_SETTINGS } from '../../../main/shared/settings';
import { findVariables, substitute } from '../../../main/shared/substitute';
import type { KeyValue, Profile, RequestSpec } from '../../../main/shared/types';
import { expectOneLine, RUNS } from './fuzz';

/**
 * URL, header and variable input, fuzzed through what a send does before any byte goes out
 * (substitution, then prepareRequest): a request is prepared, or refused with one clear line
 * (INVALID_URL, INVALID_HEADER, UNKNOWN_VARIABLE, …). Never a crash, never a hang.
 */

const piece = fc.oneof(
  fc.constantFrom(
    'http://',
    'https://',
    'ftp://',
    'localhost',
    '127.0.0.1',
    ':8080',
    '/a',
    '?q=1',
    '#f',
    '@',
  ),
  fc.constantFrom(
    '{{base}}',
    '{{ id }}',
    '{{missing}}',
    '{{}}',
    '{{a b}}',
    '{',
    '}',
    '%',
    '%zz',
    '%E0%A4%A',
    '[::1]',
  ),
  fc.constantFrom(' ', '\t', '\n', '\r', '\u0000', '\u00e9', '😀', 'user:pa%ss@', 'Ω'),
  fc.string({ maxLength: 5 }),
);
const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
/** Random text, or (three times in four) a well-formed start and random text after it, so the prepared path is fuzzed too. */
const url = fc.oneof(
  { weight: 1, arbitrary: text },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('http://127.0.0.1:9', 'https://localhost', '{{base}}', 'localhost:8080'), text)
      .map(([start, rest]) => start + rest),
  },
);
const header: fc.Arbitrary<KeyValue> = fc.record({
  name: fc.oneof(
    fc.constantFrom('Accept', 'X-Id', 'Cookie', 'Authorization', '', ' ', 'Bad Name', '{{hname}}'),
    text,
  ),
  // half the values plain, so requests with headers get prepared too, not only refused
  value: fc.oneof(text, fc.constantFrom('1', 'text/html', 'Bearer x', '{{token}}')),
  enabled: fc.option(fc.boolean(), { nil: undefined }),
});
const variables = fc.dictionary(
  fc.constantFrom('base', 'id', 'hname', 'token', 'x'),
  fc.oneof(text, fc.constantFrom('http://127.0.0.1:9', 'X-From-Var', '{{id}}')),
);
const auth = fc.oneof(
  fc.constant(undefined),
  fc.record({ type: fc.constant('basic' as const), username: text, password: text }),
  fc.record({ type: fc.constant('bearer' as const), token: text }),
);

const profile = (vars: Record<string, string>, headers: KeyValue[]): Profile => ({
  name: 'alice',
  color: '#7c5cff',
  variables: vars,
  headers,
  cookieStore: true,
  createdAt: new Date(0).toISOString(),
});

describe('fuzz: URL, header and variable input', () => {
  it(`${RUNS} random requests: prepared, or refused with one line`, async () => {
    let prepared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'get', 'BAD METHOD', '{{x}}'),
        url,
        fc.array(header, { maxLength: 4 }),
        fc.array(header, { maxLength: 2 }),
        fc.array(header, { maxLength: 2 }),
        variables,
        auth,
        async (method, url, headers, profileHeaders, cookies, vars, a) => {
          const spec: RequestSpec = {
            method,
            url,
            headers,
            body: { type: 'none' },
            cookies,
            ...(a ? { auth: a } : {}),
          };
          try {
            const p = await prepareRequest(spec, profile(vars, profileHeaders), DEFAULT_SETTINGS);
            expect(['http:', 'https:']).toContain(p.url.protocol);
            prepared++;
          } catch (e) {
            expectOneLine(e, [
              'INVALID_URL',
              'INVALID_HEADER',
              'INVALID_COOKIE',
              'INVALID_ARGUMENT',
              'UNKNOWN_VARIABLE',
            ]);
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(prepared).toBeGreaterThan(RUNS / 50);
  });

  it(`${RUNS} random texts and variables: substitution replaces every known {{name}} once, names the unknown one`, () => {
    fc.assert(
      fc.property(text, variables, (t, vars) => {
        try {
          const out = substitute(t, vars, 'URL');
          // Every reference was to a known variable; none is left unless a value brought it in.
          for (const ref of findVariables(t)) expect(Object.hasOwn(vars, ref.name)).toBe(true);
          if (!Object.values(vars).some((v) => v.includes('{{'))) expect(findVariables(out)).toEqual([]);
        } catch (e) {
          expectOneLine(e, ['UNKNOWN_VARIABLE']);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { type Check, checkSchema, judgeCheck, judgeChecks, parseCheckSpec } from '../../main/shared/checks';
import { layerFor, mergeLayers, variableLayers } from '../../main/shared/environments';
import { escapeMarkup, matrixReport, toJUnit } from '../../main/shared/reports';

/** Checks judged against responses, the level order, and the report writers' edge cases. */

const response = {
  status: 201,
  headers: [
    ['Content-Type', 'application/json; charset=utf-8'],
    ['Set-Cookie', 'a=1'],
    ['set-cookie', 'b=2'],
  ] as Array<[string, string]>,
  body: JSON.stringify({ id: 7, user: { name: 'alice', roles: ['admin'] }, note: null }),
  bodyEncoding: 'utf8',
  timings: { total: 120.4 },
};

const check = (c: Partial<Check> & Pick<Check, 'kind' | 'op'>): Check =>
  checkSchema.parse({ target: '', value: '', ...c });
const judge = (c: Partial<Check> & Pick<Check, 'kind' | 'op'>) => judgeCheck(check(c), response);

describe('checks', () => {
  it('status equals and ranges (200-299, 2xx)', () => {
    expect(judge({ kind: 'status', op: 'equals', value: '201' }).pass).toBe(true);
    expect(judge({ kind: 'status', op: 'equals', value: '200' })).toMatchObject({
      pass: false,
      expected: '200',
      actual: '201',
    });
    expect(judge({ kind: 'status', op: 'range', value: '200-299' }).pass).toBe(true);
    expect(judge({ kind: 'status', op: 'range', value: '2xx' }).pass).toBe(true);
    expect(judge({ kind: 'status', op: 'range', value: '4xx' })).toMatchObject({
      pass: false,
      expected: '400-499',
    });
  });

  it('headers: case-insensitive names, repeated headers joined, exists / equals / contains', () => {
    expect(judge({ kind: 'header', op: 'exists', target: 'content-type' }).pass).toBe(true);
    expect(judge({ kind: 'header', op: 'exists', target: 'x-missing' })).toMatchObject({
      pass: false,
      actual: '(no such header)',
    });
    expect(judge({ kind: 'header', op: 'contains', target: 'Content-Type', value: 'json' }).pass).toBe(true);
    expect(judge({ kind: 'header', op: 'equals', target: 'set-cookie', value: 'a=1, b=2' }).pass).toBe(true);
  });

  it('JSON path: equals compares the text of the first match; exists; matches a pattern; null exists', () => {
    expect(judge({ kind: 'json', op: 'equals', target: '$.id', value: '7' }).pass).toBe(true);
    expect(judge({ kind: 'json', op: 'equals', target: '$.user.name', value: 'alice' }).pass).toBe(true);
    expect(judge({ kind: 'json', op: 'equals', target: '$.user.roles', value: '["admin"]' }).pass).toBe(true);
    expect(judge({ kind: 'json', op: 'exists', target: '$.note' }).pass).toBe(true);
    expect(judge({ kind: 'json', op: 'exists', target: '$.nope' })).toMatchObject({
      pass: false,
      actual: '(nothing at this path)',
    });
    expect(judge({ kind: 'json', op: 'matches', target: '$.user.name', value: '^al' }).pass).toBe(true);
    expect(
      judgeCheck(check({ kind: 'json', op: 'exists', target: '$.id' }), { ...response, body: '<html>' }),
    ).toMatchObject({
      pass: false,
      actual: 'the body is not JSON',
    });
  });

  it('body contains and time below', () => {
    expect(judge({ kind: 'body', op: 'contains', value: '"alice"' }).pass).toBe(true);
    expect(judge({ kind: 'time', op: 'below', value: '500' })).toMatchObject({
      pass: true,
      actual: '120 ms',
    });
    expect(judge({ kind: 'time', op: 'below', value: '100' }).pass).toBe(false);
  });

  it('malformed checks are refused with one line; disabled ones are not judged', () => {
    const bad = checkSchema.safeParse({ kind: 'status', op: 'contains', value: '2' });
    expect(bad.success ? '' : bad.error.issues[0].message).toBe(
      'a status check takes equals, range, not contains',
    );
    expect(checkSchema.safeParse({ kind: 'json', op: 'exists', target: '' }).success).toBe(false);
    expect(checkSchema.safeParse({ kind: 'json', op: 'matches', target: '$.a', value: '(' }).success).toBe(
      false,
    );
    expect(
      judgeChecks([{ ...check({ kind: 'status', op: 'equals', value: '500' }), enabled: false }], response),
    ).toEqual([]);
  });

  it('parseCheckSpec reads the CLI forms', () => {
    expect(parseCheckSpec('status=2xx')).toMatchObject({ ok: true, check: { kind: 'status', op: 'range' } });
    expect(parseCheckSpec('header:X-A?')).toMatchObject({
      ok: true,
      check: { kind: 'header', op: 'exists', target: 'X-A' },
    });
    expect(parseCheckSpec('json:$.a~^x')).toMatchObject({
      ok: true,
      check: { kind: 'json', op: 'matches', value: '^x' },
    });
    expect(parseCheckSpec('time<abc').ok).toBe(false);
  });
});

describe('variable levels (pure)', () => {
  it('the more specific level wins, in the documented order', () => {
    const layers = variableLayers({
      globals: { a: 'g', b: 'g', c: 'g', d: 'g', e: 'g' },
      collection: {
        name: 'C',
        variables: [
          { name: 'b', value: 'c' },
          { name: 'c', value: 'c' },
          { name: 'x', value: 'off', enabled: false },
        ],
      },
      environment: {
        name: 'staging',
        variables: { c: 'env', d: 'env' },
        profiles: { alice: { e: 'alice@staging' } },
      },
      profile: { name: 'alice', variables: { d: 'alice', e: 'alice' } },
    });
    expect(mergeLayers(layers)).toEqual({ a: 'g', b: 'c', c: 'env', d: 'alice', e: 'alice@staging' });
    expect(layerFor(layers, 'x')).toBeNull();
  });
});

describe('reports', () => {
  it('JUnit escapes names and drops characters XML cannot carry', () => {
    expect(escapeMarkup('a<b & "c"\u0001')).toBe('a&lt;b &amp; &quot;c&quot;');
    const xml = toJUnit(
      matrixReport(
        {
          rows: [{ id: 'r1', name: 'x<y', folder: '' }],
          profiles: ['p&q'],
          cells: {
            'r1|p&q': { status: 403, error: null, verdict: 'deny', expected: 'allow', pass: false, ms: 3 },
          },
          summary: { total: 1, passed: 0, failed: 1, errors: 0 },
          cancelled: false,
        },
        'T',
      ),
    );
    expect(xml).toContain('<testsuite name="p&amp;q" tests="1" failures="1" errors="0"');
    expect(xml).toContain('<testcase name="x&lt;y"');
    expect(xml).toContain('expected: allow\nactual: deny (403)</failure>');
  });
});

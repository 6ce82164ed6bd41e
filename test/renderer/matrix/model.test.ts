import { describe, expect, it } from 'vitest';
import { diffResponses } from '../../../main/shared/diff';
import type { MatrixCell, ResponseRecord } from '../../../main/shared/types';
import {
  bodyLines,
  defaultSelection,
  differingKeys,
  toggleSelection,
} from '../../../renderer/src/features/compare/model';
import { markOf, parseStatus, passOf, tally } from '../../../renderer/src/features/matrix/model';

const cell = (status: number | null, verdict: MatrixCell['verdict']): MatrixCell => ({
  status,
  error: null,
  verdict,
  ms: 1,
});

describe('choosing profiles to compare', () => {
  it('offers the active profile first, leaves out "default" when there are others, at most 3', () => {
    expect(defaultSelection(['default', 'alice', 'bob', 'anonymous', 'admin'], 'bob')).toEqual([
      'bob',
      'alice',
      'anonymous',
    ]);
    expect(defaultSelection(['default', 'alice'], 'alice')).toEqual(['alice', 'default']);
  });

  it('toggling keeps the listed order and the cap of 10', () => {
    const order = ['alice', 'bob', 'carol'];
    expect(toggleSelection(['carol'], 'alice', order)).toEqual(['alice', 'carol']);
    expect(toggleSelection(['alice', 'carol'], 'alice', order)).toEqual(['carol']);
    const many = Array.from({ length: 11 }, (_, i) => `p${i}`);
    expect(toggleSelection(many.slice(0, 10), 'p10', many)).toHaveLength(10);
  });
});

describe('highlighting what differs in each body', () => {
  it('marks the lines of top-level keys that differ, including odd key names', () => {
    const r = (profile: string, body: string) =>
      ({
        profile,
        body,
        bodyEncoding: 'utf8',
        contentType: 'application/json',
        status: 200,
        headers: [],
        cookiesSet: [],
      }) as unknown as ResponseRecord;
    const cmp = {
      request: { method: 'GET', url: '/', headers: [], body: { type: 'none' as const } },
      results: [],
      diff: diffResponses([
        { profile: 'a', response: r('a', '{"user":"a","odd key":1,"same":true}'), error: null },
        { profile: 'b', response: r('b', '{"user":"b","odd key":2,"same":true}'), error: null },
      ]),
    };
    const keys = differingKeys(cmp);
    expect([...keys]).toEqual(['user', 'odd key']);
    expect(bodyLines('{"user":"a","odd key":1,"same":true}', keys).map((l) => l.differs)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(bodyLines('plain\ntext', keys)).toEqual([
      { text: 'plain', differs: false },
      { text: 'text', differs: false },
    ]);
  });
});

describe('matrix expectations in the view', () => {
  it('a typed status code is a whole number 100–599, else one line', () => {
    expect(parseStatus(' 201 ')).toEqual({ status: 201 });
    expect(parseStatus('99')).toEqual({ error: 'A status code is from 100 to 599, not 99' });
    expect(parseStatus('600')).toEqual({ error: 'A status code is from 100 to 599, not 600' });
    expect(parseStatus('2xx')).toEqual({ error: "A status code is a number from 100 to 599, not '2xx'" });
    expect(parseStatus('')).toEqual({ error: "A status code is a number from 100 to 599, not ''" });
  });

  it('a status is judged at once; a check only by the run that carried it', () => {
    const check = { kind: 'header', op: 'equals', target: 'x-role', value: 'admin' } as const;
    const ran: MatrixCell = { ...cell(200, 'allow'), expected: check, pass: false, actual: 'user' };
    expect(passOf(ran, check)).toBe(false);
    expect(passOf(ran, { ...check, value: 'user' })).toBeUndefined();
    expect(passOf(ran, 200)).toBe(true);
    expect(passOf(ran, 201)).toBe(false);
    expect([markOf(ran, check), markOf(ran, { ...check, value: 'user' }), markOf(ran, 200)]).toEqual([
      'fail',
      'stale',
      'pass',
    ]);
    expect(markOf(undefined, check)).toBeUndefined();
    expect(markOf(ran, undefined)).toBeUndefined();
  });

  it('pass/fail follows the expectation set now; the tally counts verdicts and checks', () => {
    expect(passOf(cell(403, 'deny'), 'deny')).toBe(true);
    expect(passOf(cell(200, 'allow'), 'deny')).toBe(false);
    expect(passOf(undefined, 'deny')).toBeUndefined();
    const t = tally(
      [
        { key: 'a', expected: 'allow' },
        { key: 'b', expected: 'allow' },
        { key: 'c', expected: undefined },
        { key: 'd', expected: 'deny' },
      ],
      { a: cell(200, 'allow'), b: cell(401, 'deny'), c: cell(null, 'error') },
    );
    expect(t).toEqual({ done: 3, total: 4, allow: 1, deny: 1, error: 1, passed: 1, failed: 1 });
  });
});

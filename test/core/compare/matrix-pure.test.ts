import { describe, expect, it } from 'vitest';
import { makeCell } from '../../../main/core/compare/matrix';
import { matrixRows, meets, summarizeMatrix, verdictOf } from '../../../main/shared/matrix';
import type { Collection, RequestSpec } from '../../../main/shared/types';

const get = (url: string): RequestSpec => ({ method: 'GET', url, headers: [], body: { type: 'none' } });

describe('access verdicts', () => {
  it('2xx and 3xx allow, 401 and 403 deny, 404 only when asked, the rest are errors', () => {
    expect([200, 204, 302, 401, 403, 404, 500, null].map((s) => verdictOf(s))).toEqual([
      'allow',
      'allow',
      'allow',
      'deny',
      'deny',
      'error',
      'error',
      'error',
    ]);
    expect(verdictOf(404, true)).toBe('deny');
  });

  it('an expectation is a verdict or an exact status', () => {
    expect(meets('deny', { status: 403, verdict: 'deny' })).toBe(true);
    expect(meets('allow', { status: 403, verdict: 'deny' })).toBe(false);
    expect(meets(401, { status: 403, verdict: 'deny' })).toBe(false);
    expect(meets(403, { status: 403, verdict: 'deny' })).toBe(true);
  });

  it('a cell with no response is an error and fails any expectation; the summary counts it', () => {
    const failed = makeCell({ error: new Error('boom') }, 3.4, 'allow');
    expect(failed).toMatchObject({ status: null, verdict: 'error', pass: false, ms: 3 });
    const unexpected = makeCell(
      {
        response: {
          status: 200,
          statusText: 'OK',
          body: 'hi',
          bodyEncoding: 'utf8',
          contentType: 'text/plain',
          size: 2,
          cookiesSet: [],
        } as never,
      },
      1,
      undefined,
    );
    expect(unexpected.pass).toBeUndefined();
    expect(summarizeMatrix({ a: failed, b: unexpected })).toEqual({
      total: 2,
      passed: 0,
      failed: 1,
      errors: 1,
    });
  });
});

describe('matrix rows follow the collection tree', () => {
  it('top-level requests first, then folders in order, subfolders after their parent, filtered by folder', () => {
    const c: Collection = {
      id: 'c1',
      name: 'API',
      folders: ['Session', 'Access', 'Session/Deep'],
      requests: [
        { id: 'a1', name: 'Admin', folder: 'Access', request: get('/admin') },
        { id: 'd1', name: 'Deep', folder: 'Session/Deep', request: get('/deep') },
        { id: 's1', name: 'Log in', folder: 'Session', request: get('/login') },
        { id: 't1', name: 'Top', folder: '', request: get('/') },
      ],
    };
    expect(matrixRows(c).map((r) => r.id)).toEqual(['t1', 's1', 'd1', 'a1']);
    expect(matrixRows(c, 'Session').map((r) => r.id)).toEqual(['s1', 'd1']);
    expect(() => matrixRows(c, 'Nope')).toThrow(/No requests in folder "Nope"/);
  });
});

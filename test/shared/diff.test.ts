import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDiff, diffHeaders, diffJson, diffResponses } from '../../main/shared/diff';
import type { ComparisonResult, ResponseRecord } from '../../main/shared/types';

function response(
  profile: string,
  status: number,
  body: string,
  extra: Partial<ResponseRecord> = {},
): ResponseRecord {
  return {
    id: `${profile}-1`,
    profile,
    request: { method: 'GET', url: 'http://127.0.0.1/profile', headers: [] },
    status,
    statusText: '',
    headers: [['content-type', 'application/json']],
    body,
    bodyEncoding: 'utf8',
    contentType: 'application/json',
    size: body.length,
    cookiesSent: [],
    cookiesSet: [],
    hops: [],
    timings: { connect: 0, ttfb: 1, total: 1 },
    startedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const ok = (r: ResponseRecord): ComparisonResult => ({ profile: r.profile, response: r, error: null });

describe('diffJson: where the profiles saw different values', () => {
  it('alice and bob see different users but the same role: only `user` differs', () => {
    const d = diffJson({ alice: { user: 'alice', role: 'user' }, bob: { user: 'bob', role: 'user' } });
    expect(d.paths).toEqual([{ path: 'user', values: { alice: '"alice"', bob: '"bob"' } }]);
    expect(d.truncated).toBe(false);
  });

  it('names nested paths, array items, odd keys and keys only one profile has', () => {
    const d = diffJson({
      alice: { items: [{ id: 1 }, { id: 2 }], 'odd key': 1, only: true },
      bob: { items: [{ id: 1 }], 'odd key': 2 },
    });
    expect(d.paths.map((p) => p.path)).toEqual(['items[1]', '$["odd key"]', 'only']);
    expect(d.paths[2].values).toEqual({ alice: 'true', bob: '(absent)' });
  });

  it('a body that changes shape is reported at the root', () => {
    expect(diffJson({ a: [1], b: { x: 1 } }).paths).toEqual([
      { path: '$', values: { a: '[1]', b: '{"x":1}' } },
    ]);
  });

  it('stops after the limit and says so', () => {
    const a: Record<string, number> = {};
    const b: Record<string, number> = {};
    for (let i = 0; i < 80; i++) {
      a[`k${i}`] = i;
      b[`k${i}`] = -i - 1;
    }
    const d = diffJson({ a, b });
    expect(d.paths).toHaveLength(50);
    expect(d.truncated).toBe(true);
  });

  it('property: a value never differs from itself, and any change to a copy is found', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(diffJson({ a: v as never, b: structuredClone(v) as never }).paths).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), fc.string(), (obj, key) => {
        const changed = { ...obj, [key]: (obj[key] ?? 0) + 1 };
        const d = diffJson({ a: obj, b: changed });
        expect(d.paths).toHaveLength(1);
      }),
    );
  });
});

describe('diffHeaders', () => {
  it('ignores Date and other volatile headers, reports the rest with every profile’s value', () => {
    const d = diffHeaders({
      alice: [
        ['Date', 'Mon'],
        ['X-Role', 'user'],
        ['Vary', 'Cookie'],
      ],
      bob: [
        ['date', 'Tue'],
        ['x-role', 'admin'],
        ['vary', 'Cookie'],
      ],
    });
    expect(d).toEqual([{ path: 'x-role', values: { alice: 'user', bob: 'admin' } }]);
  });
});

describe('diffResponses', () => {
  it('alice 200, bob 401: status differs, body paths and cookies set per profile', () => {
    const alice = response('alice', 200, '{"user":"alice","role":"user"}', {
      cookiesSet: [
        {
          raw: 'seen=1; Path=/',
          outcome: 'stored',
          cookie: null,
        },
      ],
    });
    const bob = response('bob', 401, '{"detail":"Not authenticated"}');
    const diff = diffResponses([ok(alice), ok(bob)]);
    expect(diff.sameStatus).toBe(false);
    expect(diff.statuses).toEqual({ alice: 200, bob: 401 });
    expect(diff.bodyKind).toBe('json');
    expect(diff.paths.map((p) => p.path)).toEqual(['user', 'role', 'detail']);
    expect(diff.cookiesSet).toEqual({ alice: [{ name: 'seen', value: '1', outcome: 'stored' }], bob: [] });
    expect(describeDiff(diff)).toBe('status differs: alice 200 · bob 401 · body differs at 3 paths');
  });

  it('a profile with no response makes the status differ and is left out of the body diff', () => {
    const diff = diffResponses([
      ok(response('alice', 200, 'hello', { contentType: 'text/plain' })),
      ok(response('bob', 200, 'hello', { contentType: 'text/plain' })),
      { profile: 'carol', response: null, error: { code: 'TIMEOUT', message: 'Timed out' } },
    ]);
    expect(diff.sameStatus).toBe(false);
    expect(diff.statuses.carol).toBeNull();
    expect(diff.bodyKind).toBe('text');
    expect(diff.bodyEqual).toBe(true);
  });

  it('same status and body: says so', () => {
    const d = diffResponses([ok(response('a', 200, '{"x":1}')), ok(response('b', 200, '{"x":1}'))]);
    expect(describeDiff(d)).toBe('same status 200 · same body');
  });
});

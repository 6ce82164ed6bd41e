import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../main/shared/types';
import { splitUrl, statusTone, timeAgo, visibleEntries } from '../../../renderer/src/features/history/format';

const at = (iso: string, profile = 'alice'): HistoryEntry => ({
  id: iso,
  profile,
  method: 'GET',
  url: 'http://x/',
  status: 200,
  error: null,
  durationMs: 1,
  size: 0,
  at: iso,
  request: { method: 'GET', url: 'http://x/', headers: [], body: { type: 'none' } },
});

describe('history formatting', () => {
  it('says how long ago, coarsely', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    expect(timeAgo('2026-01-10T11:59:58Z', now)).toBe('just now');
    expect(timeAgo('2026-01-10T11:59:15Z', now)).toBe('45s ago');
    expect(timeAgo('2026-01-10T11:55:00Z', now)).toBe('5 min ago');
    expect(timeAgo('2026-01-10T09:00:00Z', now)).toBe('3h ago');
    expect(timeAgo('2026-01-08T12:00:00Z', now)).toBe('2d ago');
    expect(timeAgo('2025-12-01T12:00:00Z', now)).toBe('2025-12-01');
  });

  it('emphasises the path, even in URLs with {{variables}}', () => {
    expect(splitUrl('https://api.example.com/v1/users?x=1')).toEqual({
      origin: 'https://api.example.com',
      path: '/v1/users?x=1',
    });
    expect(splitUrl('http://localhost:8000')).toEqual({ origin: 'http://localhost:8000', path: '/' });
    expect(splitUrl('{{baseUrl}}/login')).toEqual({ origin: '', path: '{{baseUrl}}/login' });
  });

  it('colours outcomes by family and lists newest first per profile', () => {
    expect(statusTone({ status: 204, error: null })).toBe('ok');
    expect(statusTone({ status: 302, error: null })).toBe('redirect');
    expect(statusTone({ status: 404, error: null })).toBe('client');
    expect(statusTone({ status: 503, error: null })).toBe('server');
    expect(statusTone({ status: null, error: { code: 'TIMEOUT', message: 't' } })).toBe('error');
    const list = [at('2026-01-01T00:00:00Z'), at('2026-01-03T00:00:00Z', 'bob'), at('2026-01-02T00:00:00Z')];
    expect(visibleEntries(list, null).map((e) => e.at.slice(0, 10))).toEqual([
      '2026-01-03',
      '2026-01-02',
      '2026-01-01',
    ]);
    expect(visibleEntries(list, 'alice')).toHaveLength(2);
  });
});

describe('history days, search and long paths', () => {
  it('groups entries under Today, Yesterday and a date', async () => {
    const { groupByDay } = await import('../../../renderer/src/features/history/format');
    const now = new Date(2026, 0, 10, 12).getTime();
    const e = (d: Date) => ({ at: d.toISOString() });
    const groups = groupByDay(
      [
        e(new Date(2026, 0, 10, 9)),
        e(new Date(2026, 0, 10, 1)),
        e(new Date(2026, 0, 9, 23)),
        e(new Date(2026, 0, 2)),
      ],
      now,
    );
    expect(groups.map((g) => [g.day, g.entries.length])).toEqual([
      ['Today', 2],
      ['Yesterday', 1],
      [expect.stringMatching(/2026/), 1],
    ]);
  });

  it('searches every word in method, URL, saved name, status and error code', async () => {
    const { matchesSearch } = await import('../../../renderer/src/features/history/format');
    const e = { method: 'POST', url: 'http://x/login', status: 302, error: null };
    expect(matchesSearch(e, 'Log in', 'log in')).toBe(true);
    expect(matchesSearch(e, undefined, '302 post')).toBe(true);
    expect(matchesSearch(e, undefined, '404')).toBe(false);
  });

  it('keeps the end of a long path for the middle ellipsis', async () => {
    const { splitForEllipsis } = await import('../../../renderer/src/features/history/format');
    expect(splitForEllipsis('/short')).toEqual({ head: '/short', tail: '' });
    const long = '/cookies/set?session=abc123&theme=dark&lang=en';
    const { head, tail } = splitForEllipsis(long);
    expect(head + tail).toBe(long);
    expect(tail).toBe('eme=dark&lang=en');
  });
});

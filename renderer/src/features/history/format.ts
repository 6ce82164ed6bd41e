import type { HistoryEntry } from '../../../../main/shared/types';

/** "just now", "42s ago", "5m ago", "3h ago", "2d ago", then the date. */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 10) return 'just now';
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ago`;
  const d = Math.floor(h / 24);
  if (d < 7) return `${d}d ago`;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Splits a URL into the part shown quietly (scheme + host) and the part emphasised (path + query).
 * Works on URLs with {{variables}} too, which `new URL` would reject.
 */
export function splitUrl(url: string): { origin: string; path: string } {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(url.trim());
  if (!m) return { origin: '', path: url };
  return { origin: m[1], path: m[2] || '/' };
}

export type StatusTone = 'ok' | 'redirect' | 'client' | 'server' | 'error';

/** Colour family of a history entry's outcome. */
export function statusTone(e: Pick<HistoryEntry, 'status' | 'error'>): StatusTone {
  if (e.error || e.status === null) return 'error';
  if (e.status >= 500) return 'server';
  if (e.status >= 400) return 'client';
  if (e.status >= 300) return 'redirect';
  return 'ok';
}

/** Newest first, optionally only one profile's. */
export function visibleEntries(entries: HistoryEntry[], profile: string | null): HistoryEntry[] {
  const list = profile ? entries.filter((e) => e.profile === profile) : entries.slice();
  return list.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** How a method is coloured: get/post/put/patch/delete or other. */
export function methodClass(method: string): string {
  const m = method.toLowerCase();
  return ['get', 'post', 'put', 'patch', 'delete'].includes(m) ? m : 'other';
}

/** "Today", "Yesterday", or the day's date in the user's locale: the heading of a day's entries. */
export function dayLabel(iso: string, now: number = Date.now()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const startOf = (t: Date) => new Date(t.getFullYear(), t.getMonth(), t.getDate()).getTime();
  const days = Math.round((startOf(new Date(now)) - startOf(d)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return d.toLocaleDateString(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** Entries (newest first) in groups by day. */
export function groupByDay<T extends { at: string }>(
  entries: T[],
  now: number = Date.now(),
): Array<{ day: string; entries: T[] }> {
  const groups: Array<{ day: string; entries: T[] }> = [];
  for (const e of entries) {
    const day = dayLabel(e.at, now);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.entries.push(e);
    else groups.push({ day, entries: [e] });
  }
  return groups;
}

/** Whether an entry matches a search: its URL, the saved request's name, its status or error code. */
export function matchesSearch(
  e: Pick<HistoryEntry, 'url' | 'status' | 'error' | 'method'>,
  name: string | undefined,
  query: string,
): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = `${e.method} ${e.url} ${name ?? ''} ${e.status ?? ''} ${e.error?.code ?? ''}`.toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}

/** A path split for a middle ellipsis: the head may be cut, the last `tail` characters always show. */
export function splitForEllipsis(path: string, tail = 16): { head: string; tail: string } {
  if (path.length <= tail + 4) return { head: path, tail: '' };
  return { head: path.slice(0, -tail), tail: path.slice(-tail) };
}

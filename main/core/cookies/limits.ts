import { type Cookie, getPublicSuffix } from 'tough-cookie';
import { type EngineLimits, limitsOf } from '../../shared/limits';

/**
 * Cookie size limits, as browsers keep them: a cookie whose name + value is longer than
 * `maxCookieBytes` (4096) is dropped as "too large"; past `maxCookiesPerDomain` (180, Chromium) for
 * one site or `maxCookies` (3000) in a profile, cookies are evicted: expired ones first, then the
 * least recently used. Pure functions; the jar applies them.
 */

export type CookieLimits = Pick<EngineLimits, 'maxCookieBytes' | 'maxCookiesPerDomain' | 'maxCookies'>;

export function cookieLimitsOf(settings: Partial<EngineLimits> | null | undefined): CookieLimits {
  const { maxCookieBytes, maxCookiesPerDomain, maxCookies } = limitsOf(settings);
  return { maxCookieBytes, maxCookiesPerDomain, maxCookies };
}

/** "too large (…)" when name + value (UTF-8 bytes) pass the limit, else null. */
export function tooLarge(name: string, value: string, maxBytes: number): string | null {
  const bytes = Buffer.byteLength(name, 'utf8') + Buffer.byteLength(value, 'utf8');
  return bytes > maxBytes
    ? `too large: name and value are ${bytes} bytes, over the limit of ${maxBytes} (setting maxCookieBytes)`
    : null;
}

/** The site a cookie counts against (its registrable domain: app.example.com → example.com). */
export function siteOf(domain: string): string {
  const d = domain.replace(/^\./, '').toLowerCase();
  if (/^\d+\.\d+\.\d+\.\d+$/.test(d) || d.startsWith('[')) return d;
  return getPublicSuffix(d, { allowSpecialUseDomain: true, ignoreError: true }) ?? d;
}

function evictionOrder(now: number) {
  const expired = (c: Cookie) => {
    const t = c.expiryTime();
    return t !== undefined && t <= now;
  };
  const used = (c: Cookie) =>
    c.lastAccessed instanceof Date
      ? c.lastAccessed.getTime()
      : c.creation instanceof Date
        ? c.creation.getTime()
        : 0;
  return (a: Cookie, b: Cookie) => Number(expired(b)) - Number(expired(a)) || used(a) - used(b);
}

/**
 * The cookies to remove from `all` (every cookie in the jar, `kept` among them) so the jar meets the
 * caps; `kept` (the cookie just stored) is never chosen.
 */
export function evictions(all: Cookie[], kept: Cookie, limits: CookieLimits, now = Date.now()): Cookie[] {
  if (all.length <= Math.min(limits.maxCookiesPerDomain, limits.maxCookies)) return [];
  const order = evictionOrder(now);
  const out = new Set<Cookie>();
  const site = siteOf(kept.domain ?? '');
  const sameSite = all.filter((c) => c !== kept && siteOf(c.domain ?? '') === site);
  const overSite = sameSite.length + 1 - limits.maxCookiesPerDomain;
  if (overSite > 0) for (const c of sameSite.sort(order).slice(0, overSite)) out.add(c);
  const overAll = all.length - out.size - limits.maxCookies;
  if (overAll > 0) {
    const rest = all.filter((c) => c !== kept && !out.has(c)).sort(order);
    for (const c of rest.slice(0, overAll)) out.add(c);
  }
  return [...out];
}

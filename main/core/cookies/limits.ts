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
  let site = sites.get(domain);
  if (site !== undefined) return site;
  const d = domain.replace(/^\./, '').toLowerCase();
  site =
    /^\d+\.\d+\.\d+\.\d+$/.test(d) || d.startsWith('[')
      ? d
      : (getPublicSuffix(d, { allowSpecialUseDomain: true, ignoreError: true }) ?? d);
  if (sites.size > 5000) sites.clear();
  sites.set(domain, site);
  return site;
}

const sites = new Map<string, string>();

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

/** How far below a cap a purge goes, as Chromium does (180 → 150 per site; 3300 → 3000 in all). */
function purgeTo(cap: number, share: number): number {
  return cap - Math.floor(cap / share);
}

/**
 * The cookies to remove from `all` (every cookie in the jar, `kept` among them) so the jar meets the
 * caps; `kept` (the cookie just stored) is never chosen. A site over its cap is purged a little
 * below it (a sixth of the cap), the jar over its cap by an eleventh, so eviction is not paid on
 * every new cookie.
 */
export function evictions(all: Cookie[], kept: Cookie, limits: CookieLimits, now = Date.now()): Cookie[] {
  const order = evictionOrder(now);
  const out = new Set<Cookie>();
  const site = siteOf(kept.domain ?? '');
  const sameSite = all.filter((c) => c !== kept && siteOf(c.domain ?? '') === site);
  if (sameSite.length + 1 > limits.maxCookiesPerDomain) {
    const over = sameSite.length + 1 - purgeTo(limits.maxCookiesPerDomain, 6);
    for (const c of sameSite.sort(order).slice(0, over)) out.add(c);
  }
  if (all.length - out.size > limits.maxCookies) {
    const over = all.length - out.size - purgeTo(limits.maxCookies, 11);
    const rest = all.filter((c) => c !== kept && !out.has(c)).sort(order);
    for (const c of rest.slice(0, over)) out.add(c);
  }
  return [...out];
}

/**
 * Cheap upper bounds of the cookies per site and in all, so the jar only lists itself to check the
 * caps when one of them may be passed. `stored` counts every store (a replaced cookie too), so the
 * bounds only grow until `reset` sets them from a full listing.
 */
export class CapCounter {
  private total = 0;
  private readonly bySite = new Map<string, number>();

  /** A cookie was stored; true when a cap may now be passed (list the jar and check). */
  stored(cookie: Cookie, limits: CookieLimits): boolean {
    const site = siteOf(cookie.domain ?? '');
    const n = (this.bySite.get(site) ?? 0) + 1;
    this.bySite.set(site, n);
    this.total++;
    return n > limits.maxCookiesPerDomain || this.total > limits.maxCookies;
  }

  /** Sets the bounds from every cookie in the jar. */
  reset(all: Cookie[]): void {
    this.bySite.clear();
    this.total = all.length;
    for (const c of all) {
      const site = siteOf(c.domain ?? '');
      this.bySite.set(site, (this.bySite.get(site) ?? 0) + 1);
    }
  }
}

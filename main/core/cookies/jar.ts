import { Cookie, CookieJar, canonicalDomain, getPublicSuffix } from 'tough-cookie';
import {
  type CookieSource,
  type CookieValueRecord,
  cookieSourceSchema,
  KEPT_VALUES,
} from '../../shared/cookieInfo';
import { fail } from '../../shared/errors';
import { COOKIE_VALUE, HTTP_TOKEN } from '../../shared/text';
import type { CookieInput, CookieKey, CookieView, SameSite, SetCookieRecord } from '../../shared/types';
import { fastCookiesFor, fastParseSetCookie, fastSetCookie } from './fast-path';
import { isoFormatter } from './iso';
import { JarStore } from './jar-store';
import { CapCounter, type CookieLimits, evictions, tooLarge } from './limits';

/**
 * One profile's cookie jar: a tough-cookie CookieJar (sync API, in memory) plus a change
 * feed. Every mutation is reported as a `CookieChange`, which the store appends to the
 * profile's journal; replaying changes (`apply`) never re-emits them.
 */

/** tough-cookie's own JSON form of a cookie; what the journal stores. */
export type SerializedCookie = ReturnType<Cookie['toJSON']>;

/**
 * A journal line. `src` (where the value came from) and `prev` (its earlier values, newest first)
 * were added later: lines without them (older journals) still read, as source 'unknown'.
 */
export type CookieChange =
  | { op: 'set'; cookie: SerializedCookie; src?: CookieSource; prev?: CookieValueRecord[] }
  | { op: 'delete'; key: CookieKey };

/** What the jar remembers about a cookie beyond tough-cookie's attributes. */
export interface Provenance {
  source: CookieSource;
  /** Newest first, the current value included; at most KEPT_VALUES. */
  values: CookieValueRecord[];
}

/** Where a change comes from when the caller did not say (a hand edit through `set`). */
export type SourceHint = Omit<CookieSource, 'at'>;

function provKey(k: CookieKey): string {
  return `${k.domain}\t${k.path}\t${k.name}`;
}

/** A `src` read back from a journal line, or undefined when it is not one. */
function readSource(v: unknown): CookieSource | undefined {
  const r = cookieSourceSchema.safeParse(v);
  return r.success ? r.data : undefined;
}

function readValues(v: unknown): CookieValueRecord[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (x): x is CookieValueRecord =>
        !!x && typeof x.value === 'string' && typeof x.at === 'string' && typeof x.kind === 'string',
    )
    .slice(0, KEPT_VALUES);
}

export type CookieChangeListener = (change: CookieChange) => void;

export function cookieKeyOf(c: {
  domain?: string | null;
  path?: string | null;
  key?: string;
  name?: string;
}): CookieKey {
  return { domain: c.domain ?? '', path: c.path ?? '/', name: c.key ?? c.name ?? '' };
}

function normalizeSameSite(s: string | undefined): SameSite | null {
  switch ((s ?? '').toLowerCase()) {
    case 'strict':
      return 'Strict';
    case 'lax':
      return 'Lax';
    case 'none':
      return 'None';
    default:
      return null;
  }
}

// One formatter per field: a cookie's creation time repeats (a replaced cookie keeps it) while
// expiry times move, so separate caches keep each hot.
const creationIso = isoFormatter();
/** When a cookie's value was recorded (provenance): cached per second like `creationIso`. */
const sourceIso = isoFormatter();
const expiresIso = isoFormatter();

export function toCookieView(c: Cookie): CookieView {
  const expiry = c.expiryTime();
  return {
    name: c.key,
    value: c.value,
    domain: c.domain ?? '',
    path: c.path ?? '/',
    expires: expiry !== undefined && Number.isFinite(expiry) ? expiresIso(expiry) : null,
    hostOnly: c.hostOnly !== false,
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: normalizeSameSite(c.sameSite),
    size: c.key.length + c.value.length,
    creation: c.creation instanceof Date ? creationIso(c.creation.getTime()) : undefined,
  };
}

function isExpired(c: Cookie, now = Date.now()): boolean {
  const t = c.expiryTime();
  return t !== undefined && t <= now;
}

/** Validates what a user typed and returns a tough-cookie Cookie, or throws INVALID_COOKIE. */
export function cookieFromInput(input: CookieInput, now = new Date()): Cookie {
  const name = input.name ?? '';
  if (!name || !HTTP_TOKEN.test(name))
    fail('INVALID_COOKIE', `Invalid cookie name "${name}": use letters, digits and !#$%&'*+-.^_\`|~`);
  if (!COOKIE_VALUE.test(input.value ?? ''))
    fail(
      'INVALID_COOKIE',
      `Invalid value for cookie "${name}": no semicolons, backslashes, double quotes inside or control characters`,
    );
  const rawDomain = (input.domain ?? '').trim();
  const dotted = rawDomain.startsWith('.');
  const domain = canonicalDomain(rawDomain.replace(/^\./, ''));
  if (!domain || !/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(domain) || domain.includes('..'))
    fail('INVALID_COOKIE', `Invalid domain "${rawDomain}" for cookie "${name}"`);
  const hostOnly = input.hostOnly ?? !dotted;
  if (
    !hostOnly &&
    domain.includes('.') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(domain) &&
    !getPublicSuffix(domain, { allowSpecialUseDomain: true, ignoreError: true })
  )
    fail('INVALID_COOKIE', `Domain "${rawDomain}" is a public suffix; cookies cannot be set for it`);
  const path = input.path ?? '/';
  if (!path.startsWith('/') || /[;\s]/.test(path))
    fail('INVALID_COOKIE', `Invalid path "${path}" for cookie "${name}": it must start with /`);
  let expires: Date | 'Infinity' = 'Infinity';
  if (input.expires) {
    const d = new Date(input.expires);
    if (Number.isNaN(d.getTime()))
      fail('INVALID_COOKIE', `Invalid expiry "${input.expires}" for cookie "${name}"`);
    expires = d;
  }
  const sameSite = input.sameSite ? normalizeSameSite(input.sameSite) : null;
  if (input.sameSite && !sameSite)
    fail('INVALID_COOKIE', `Invalid SameSite "${input.sameSite}": use Strict, Lax or None`);
  return new Cookie({
    key: name,
    value: input.value ?? '',
    domain,
    path,
    expires,
    secure: Boolean(input.secure),
    httpOnly: Boolean(input.httpOnly),
    sameSite: sameSite ? sameSite.toLowerCase() : undefined,
    hostOnly,
    pathIsDefault: false,
    creation: now,
    lastAccessed: now,
  });
}

export class ProfileJar {
  readonly jar: CookieJar;
  private readonly store: JarStore;
  private readonly listeners = new Set<CookieChangeListener>();
  /**
   * Size limits for new cookies (Set-Cookie, manual set, import), or null for none. The workspace
   * sets them from the settings before each send or edit; replaying the journal never applies them.
   */
  limits: CookieLimits | null = null;
  private readonly caps = new CapCounter();
  /** Provenance by cookie identity (domain, path, name). */
  private readonly provenance = new Map<string, Provenance>();
  /**
   * Where Set-Cookie headers stored now come from (the engine says which send and hop before it
   * stores a hop's cookies); null: from a request nobody named.
   */
  origin: SourceHint | null = null;

  constructor() {
    this.store = new JarStore();
    this.jar = new CookieJar(this.store, {
      rejectPublicSuffixes: true,
      allowSpecialUseDomain: true,
      allowSecureOnLocal: true,
      looseMode: false,
    });
  }

  /** Subscribe to changes made through this jar (not through `apply`). Returns the unsubscribe. */
  onChange(listener: CookieChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: CookieChange): void {
    for (const l of this.listeners) l(change);
  }

  /** Cookies to send to `url`, in RFC 6265 order (longer paths first, then older first). Expired ones are dropped. */
  cookiesFor(url: string | URL): Cookie[] {
    const target = typeof url === 'string' ? URL.parse(url) : url;
    if (target) {
      const fast = fastCookiesFor(this.store, target, (c) => {
        const key = cookieKeyOf(c);
        this.removeFromStore(key);
        this.emit({ op: 'delete', key });
      });
      if (fast) return fast;
    }
    // Hosts the fast path hands back (IPv6 literals, trailing dots…): tough-cookie's own rules.
    return this.jar.getCookiesSync(target?.href ?? String(url), { sort: true, expire: true, http: true });
  }

  /**
   * Stores one Set-Cookie header received from `url`. Max-Age=0 or a past Expires deletes the
   * matching cookie. Rejections (bad syntax, public suffix, foreign domain, Secure over plain
   * http) are reported, not thrown.
   */
  storeSetCookie(raw: string, url: string | URL, now = new Date()): SetCookieRecord {
    // One path for every caller: the fast parse and store where they apply, tough-cookie's otherwise.
    const target = typeof url === 'string' ? URL.parse(url) : url;
    const parsed = fastParseSetCookie(raw) ?? Cookie.parse(raw, { loose: false });
    if (!parsed) return { raw, cookie: null, outcome: 'rejected', reason: 'Malformed Set-Cookie header' };
    const big = this.limits && tooLarge(parsed.key, parsed.value, this.limits.maxCookieBytes);
    if (big) return { raw, cookie: toCookieView(parsed), outcome: 'rejected', reason: big };
    let stored: Cookie | undefined;
    try {
      stored =
        (target ? fastSetCookie(this.store, parsed, target, now) : undefined) ??
        this.jar.setCookieSync(parsed, target?.href ?? String(url), { http: true, now, ignoreError: false });
    } catch (e) {
      return {
        raw,
        cookie: toCookieView(parsed),
        outcome: 'rejected',
        reason: e instanceof Error ? e.message : String(e),
      };
    }
    if (!stored)
      return { raw, cookie: toCookieView(parsed), outcome: 'rejected', reason: 'Cookie was not accepted' };
    const key = cookieKeyOf(stored);
    if (isExpired(stored, now.getTime())) {
      this.removeFromStore(key);
      this.emit({ op: 'delete', key });
      return { raw, cookie: toCookieView(stored), outcome: 'deleted' };
    }
    const src = this.remember(stored, this.origin ?? { kind: 'request' }, now);
    if (this.listeners.size > 0) this.emit({ op: 'set', cookie: stored.toJSON(), src });
    this.evictFor(stored, now.getTime());
    return { raw, cookie: toCookieView(stored), outcome: 'stored' };
  }

  /** Every cookie with all its attributes, expired ones excluded. Sorted by domain, path, name. */
  list(): CookieView[] {
    return this.all()
      .map(toCookieView)
      .sort(
        (a, b) =>
          a.domain.localeCompare(b.domain) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name),
      );
  }

  /** Raw tough-cookie objects (for export). */
  all(now = Date.now()): Cookie[] {
    return this.store.list().filter((c) => !isExpired(c, now));
  }

  get size(): number {
    return this.all().length;
  }

  /**
   * Adds or replaces a cookie the user typed (or an import or a browser login brought: `from`).
   * Validates first; an invalid cookie changes nothing.
   */
  set(input: CookieInput, from: SourceHint = { kind: 'edit' }): CookieView {
    const cookie = cookieFromInput(input);
    const big = this.limits && tooLarge(cookie.key, cookie.value, this.limits.maxCookieBytes);
    if (big) fail('INVALID_COOKIE', `Cookie "${cookie.key}" is ${big}`);
    const existing = this.find(cookieKeyOf(cookie));
    if (existing?.creation instanceof Date) cookie.creation = existing.creation;
    this.putInStore(cookie);
    const src = this.remember(cookie, from);
    this.emit({ op: 'set', cookie: cookie.toJSON(), src });
    this.evictFor(cookie);
    return toCookieView(cookie);
  }

  find(key: CookieKey): Cookie | undefined {
    return this.store.get(key.domain, key.path, key.name);
  }

  delete(key: CookieKey): boolean {
    if (!this.find(key)) return false;
    this.removeFromStore(key);
    this.emit({ op: 'delete', key });
    return true;
  }

  /** Removes every cookie, or those whose domain is `domain` or one of its subdomains. Returns how many. */
  clear(domain?: string): number {
    const target = domain ? canonicalDomain(domain.replace(/^\./, '')) : null;
    let n = 0;
    for (const c of this.all(0)) {
      const d = c.domain ?? '';
      if (target && d !== target && !d.endsWith(`.${target}`)) continue;
      const key = cookieKeyOf(c);
      this.removeFromStore(key);
      this.emit({ op: 'delete', key });
      n++;
    }
    return n;
  }

  /** Replays a change (from the journal or another process) without emitting it. */
  apply(change: CookieChange): void {
    if (change.op === 'delete') {
      this.removeFromStore(change.key);
      return;
    }
    const cookie = Cookie.fromJSON(change.cookie);
    if (!cookie) return;
    this.putInStore(cookie);
    const key = provKey(cookieKeyOf(cookie));
    const src = readSource(change.src);
    const prev = readValues(change.prev);
    const known = this.provenance.get(key);
    if (src) {
      const values = prev.length ? prev : (known?.values ?? []);
      this.provenance.set(key, { source: src, values: withValue(values, cookie.value, src) });
    } else if (!known || known.values[0]?.value !== cookie.value) {
      const at = cookie.creation instanceof Date ? cookie.creation.toISOString() : new Date(0).toISOString();
      const source: CookieSource = { kind: 'unknown', at };
      this.provenance.set(key, { source, values: withValue(prev.length ? prev : [], cookie.value, source) });
    }
  }

  /** Where this cookie's value came from and its last few values. */
  provenanceOf(key: CookieKey): Provenance {
    const found = this.provenance.get(provKey(key));
    if (found) return found;
    const c = this.find(key);
    const at = c?.creation instanceof Date ? c.creation.toISOString() : new Date(0).toISOString();
    return { source: { kind: 'unknown', at }, values: c ? [{ value: c.value, at, kind: 'unknown' }] : [] };
  }

  /** The journal line that keeps this cookie with its provenance (compaction). */
  lineOf(cookie: Cookie): CookieChange {
    const p = this.provenance.get(provKey(cookieKeyOf(cookie)));
    return { op: 'set', cookie: cookie.toJSON(), ...(p ? { src: p.source, prev: p.values } : {}) };
  }

  /** Records where a stored cookie's value came from; returns the source. */
  private remember(cookie: Cookie, hint: SourceHint, now = new Date()): CookieSource {
    const key = provKey(cookieKeyOf(cookie));
    // Not `{ ...hint, at }`: V8 (Node 20) adds a property to a spread copy through a slow path.
    const source: CookieSource = Object.assign({}, hint, { at: sourceIso(now.getTime()) });
    const known = this.provenance.get(key);
    this.provenance.set(key, { source, values: withValue(known?.values ?? [], cookie.value, source) });
    return source;
  }

  /** Keeps the jar within the per-site and total caps after `kept` was stored (browsers' eviction). */
  private evictFor(kept: Cookie, now = Date.now()): void {
    if (!this.limits || !this.caps.stored(kept, this.limits)) return;
    const all = this.all(0);
    const gone = evictions(all, kept, this.limits, now);
    for (const c of gone) {
      const key = cookieKeyOf(c);
      this.removeFromStore(key);
      this.emit({ op: 'delete', key });
    }
    const left = new Set(gone);
    this.caps.reset(gone.length ? all.filter((c) => !left.has(c)) : all);
  }

  private putInStore(cookie: Cookie): void {
    this.store.put(cookie);
  }

  private removeFromStore(key: CookieKey): void {
    this.store.remove(key.domain, key.path, key.name);
    this.provenance.delete(provKey(key));
  }
}

/** The value list with `value` first (a repeat of the current value only moves its time). */
function withValue(values: CookieValueRecord[], value: string, src: CookieSource): CookieValueRecord[] {
  // One new array, no intermediate copies: this runs on every stored Set-Cookie.
  const out: CookieValueRecord[] = [{ value, at: src.at, kind: src.kind }];
  for (let i = values[0]?.value === value ? 1 : 0; i < values.length && out.length < KEPT_VALUES; i++)
    out.push(values[i]);
  return out;
}

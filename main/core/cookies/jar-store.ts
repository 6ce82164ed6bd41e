import {
  type Callback,
  type Cookie,
  type ErrorCallback,
  type Nullable,
  pathMatch,
  permuteDomain,
  Store,
} from 'tough-cookie';

/** path → cookie name → cookie, for one domain. */
export type PathIndex = Map<string, Map<string, Cookie>>;

/**
 * A synchronous in-memory cookie store for tough-cookie, written against its public `Store`
 * API: domain → path → name → Cookie in Maps. tough-cookie's CookieJar uses it for everything it
 * does (it is `synchronous`, so the *Sync methods work); the engine's fast path (`fast-path.ts`)
 * reads and writes the same index through `domain()` and `put()`, so it never needs tough-cookie's
 * own internals.
 */
export class JarStore extends Store {
  private index = new Map<string, PathIndex>();

  constructor() {
    super();
    this.synchronous = true;
  }

  /** The cookies of one domain (exact), by path then name; undefined when it has none. */
  domain(domain: string): PathIndex | undefined {
    return this.index.get(domain);
  }

  /** The stored cookie with this identity, if any. */
  get(domain: string, path: string, key: string): Cookie | undefined {
    return this.index.get(domain)?.get(path)?.get(key);
  }

  /** Stores (or replaces) a cookie under its domain, path and name. */
  put(cookie: Cookie): void {
    const { domain, path, key } = cookie;
    if (domain == null || path == null || key == null) return;
    let byPath = this.index.get(domain);
    if (!byPath) {
      byPath = new Map();
      this.index.set(domain, byPath);
    }
    let byKey = byPath.get(path);
    if (!byKey) {
      byKey = new Map();
      byPath.set(path, byKey);
    }
    byKey.set(key, cookie);
  }

  /** Removes one cookie; true when it was there. */
  remove(domain: string, path: string, key: string): boolean {
    const byPath = this.index.get(domain);
    const byKey = byPath?.get(path);
    if (!byPath || !byKey?.delete(key)) return false;
    if (byKey.size === 0) byPath.delete(path);
    if (byPath.size === 0) this.index.delete(domain);
    return true;
  }

  /** Every cookie, oldest first (tough-cookie's creationIndex), as MemoryCookieStore lists them. */
  list(): Cookie[] {
    const out: Cookie[] = [];
    for (const byPath of this.index.values())
      for (const byKey of byPath.values()) for (const c of byKey.values()) out.push(c);
    return out.sort((a, b) => (a.creationIndex || 0) - (b.creationIndex || 0));
  }

  // ---- tough-cookie's Store API (callback or promise; callbacks are called synchronously) ----

  override findCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
  ): Promise<Cookie | undefined>;
  override findCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback: Callback<Cookie | undefined>,
  ): void;
  override findCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback?: Callback<Cookie | undefined>,
  ): Promise<Cookie | undefined> | undefined {
    const found = domain == null || path == null || key == null ? undefined : this.get(domain, path, key);
    return answer(callback, found);
  }

  override findCookies(
    domain: Nullable<string>,
    path: Nullable<string>,
    allowSpecialUseDomain?: boolean,
  ): Promise<Cookie[]>;
  override findCookies(
    domain: Nullable<string>,
    path: Nullable<string>,
    allowSpecialUseDomain?: boolean,
    callback?: Callback<Cookie[]>,
  ): void;
  override findCookies(
    domain: Nullable<string>,
    path: Nullable<string>,
    allowSpecialUseDomain: boolean | Callback<Cookie[]> = false,
    callback?: Callback<Cookie[]>,
  ): Promise<Cookie[]> | undefined {
    if (typeof allowSpecialUseDomain === 'function') {
      callback = allowSpecialUseDomain;
      allowSpecialUseDomain = true;
    }
    const out: Cookie[] = [];
    if (domain) {
      for (const d of permuteDomain(domain, allowSpecialUseDomain) ?? [domain]) {
        const byPath = this.index.get(d);
        if (!byPath) continue;
        for (const [cookiePath, byKey] of byPath)
          if (!path || pathMatch(path, cookiePath)) for (const c of byKey.values()) out.push(c);
      }
    }
    return answer(callback, out);
  }

  override putCookie(cookie: Cookie): Promise<void>;
  override putCookie(cookie: Cookie, callback: ErrorCallback): void;
  override putCookie(cookie: Cookie, callback?: ErrorCallback): Promise<void> | undefined {
    this.put(cookie);
    return done(callback);
  }

  override updateCookie(oldCookie: Cookie, newCookie: Cookie): Promise<void>;
  override updateCookie(oldCookie: Cookie, newCookie: Cookie, callback: ErrorCallback): void;
  override updateCookie(
    _old: Cookie,
    newCookie: Cookie,
    callback?: ErrorCallback,
  ): Promise<void> | undefined {
    this.put(newCookie);
    return done(callback);
  }

  override removeCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
  ): Promise<void>;
  override removeCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback: ErrorCallback,
  ): void;
  override removeCookie(
    domain: Nullable<string>,
    path: Nullable<string>,
    key: Nullable<string>,
    callback?: ErrorCallback,
  ): Promise<void> | undefined {
    if (domain != null && path != null && key != null) this.remove(domain, path, key);
    return done(callback);
  }

  override removeCookies(domain: string, path: Nullable<string>): Promise<void>;
  override removeCookies(domain: string, path: Nullable<string>, callback: ErrorCallback): void;
  override removeCookies(
    domain: string,
    path: Nullable<string>,
    callback?: ErrorCallback,
  ): Promise<void> | undefined {
    if (path) this.index.get(domain)?.delete(path);
    else this.index.delete(domain);
    return done(callback);
  }

  override removeAllCookies(): Promise<void>;
  override removeAllCookies(callback: ErrorCallback): void;
  override removeAllCookies(callback?: ErrorCallback): Promise<void> | undefined {
    this.index = new Map();
    return done(callback);
  }

  override getAllCookies(): Promise<Cookie[]>;
  override getAllCookies(callback: Callback<Cookie[]>): void;
  override getAllCookies(callback?: Callback<Cookie[]>): Promise<Cookie[]> | undefined {
    return answer(callback, this.list());
  }
}

function answer<T>(callback: Callback<T> | undefined, value: T): Promise<T> | undefined {
  if (!callback) return Promise.resolve(value);
  callback(null, value);
  return undefined;
}

function done(callback: ErrorCallback | undefined): Promise<void> | undefined {
  if (!callback) return Promise.resolve();
  callback(null);
  return undefined;
}

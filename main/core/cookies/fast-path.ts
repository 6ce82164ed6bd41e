import { Cookie, canonicalDomain, cookieCompare, defaultPath, pathMatch, permuteDomain } from 'tough-cookie';
import type { JarStore } from './jar-store';

/**
 * Hot-path versions of tough-cookie's getCookies / setCookie over our own JarStore, used by
 * ProfileJar on every request. They follow tough-cookie's rules exactly for the cases they
 * handle (a property test compares them with tough-cookie) and hand everything else back
 * (setCookie returns undefined → the caller uses tough-cookie). What they save: URL re-parsing,
 * tough-cookie's callback/promise plumbing, and the public-suffix lookup on every request
 * (domain permutations are cached per host).
 */

interface HostInfo {
  host: string;
  /** Domains whose cookies may match this host (tough-cookie's permuteDomain). */
  domains: string[];
  /** Loopback host: Secure cookies are allowed over plain http (allowSecureOnLocal). */
  local: boolean;
  /** IP hosts only match cookies of exactly their own domain. */
  ip: boolean;
}

const hostCache = new Map<string, HostInfo | null>();
/** Printable ASCII with no whitespace: what WHATWG URL gives as an http(s) hostname. */
const ASCII_HOST = /^[\x21-\x7e]+$/;

function isLocal(host: string): boolean {
  const h = host.replace(/\.+$/, '');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(h)) return h.startsWith('127.');
  return h === 'localhost' || h.endsWith('.localhost');
}

function hostInfo(hostname: string): HostInfo | null {
  let info = hostCache.get(hostname);
  if (info !== undefined) return info;
  // IPv6 literals, trailing dots and anything unusual take tough-cookie's own path.
  if (!hostname || hostname.includes('[') || hostname.includes(':') || hostname.endsWith('.')) info = null;
  else {
    // A URL's hostname is already lower-case ASCII (IDNA applied): tough-cookie's canonicalDomain
    // would only strip a leading dot, after testing its IPv6 pattern, a regex so large that
    // compiling it was ~10 ms of a one-off `tandem send`. Anything else still goes through it.
    const host = ASCII_HOST.test(hostname)
      ? hostname.replace(/^\./, '').toLowerCase()
      : canonicalDomain(hostname);
    let domains: string[] | undefined;
    try {
      domains = host ? (permuteDomain(host, true) ?? [host]) : undefined;
    } catch {
      domains = undefined;
    }
    info =
      host && domains ? { host, domains, local: isLocal(host), ip: /^\d+\.\d+\.\d+\.\d+$/.test(host) } : null;
  }
  if (hostCache.size > 2000) hostCache.clear();
  hostCache.set(hostname, info);
  return info;
}

function requestPath(url: URL): string {
  const p = url.pathname;
  if (!p.includes('%')) return p || '/';
  try {
    return decodeURI(p) || '/';
  } catch {
    return p || '/';
  }
}

function trustworthy(url: URL, info: HostInfo): boolean {
  return url.protocol === 'https:' || url.protocol === 'wss:' || info.local;
}

/**
 * Cookies to send to `url` (http API, RFC 6265 order), or null when the host needs
 * tough-cookie's own path. Expired cookies are reported through `onExpired` (and not returned).
 */
export function fastCookiesFor(store: JarStore, url: URL, onExpired: (c: Cookie) => void): Cookie[] | null {
  const info = hostInfo(url.hostname);
  if (!info) return null;
  const path = requestPath(url);
  const secureOk = trustworthy(url, info);
  const now = Date.now();
  const out: Cookie[] = [];
  let expired: Cookie[] | null = null;
  for (const domain of info.domains) {
    const byPath = store.domain(domain);
    if (!byPath) continue;
    for (const [cookiePath, byKey] of byPath) {
      if (!pathMatch(path, cookiePath)) continue;
      for (const c of byKey.values()) {
        if (c.domain !== info.host && (c.hostOnly || info.ip || !info.host.endsWith(`.${c.domain}`)))
          continue;
        if (c.secure && !secureOk) continue;
        const expiry = c.expiryTime();
        if (expiry !== undefined && expiry <= now) {
          if (!expired) expired = [];
          expired.push(c);
          continue;
        }
        out.push(c);
      }
    }
  }
  // Reported after the walk: removing them changes the maps being walked.
  if (expired) for (const c of expired) onExpired(c);
  if (out.length > 1) out.sort(cookieCompare);
  if (out.length > 0) {
    const accessed = new Date(now);
    for (const c of out) c.lastAccessed = accessed;
  }
  return out;
}

/**
 * Stores a parsed host-only cookie (no Domain attribute, no __Secure-/__Host- prefix) exactly as
 * tough-cookie would, and returns it; returns undefined when the cookie needs tough-cookie's full
 * rules (Domain attribute, prefixes, Secure from an untrustworthy origin, unusual hosts).
 */
export function fastSetCookie(store: JarStore, cookie: Cookie, url: URL, now: Date): Cookie | undefined {
  if (cookie.domain) return undefined;
  if (cookie.key.length > 1 && cookie.key[0] === '_' && cookie.key[1] === '_') return undefined;
  const info = hostInfo(url.hostname);
  if (!info) return undefined;
  if (cookie.secure && !trustworthy(url, info)) return undefined;
  cookie.hostOnly = true;
  cookie.domain = info.host;
  if (cookie.path?.[0] !== '/') {
    cookie.path = defaultPath(requestPath(url));
    cookie.pathIsDefault = true;
  }
  const old = store.get(info.host, cookie.path, cookie.key);
  if (old) {
    cookie.creation = old.creation;
    cookie.creationIndex = old.creationIndex;
    cookie.lastAccessed = now;
  } else {
    cookie.creation = cookie.lastAccessed = now;
  }
  store.put(cookie);
  return cookie;
}

const MAX_AGE = /^-?[0-9]+$/;
/** Printable ASCII only (a regex: native even while the code is still cold, unlike a char loop). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * tough-cookie's `Cookie.parse(raw, { loose: false })` for the usual shape of a Set-Cookie header:
 * printable ASCII, and only the attributes Path, Domain, Max-Age, Secure, HttpOnly, SameSite.
 * Gives the same Cookie as tough-cookie (a property test compares them); returns null for anything
 * else (Expires, extensions, control characters, tabs, non-ASCII, a malformed name=value), which
 * the caller hands to tough-cookie.
 */
export function fastParseSetCookie(raw: string): Cookie | null {
  if (!PRINTABLE_ASCII.test(raw)) return null;
  const str = raw.trim();
  const semi = str.indexOf(';');
  const pair = semi === -1 ? str : str.slice(0, semi);
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const c = new Cookie();
  c.key = pair.slice(0, eq).trim();
  c.value = pair.slice(eq + 1).trim();
  if (semi === -1) return c;
  for (const piece of str.slice(semi + 1).split(';')) {
    const av = piece.trim();
    if (av.length === 0) continue;
    const sep = av.indexOf('=');
    const name = (sep === -1 ? av : av.slice(0, sep)).trim().toLowerCase();
    const value = sep === -1 ? null : av.slice(sep + 1).trim();
    switch (name) {
      case 'path':
        c.path = value && value[0] === '/' ? value : null;
        break;
      case 'secure':
        c.secure = true;
        break;
      case 'httponly':
        c.httpOnly = true;
        break;
      case 'samesite': {
        const v = value ? value.toLowerCase() : '';
        c.sameSite = v === 'strict' || v === 'lax' || v === 'none' ? v : undefined;
        break;
      }
      case 'max-age':
        if (value && MAX_AGE.test(value)) c.setMaxAge(Number.parseInt(value, 10));
        break;
      case 'domain':
        if (value) {
          const domain = value.replace(/^\./, '');
          if (domain) c.domain = domain.toLowerCase();
        }
        break;
      default:
        return null;
    }
  }
  return c;
}

import type { CookieInput, CookieKey, CookieView, SameSite } from '../../../../main/shared/types';

/** Pure decisions for the cookie editor: identities, filtering, display and form conversion. */

/** A cookie's identity in the jar, as one string (domain, path, name). */
export function cookieId(c: CookieKey): string {
  return `${c.domain}\t${c.path}\t${c.name}`;
}

export function keyOf(c: CookieView): CookieKey {
  return { domain: c.domain, path: c.path, name: c.name };
}

/** The domain as curl and browsers show it: a leading dot for a domain cookie (matches subdomains). */
export function displayDomain(c: Pick<CookieView, 'domain' | 'hostOnly'>): string {
  return c.hostOnly ? c.domain : `.${c.domain}`;
}

/** Keeps cookies whose name, value or domain contains the query (case-insensitive). Empty query keeps all. */
export function filterCookies(cookies: CookieView[], query: string): CookieView[] {
  const q = query.trim().toLowerCase();
  if (!q) return cookies;
  return cookies.filter(
    (c) =>
      c.name.toLowerCase().includes(q) ||
      c.value.toLowerCase().includes(q) ||
      c.domain.toLowerCase().includes(q),
  );
}

/** "Session" for a session cookie, else a short local date and time. */
export function formatExpires(expires: string | null): string {
  if (!expires) return 'Session';
  const d = new Date(expires);
  if (Number.isNaN(d.getTime())) return expires;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Bytes shown in the size column. */
export function formatSize(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`;
}

/** Distinct domains in the jar, sorted, for "Clear domain…". */
export function domainsOf(cookies: CookieView[]): string[] {
  return [...new Set(cookies.map((c) => c.domain))].sort();
}

export type CookieField = 'name' | 'value' | 'domain' | 'path' | 'expires' | 'sameSite';

/** Which form field a core validation message is about, so it can be shown next to that field. */
export function fieldOfCookieError(message: string): CookieField | null {
  if (/cookie name/i.test(message)) return 'name';
  if (/invalid value/i.test(message)) return 'value';
  if (/domain|public suffix/i.test(message)) return 'domain';
  if (/path/i.test(message)) return 'path';
  if (/expir/i.test(message)) return 'expires';
  if (/samesite/i.test(message)) return 'sameSite';
  return null;
}

/** JSON when the text looks like JSON, else Netscape cookies.txt. */
export function detectCookieFormat(text: string): 'json' | 'netscape' {
  const t = text.trimStart();
  return t.startsWith('[') || t.startsWith('{') ? 'json' : 'netscape';
}

export interface CookieForm {
  name: string;
  value: string;
  /** Leading dot = domain cookie. */
  domain: string;
  path: string;
  /** Session (gone when the app closes), an expiry instant, or a Max-Age from now. */
  lifetime: Lifetime;
  /** ISO `YYYY-MM-DDTHH:mm` (seconds optional) in local time, or any ISO instant with an offset. */
  expires: string;
  /** Whole seconds from now (Max-Age), when lifetime is 'maxAge'. */
  maxAge: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: '' | SameSite;
}

export type Lifetime = 'session' | 'expires' | 'maxAge';

/**
 * The expiry the user typed: `YYYY-MM-DDTHH:mm[:ss]` (a space for the T is fine) read as local
 * time, or a full ISO instant with Z or an offset. Null when it is not a date-time.
 */
export function parseLocalDateTime(text: string): Date | null {
  const t = text.trim();
  const m = t.match(/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/);
  if (m) {
    const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0));
    const date = new Date(y, mo - 1, d, h, mi, sec);
    return date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) {
    const date = new Date(t);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/** An instant in the user's own locale and time zone: "Tuesday, 1 December 2026 at 14:30". */
export function formatInLocale(d: Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }).format(d);
}

/** ISO date → `YYYY-MM-DDTHH:mm` in local time ('' for null). */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function emptyForm(domain: string): CookieForm {
  return {
    name: '',
    value: '',
    domain,
    path: '/',
    lifetime: 'session',
    expires: '',
    maxAge: '',
    secure: false,
    httpOnly: false,
    sameSite: '',
  };
}

export function formOf(c: CookieView): CookieForm {
  return {
    name: c.name,
    value: c.value,
    domain: displayDomain(c),
    path: c.path,
    lifetime: c.expires ? 'expires' : 'session',
    expires: toLocalInput(c.expires),
    maxAge: '',
    secure: c.secure,
    httpOnly: c.httpOnly,
    sameSite: c.sameSite ?? '',
  };
}

/**
 * What the editor sends to `cookies.set`. Session: no expiry. Expires: an untouched expiry keeps
 * the original instant (the field has minute precision); a typed one is read as local time.
 * Max-Age: that many seconds from `now` (0 or less expires it at once, as a server's would).
 * Text that is not a date or a number is passed through so the core names it in its error.
 */
export function inputOf(form: CookieForm, original?: CookieView | null, now = Date.now()): CookieInput {
  let expires: string | null = null;
  if (form.lifetime === 'expires' && form.expires.trim()) {
    if (original?.expires && form.expires === toLocalInput(original.expires)) expires = original.expires;
    else expires = parseLocalDateTime(form.expires)?.toISOString() ?? form.expires;
  } else if (form.lifetime === 'maxAge' && form.maxAge.trim()) {
    const seconds = form.maxAge.trim();
    expires = /^-?\d+$/.test(seconds)
      ? new Date(now + Math.max(Number(seconds), 0) * 1000).toISOString()
      : `Max-Age ${seconds}`;
  }
  const domain = form.domain.trim();
  return {
    name: form.name.trim(),
    value: form.value,
    domain,
    path: form.path.trim() || '/',
    expires,
    secure: form.secure,
    httpOnly: form.httpOnly,
    sameSite: form.sameSite || null,
    hostOnly: !domain.startsWith('.'),
  };
}

/** True when saving the form would give the cookie a new identity (so the old one must go). */
export function movesIdentity(input: CookieInput, original: CookieView): boolean {
  const domain = input.domain.replace(/^\./, '').toLowerCase();
  return domain !== original.domain || (input.path ?? '/') !== original.path || input.name !== original.name;
}

/** File name for an export: `alice-cookies.txt` or `alice-cookies.json`. */
export function exportFileName(profile: string, format: 'netscape' | 'json'): string {
  return `${profile}-cookies.${format === 'json' ? 'json' : 'txt'}`;
}

/** The attributes worth a badge: HttpOnly, Secure, SameSite. */
export function flagsOf(c: Pick<CookieView, 'httpOnly' | 'secure' | 'sameSite'>): string[] {
  const out: string[] = [];
  if (c.httpOnly) out.push('HttpOnly');
  if (c.secure) out.push('Secure');
  if (c.sameSite) out.push(c.sameSite);
  return out;
}

/** The host of a URL the user is editing, or null when it is not a plain http(s) URL yet (e.g. {{baseUrl}}/x). */
export function hostOf(url: string): string | null {
  try {
    const u = new URL(url.trim());
    return /^https?:$/.test(u.protocol) && u.hostname ? u.hostname : null;
  } catch {
    return null;
  }
}

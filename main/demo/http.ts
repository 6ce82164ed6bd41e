import { HTTP_TOKEN, STRICT_COOKIE_VALUE } from '../shared/text';

/**
 * Small, pure HTTP helpers for the demo API: replies, cookies, header casing, query maps,
 * route matching and body parsing. node:http only; nothing here touches a socket.
 */

/** What a route handler returns; the server writes it. Repeated header names are kept. */
export interface Reply {
  status: number;
  headers: Array<[string, string]>;
  body: string | Buffer;
}

export type MultiDict = Record<string, string | string[]>;

export function json(status: number, value: unknown, headers: Array<[string, string]> = []): Reply {
  return {
    status,
    headers: [['Content-Type', 'application/json'], ...headers],
    body: `${JSON.stringify(value, null, 2)}\n`,
  };
}

export function text(
  status: number,
  body: string,
  contentType = 'text/plain; charset=utf-8',
  headers: Array<[string, string]> = [],
): Reply {
  return { status, headers: [['Content-Type', contentType], ...headers], body };
}

/** A redirect with an optional list of Set-Cookie values, like Flask/Starlette redirects. */
export function redirect(location: string, setCookies: string[] = [], status = 302): Reply {
  return {
    status,
    headers: [
      ['Location', location],
      ['Content-Type', 'text/html; charset=utf-8'],
      ...setCookies.map((c): [string, string] => ['Set-Cookie', c]),
    ],
    body: `<!doctype html>\n<title>Redirecting...</title>\n<p>Redirecting to <a href="${escapeHtml(location)}">${escapeHtml(location)}</a>.</p>\n`,
  };
}

export function detail(status: number, message: string, headers: Array<[string, string]> = []): Reply {
  return json(status, { detail: message }, headers);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// ---------- headers ----------

/** httpbin/werkzeug casing: "x-custom-header" → "X-Custom-Header". */
export function canonicalHeaderName(name: string): string {
  return name
    .toLowerCase()
    .split('-')
    .map((p) => (p ? p[0].toUpperCase() + p.slice(1) : p))
    .join('-');
}

/**
 * Request headers as httpbin shows them: canonical names; a header sent more than once is
 * joined with ", " (as WSGI servers do), so two Cookie headers are visible as such.
 */
export function headersObject(rawHeaders: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = canonicalHeaderName(rawHeaders[i]);
    const value = rawHeaders[i + 1];
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

// ---------- query strings ----------

/** Query/form pairs as httpbin shows them: a repeated key becomes an array. */
export function multiDict(params: URLSearchParams | Iterable<[string, string]>): MultiDict {
  const out: MultiDict = {};
  for (const [k, v] of params) {
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

// ---------- cookies ----------

export const EPOCH = 'Thu, 01 Jan 1970 00:00:00 GMT';

/** Parses a Cookie request header; the first occurrence of a name wins (as werkzeug does). */
export function parseCookieHeader(header: string | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !(name in out)) out[name] = value;
  }
  return out;
}

export interface CookieOptions {
  path?: string | null;
  domain?: string | null;
  maxAge?: number | null;
  expires?: Date | string | null;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: 'Strict' | 'Lax' | 'None' | null;
}

export function isCookieName(name: string): boolean {
  return HTTP_TOKEN.test(name);
}

export function isCookieValue(value: string): boolean {
  return STRICT_COOKIE_VALUE.test(value);
}

/** Builds one Set-Cookie value. Attributes appear in a fixed order; Path defaults to "/" (pass null to omit). */
export function serializeCookie(name: string, value: string, opts: CookieOptions = {}): string {
  const parts = [`${name}=${value}`];
  if (opts.expires != null)
    parts.push(`Expires=${opts.expires instanceof Date ? opts.expires.toUTCString() : opts.expires}`);
  if (opts.maxAge != null) parts.push(`Max-Age=${Math.trunc(opts.maxAge)}`);
  if (opts.domain) parts.push(`Domain=${opts.domain}`);
  const path = opts.path === undefined ? '/' : opts.path;
  if (path) parts.push(`Path=${path}`);
  if (opts.secure) parts.push('Secure');
  if (opts.httpOnly) parts.push('HttpOnly');
  if (opts.sameSite) parts.push(`SameSite=${opts.sameSite}`);
  return parts.join('; ');
}

/** The Set-Cookie that deletes `name` (Max-Age=0 and an Expires in 1970). */
export function deleteCookie(name: string, path = '/'): string {
  return `${name}=; Max-Age=0; Path=${path}; Expires=${EPOCH}`;
}

// ---------- routing ----------

/**
 * Matches a path against a pattern: literal segments, ":name" captures one segment, a trailing
 * "*" captures the rest (possibly empty). Returns the captures, or null.
 */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  if (pattern.endsWith('*')) {
    const base = pattern.slice(0, -1).replace(/\/$/, '');
    if (path === base) return { rest: '' };
    if (path.startsWith(`${base}/`)) return { rest: path.slice(base.length + 1) };
    return null;
  }
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      if (!s[i]) return null;
      try {
        params[p[i].slice(1)] = decodeURIComponent(s[i]);
      } catch {
        return null;
      }
    } else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** Parses a non-negative integer path/query value; null when it is not one. */
export function intParam(s: string | null | undefined): number | null {
  if (s == null || !/^\d{1,9}$/.test(s)) return null;
  return Number(s);
}

/**
 * What history keeps of a request: credentials are replaced by REDACTED unless the workspace
 * setting `keepFullHistory` is on. Redacted:
 * - the values of Authorization, Proxy-Authorization and Cookie headers;
 * - per-request cookies (`request.cookies`);
 * - basic-auth passwords and bearer tokens;
 * - form fields, multipart fields, query parameters, headers and JSON keys named like a
 *   credential (SENSITIVE_NAME: password, secret, token, api key…);
 * - the value of every secret variable of the profile, wherever it appears (URL, headers, body).
 * A value made only of `{{variable}}` references (`Bearer {{token}}`) holds no credential and is
 * kept, so the entry opened as a request still sends the variable (shared/redaction.ts finds the
 * placeholders that are left).
 * Pure: works on any JSON value (a HistoryEntry, a run record and its steps).
 */

import { isVariableOnly, REDACTED } from '../../shared/redaction';

export { REDACTED };

/** Names whose values are credentials. */
export const SENSITIVE_NAME =
  /pass(word|wd|phrase)?$|passw|secret|token|api[-_]?key|credential|session[-_]?id/i;
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie)$/i;

/** Headers whose value is a credential in a kept response: Authorization, Cookie, Set-Cookie. */
function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADER.test(name) || /^set-cookie$/i.test(name);
}

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name) || CREDENTIAL_HEADER.test(name);
}

/** Replaces every occurrence of each secret (longest first) in `text`. */
function hideSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}

function queryValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A credential's value as history keeps it: the placeholder, unless it is only variable references. */
const keptCredential = (value: string) => (isVariableOnly(value) ? value : REDACTED);

function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const parts = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    let name = pair.slice(0, eq);
    try {
      name = decodeURIComponent(name.replace(/\+/g, ' '));
    } catch {
      /* keep it as written */
    }
    return isSensitiveName(name) && !isVariableOnly(queryValue(pair.slice(eq + 1)))
      ? `${pair.slice(0, eq)}=${encodeURIComponent(REDACTED)}`
      : pair;
  });
  return `${url.slice(0, q + 1)}${parts.join('&')}${hash < 0 ? '' : url.slice(hash)}`;
}

function redactJsonValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redactJsonValue);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v))
      out[k] =
        isSensitiveName(k) && x !== null && typeof x !== 'object'
          ? keptCredential(typeof x === 'string' ? x : '')
          : redactJsonValue(x);
    return out;
  }
  return v;
}

/** JSON text with credential-named keys redacted; text that is not JSON has `"key": "value"` pairs redacted. */
export function redactJsonText(text: string): string {
  try {
    return JSON.stringify(redactJsonValue(JSON.parse(text)), null, text.includes('\n') ? 2 : undefined);
  } catch {
    return text.replace(/("([^"\\]*)"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\s\]]+)/g, (all, head, key, val) =>
      isSensitiveName(key) && !isVariableOnly(val.replace(/^"|"$/g, '')) ? `${head}"${REDACTED}"` : all,
    );
  }
}

function walk(v: unknown, secrets: string[], key: string | null): unknown {
  if (typeof v === 'string') {
    const hidden = secrets.length ? hideSecrets(v, secrets) : v;
    return key === 'url' ? redactUrl(hidden) : hidden;
  }
  if (Array.isArray(v)) {
    // A header as a [name, value] pair (kept responses): credential headers and Set-Cookie.
    if (v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && isCredentialHeader(v[0]))
      return [v[0], REDACTED];
    return v.map((x) => walk(x, secrets, null));
  }
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = walk(x, secrets, k);
  // { name, value } pairs: headers, form fields, multipart fields, per-request cookies.
  if (typeof o.name === 'string' && typeof o.value === 'string' && isSensitiveName(o.name))
    out.value = keptCredential(out.value as string);
  // A request: per-request cookies, auth, JSON bodies.
  if (Array.isArray(o.cookies) && typeof o.method === 'string')
    out.cookies = (o.cookies as Array<Record<string, unknown>>).map((c) =>
      c && typeof c === 'object' ? { ...c, value: keptCredential(String(c.value ?? '')) } : c,
    );
  // A kept response and its hops: the cookies that went out and came back.
  if (typeof o.cookieHeader === 'string') out.cookieHeader = REDACTED;
  if (Array.isArray(o.cookiesSent))
    out.cookiesSent = (o.cookiesSent as Array<Record<string, unknown>>).map((c) => ({
      ...c,
      value: REDACTED,
    }));
  if (Array.isArray(o.cookiesSet))
    out.cookiesSet = (o.cookiesSet as Array<Record<string, unknown>>).map((c) => {
      const cookie = c.cookie as Record<string, unknown> | null;
      const raw = typeof c.raw === 'string' ? c.raw.replace(/^([^=;]*=)[^;]*/, `$1${REDACTED}`) : c.raw;
      return { ...c, raw, cookie: cookie ? { ...cookie, value: REDACTED } : cookie };
    });
  if (o.type === 'basic' && typeof o.password === 'string')
    out.password = keptCredential(out.password as string);
  if (o.type === 'bearer' && typeof o.token === 'string') out.token = keptCredential(out.token as string);
  if (o.type === 'json' && typeof out.text === 'string') out.text = redactJsonText(out.text as string);
  if (o.type === 'text' && typeof out.text === 'string' && /json/i.test(String(o.contentType ?? '')))
    out.text = redactJsonText(out.text as string);
  return out;
}

/**
 * A copy of `value` (a history entry) with credentials redacted. `secrets`: the values of the
 * profile's secret variables (empty ones ignored).
 */
export function redactForHistory<T>(value: T, secrets: string[] = []): T {
  const hidden = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  return walk(value, hidden, null) as T;
}

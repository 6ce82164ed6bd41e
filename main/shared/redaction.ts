import { findVariables } from './substitute';
import type { RequestSpec, TandemError } from './types';

/**
 * The placeholder history writes in place of a credential (see core/history/redact.ts), and what
 * opening such an entry as a request has to know about it: where the placeholders are, and the
 * one line that says so. Sending a placeholder would send the literal text `[redacted]` to the
 * server, so every side that re-sends a request from history refuses while one is left.
 * Pure: no I/O.
 */

export const REDACTED = '[redacted]';

/** One value history kept as the placeholder: a query parameter, a header, a body field… */
export interface RedactedSpot {
  where: 'url' | 'query' | 'header' | 'body' | 'auth' | 'cookie' | 'option';
  /** The parameter, header, field or cookie name; the auth field; "URL" / "body" when none. */
  name: string;
}

/** Auth schemes a credential header may name before its value (`Bearer {{token}}`). */
const AUTH_SCHEME = /^(bearer|basic|token|digest|negotiate|bot|apikey|key)$/i;

/**
 * A value made only of `{{variable}}` references (optionally after an auth scheme, `Bearer
 * {{token}}`, or joined by `:`), so no credential of its own: history keeps it as written and the
 * entry opened as a request sends the variable's current value.
 */
export function isVariableOnly(value: string): boolean {
  const refs = findVariables(value);
  if (refs.length === 0) return false;
  let rest = '';
  let at = 0;
  for (const r of refs) {
    rest += `${value.slice(at, r.start)} `;
    at = r.end;
  }
  rest += value.slice(at);
  const words = rest.replace(/:/g, ' ').trim().split(/\s+/).filter(Boolean);
  return words.length === 0 || (words.length === 1 && AUTH_SCHEME.test(words[0]) && /^\s*\S+\s/.test(value));
}

/** Whether `text` holds the placeholder, as written or percent-encoded (in a URL). */
export function hasRedacted(text: string): boolean {
  if (text.includes(REDACTED)) return true;
  if (!text.includes('%')) return false;
  try {
    return decodeURIComponent(text).includes(REDACTED);
  } catch {
    return /%5Bredacted%5D/i.test(text);
  }
}

function queryName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function inUrl(url: string, out: RedactedSpot[]): void {
  const hashAt = url.indexOf('#');
  const rest = hashAt < 0 ? url : url.slice(0, hashAt);
  const q = rest.indexOf('?');
  if (hasRedacted(q < 0 ? rest : rest.slice(0, q))) out.push({ where: 'url', name: 'URL' });
  if (q < 0) return;
  for (const pair of rest.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (hasRedacted(pair.slice(eq + 1))) out.push({ where: 'query', name: queryName(pair.slice(0, eq)) });
  }
}

/** The keys of a JSON text whose values hold the placeholder ("body" when it is elsewhere). */
function inJson(text: string, out: RedactedSpot[]): void {
  if (!text.includes(REDACTED)) return;
  const names: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v))
        if (typeof x === 'string' && x.includes(REDACTED)) names.push(k);
        else walk(x);
  };
  try {
    walk(JSON.parse(text));
  } catch {
    for (const m of text.matchAll(/"([^"\\]*)"\s*:\s*"[^"\\]*\[redacted\]/g)) names.push(m[1]);
  }
  if (names.length === 0) names.push('body');
  for (const name of names) out.push({ where: 'body', name });
}

const sent = (row: { enabled?: boolean }) => row.enabled !== false;

/**
 * Every place of a request that still holds the placeholder and would be sent: URL path and
 * query values, enabled headers, body fields (form, multipart, JSON keys; "body" for text), auth
 * fields, per-request cookies, the proxy option. In the request's order; empty when none.
 */
export function findRedacted(spec: RequestSpec): RedactedSpot[] {
  const out: RedactedSpot[] = [];
  inUrl(spec.url, out);
  for (const h of spec.headers)
    if (sent(h) && hasRedacted(h.value)) out.push({ where: 'header', name: h.name || 'header' });
  const b = spec.body;
  if (b.type === 'json') inJson(b.text, out);
  else if (b.type === 'text') {
    if (/json/i.test(b.contentType ?? '')) inJson(b.text, out);
    else if (b.text.includes(REDACTED)) out.push({ where: 'body', name: 'body' });
  } else if (b.type === 'form') {
    for (const f of b.fields)
      if (sent(f) && hasRedacted(f.value)) out.push({ where: 'body', name: f.name || 'field' });
  } else if (b.type === 'multipart') {
    for (const p of b.parts)
      if (p.kind === 'field' && sent(p) && p.value.includes(REDACTED))
        out.push({ where: 'body', name: p.name || 'field' });
  }
  const a = spec.auth;
  if (a?.type === 'basic') {
    if (a.username.includes(REDACTED)) out.push({ where: 'auth', name: 'username' });
    if (a.password.includes(REDACTED)) out.push({ where: 'auth', name: 'password' });
  } else if (a?.type === 'bearer' && a.token.includes(REDACTED)) out.push({ where: 'auth', name: 'token' });
  for (const c of spec.cookies ?? [])
    if (sent(c) && c.value.includes(REDACTED)) out.push({ where: 'cookie', name: c.name || 'cookie' });
  if (spec.options?.proxy && hasRedacted(spec.options.proxy)) out.push({ where: 'option', name: 'proxy' });
  return out;
}

/** "session_id (query)"; the URL's path as "the URL path". */
export function spotLabel(s: RedactedSpot): string {
  return s.where === 'url' ? 'the URL path' : `${s.name} (${s.where})`;
}

/**
 * The one line the editor shows and Send refuses with: "2 values were redacted in history:
 * session_id (query), Authorization (header) — fill them in or use a variable before sending".
 */
export function redactionNotice(spots: RedactedSpot[]): string {
  const n = spots.length;
  const head = n === 1 ? '1 value was redacted in history' : `${n} values were redacted in history`;
  return `${head}: ${spots.map(spotLabel).join(', ')} — fill ${n === 1 ? 'it' : 'them'} in or use a variable before sending`;
}

/** What Send (and Compare) answers instead of sending while a placeholder is left; null when none is. */
export function refuseRedacted(spec: RequestSpec): TandemError | null {
  const spots = findRedacted(spec);
  return spots.length ? { code: 'INVALID_ARGUMENT', message: redactionNotice(spots) } : null;
}

import { fail } from '../../shared/errors';
import { COOKIE_VALUE, HTTP_TOKEN } from '../../shared/text';
import type { KeyValue, SentCookie } from '../../shared/types';

/**
 * Builds the ONE Cookie header a hop sends, from three sources, weakest first:
 *   1. the jar's cookies for the URL (RFC 6265 order),
 *   2. a Cookie header the user typed (its entries replace jar cookies of the same name),
 *   3. per-request cookies (each replaces every jar and typed cookie of the same name).
 * Order on the wire: surviving jar cookies, then surviving typed entries, then per-request cookies.
 * Pure: the caller validates per-request cookies first (`validateRequestCookie`).
 */
export function mergeCookies(
  jar: ReadonlyArray<{ name: string; value: string }>,
  typedHeader: string | null,
  perRequest: readonly KeyValue[],
): { header: string | null; sent: SentCookie[] } {
  const requestNames = new Set<string>();
  for (const c of perRequest) if (c.enabled !== false) requestNames.add(c.name);
  const typed = typedHeader ? parseCookieHeader(typedHeader) : [];
  const typedNames = new Set<string>();
  for (const t of typed) typedNames.add(t.name);

  const sent: SentCookie[] = [];
  const parts: string[] = [];
  for (const c of jar) {
    if (requestNames.has(c.name) || typedNames.has(c.name)) continue;
    sent.push({ name: c.name, value: c.value, source: 'jar' });
    parts.push(`${c.name}=${c.value}`);
  }
  for (const t of typed) {
    if (requestNames.has(t.name)) continue;
    sent.push({ name: t.name, value: t.value, source: 'header' });
    parts.push(t.bare ? t.name : `${t.name}=${t.value}`);
  }
  for (const c of perRequest) {
    if (c.enabled === false) continue;
    sent.push({ name: c.name, value: c.value, source: 'request' });
    parts.push(`${c.name}=${c.value}`);
  }
  return { header: parts.length > 0 ? parts.join('; ') : null, sent };
}

/** Splits a typed `Cookie:` header value into entries. `a=1; b; c=x=y` → a=1, b (bare), c="x=y". */
export function parseCookieHeader(header: string): Array<{ name: string; value: string; bare: boolean }> {
  const out: Array<{ name: string; value: string; bare: boolean }> = [];
  for (const piece of header.split(';')) {
    const part = piece.trim();
    if (!part) continue;
    const eq = part.indexOf('=');
    if (eq === -1) out.push({ name: part, value: '', bare: true });
    else out.push({ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim(), bare: false });
  }
  return out;
}

/** Throws INVALID_COOKIE naming the cookie when a per-request cookie cannot go on the wire. */
export function validateRequestCookie(c: KeyValue): void {
  if (!c.name || !HTTP_TOKEN.test(c.name))
    fail('INVALID_COOKIE', `Invalid cookie name "${c.name}": use letters, digits and !#$%&'*+-.^_\`|~`);
  if (!COOKIE_VALUE.test(c.value))
    fail(
      'INVALID_COOKIE',
      `Invalid value for cookie "${c.name}": no semicolons, backslashes, inner double quotes or control characters`,
    );
}

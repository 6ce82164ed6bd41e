import { isUtf8 } from 'node:buffer';

/** Response helpers. Pure functions over bytes and header lists. */

/** undici's raw header list (name, value, name, value…) → ordered pairs, repeats kept. */
export function headerPairs(raw: Buffer[]): Array<[string, string]> {
  const out: Array<[string, string]> = new Array(raw.length >> 1);
  for (let i = 0, j = 0; i < raw.length; i += 2, j++) {
    out[j] = [raw[i].toString('latin1'), raw[i + 1].toString('latin1')];
  }
  return out;
}

const HIGH_BYTES = /[\x80-\xff]/;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * A header value as text: undici hands header bytes over as latin1 characters; when they are
 * valid UTF-8 (a cookie value in Japanese, an emoji) they are read as UTF-8, else left as they are.
 */
export function utf8Text(latin1: string): string {
  if (!HIGH_BYTES.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : latin1;
}

/** The inverse for a header going out: text → its UTF-8 bytes as latin1 characters (what undici writes). */
export function wireText(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

/** First value of a header (case-insensitive), or null. */
export function headerValue(headers: ReadonlyArray<[string, string]>, lower: string): string | null {
  for (const [n, v] of headers) if (n.length === lower.length && n.toLowerCase() === lower) return v;
  return null;
}

/** Every value of a header (case-insensitive), in order. */
export function headerValues(headers: ReadonlyArray<[string, string]>, lower: string): string[] {
  const out: string[] = [];
  for (const [n, v] of headers) if (n.length === lower.length && n.toLowerCase() === lower) out.push(v);
  return out;
}

export interface ResponseHeaderInfo {
  /** Every Set-Cookie value, in order. */
  setCookie: string[];
  /** First value of each, or null (as `headerValue`). */
  location: string | null;
  contentType: string | null;
  contentEncoding: string | null;
}

/** The headers the engine reads from every response, in one pass (same values as headerValue/headerValues). */
export function scanResponseHeaders(headers: ReadonlyArray<[string, string]>): ResponseHeaderInfo {
  const out: ResponseHeaderInfo = { setCookie: [], location: null, contentType: null, contentEncoding: null };
  for (const [n, v] of headers) {
    switch (n.length) {
      case 8:
        if (out.location === null && n.toLowerCase() === 'location') out.location = v;
        break;
      case 10:
        if (n.toLowerCase() === 'set-cookie') out.setCookie.push(v);
        break;
      case 12:
        if (out.contentType === null && n.toLowerCase() === 'content-type') out.contentType = v;
        break;
      case 16:
        if (out.contentEncoding === null && n.toLowerCase() === 'content-encoding') out.contentEncoding = v;
        break;
    }
  }
  return out;
}

const TEXTUAL =
  /^text\/|[/+](json|xml)(\s*;|$)|^application\/(javascript|ecmascript|x-www-form-urlencoded|x-javascript|graphql|x-ndjson|ld\+json)|^image\/svg\+xml/i;

/** utf-8 text for textual content types (or no type and valid utf-8), base64 otherwise. */
export function decodeBody(
  body: Buffer,
  contentType: string | null,
): { body: string; bodyEncoding: 'utf8' | 'base64' } {
  if (body.length === 0) return { body: '', bodyEncoding: 'utf8' };
  const textual = contentType ? TEXTUAL.test(contentType.trim()) : isUtf8(body);
  return textual
    ? { body: body.toString('utf8'), bodyEncoding: 'utf8' }
    : { body: body.toString('base64'), bodyEncoding: 'base64' };
}

/**
 * Small pure text helpers every side shares: the HTTP token grammar, the cookie-value grammar,
 * profile names, and zod's first issue as one line. Write a regex or formatter here once
 * instead of pasting it.
 */

/** RFC 9110 `token`: header names, methods, cookie names. */
export const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHttpToken(s: string): boolean {
  return HTTP_TOKEN.test(s);
}

/**
 * RFC 6265 cookie-octet (optionally DQUOTE-wrapped), plus space and comma, which browsers and
 * curl accept inside values, and non-ASCII text (it travels as UTF-8 bytes, as browsers send it).
 */
export const COOKIE_VALUE = /^"?[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E ,\u0080-\uFFFF]*"?$/;

/** RFC 6265 cookie-octet only (what a strict server sends). */
export const STRICT_COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

/** Profile names: 1–64 of [A-Za-z0-9._-], not starting with '.' or '-'. */
export const PROFILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$/;

/** The part of a zod error this needs (structural, so any zod version or a hand-made list fits). */
export interface IssueList {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

/**
 * The first problem zod found, as one line after `prefix`:
 * `"<prefix> at items.0.url: <zod's message>"`, or `"<prefix>: <message>"` at the top level.
 * `message` replaces zod's wording when the caller has a better hint.
 */
export function issueLine(prefix: string, error: IssueList, message?: string): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
  return `${prefix}${where}: ${message ?? issue?.message ?? 'invalid'}`;
}

/** `base`, or `base 2`, `base 3`… : the first that is not taken (names of copies). */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base} ${i}`)) return `${base} ${i}`;
}

/** "1 cookie", "3 cookies": a count and its noun, plural with a plain "s". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * How many bytes `s` takes as UTF-8, without encoding it (a lone surrogate counts as the 3 bytes
 * of the U+FFFD that TextEncoder writes for it). For per-cookie checks over whole jars.
 */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a surrogate pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

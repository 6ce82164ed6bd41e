import { z } from 'zod';
import { utf8Length } from './text';
import type { CookieView } from './types';

/**
 * What Tandem knows about a jar cookie beyond its attributes: where it came from (provenance),
 * its last few values, and lint warnings. Pure; used by the core, the CLI and the renderer.
 */

export const cookieSourceKinds = ['request', 'browser', 'import', 'edit', 'unknown'] as const;

/** Where a cookie's current value came from, and when. */
export const cookieSourceSchema = z.object({
  /** request: a Set-Cookie of a send; browser: browser login; import: a cookie file; edit: typed by hand; unknown: an older journal. */
  kind: z.enum(cookieSourceKinds),
  /** The history id of the send (its response id) that set it. */
  request: z.string().optional(),
  /** Which hop of that send (0 = the first response). */
  hop: z.number().int().nonnegative().optional(),
  /** The URL that answered with the Set-Cookie, or the page of a browser login. */
  url: z.string().optional(),
  /** ISO date. */
  at: z.string(),
});
export type CookieSource = z.infer<typeof cookieSourceSchema>;

/** One earlier (or the current) value of a cookie, newest first in `values`. */
export const cookieValueRecordSchema = z.object({
  value: z.string(),
  at: z.string(),
  kind: z.enum(cookieSourceKinds),
});
export type CookieValueRecord = z.infer<typeof cookieValueRecordSchema>;

/** How many values a cookie remembers (the current one included). */
export const KEPT_VALUES = 5;

export interface CookieWarning {
  code: 'session-httponly' | 'session-secure' | 'samesite-none' | 'host-prefix' | 'secure-prefix' | 'size';
  message: string;
}

/** A jar cookie as `cookies.list` returns it. */
export interface JarCookie extends CookieView {
  source: CookieSource;
  /** Newest first; the first is the current value. */
  values: CookieValueRecord[];
  warnings: CookieWarning[];
}

/** A cookie's source as one short line: "request abc12345 hop 1 (http://…)", "browser login", … */
export function describeSource(s: CookieSource): string {
  switch (s.kind) {
    case 'request':
      return `response${s.request ? ` ${s.request.slice(0, 8)}` : ''}${s.hop !== undefined ? ` hop ${s.hop}` : ''}${s.url ? ` (${s.url})` : ''}`;
    case 'browser':
      return `browser login${s.url ? ` (${s.url})` : ''}`;
    case 'import':
      return 'imported';
    case 'edit':
      return 'edited by hand';
    default:
      return 'unknown (saved before Tandem recorded sources)';
  }
}

const SESSION_NAME = /sess|sid|auth|token|jwt|login|remember|csrf|xsrf/i;

/** True when a cookie's name looks like it carries a session or a credential. */
export function looksLikeSession(name: string): boolean {
  return SESSION_NAME.test(name);
}

/** The browser limit for one cookie (name + value), RFC 6265 §6.1. */
export const COOKIE_BYTES = 4096;

/** Lint for one cookie, each warning saying why it matters. */
export function lintCookie(
  c: Pick<CookieView, 'name' | 'value' | 'path' | 'secure' | 'httpOnly' | 'sameSite' | 'hostOnly'>,
): CookieWarning[] {
  const out: CookieWarning[] = [];
  if (looksLikeSession(c.name)) {
    if (!c.httpOnly)
      out.push({
        code: 'session-httponly',
        message:
          'Session-like cookie without HttpOnly: any script on the page (an XSS) can read and steal it',
      });
    if (!c.secure)
      out.push({
        code: 'session-secure',
        message:
          'Session-like cookie without Secure: it is also sent over plain http, where anyone on the network can read it',
      });
  }
  if (c.sameSite === 'None' && !c.secure)
    out.push({
      code: 'samesite-none',
      message: 'SameSite=None without Secure: browsers reject it, so the cookie never arrives',
    });
  if (c.name.startsWith('__Host-')) {
    const broken: string[] = [];
    if (!c.secure) broken.push('no Secure');
    if (!c.hostOnly) broken.push('has a Domain');
    if (c.path !== '/') broken.push(`Path is ${c.path}, not /`);
    if (broken.length)
      out.push({
        code: 'host-prefix',
        message: `__Host- prefix broken (${broken.join(', ')}): browsers refuse it; the prefix promises a Secure, host-only cookie on Path=/`,
      });
  } else if (c.name.startsWith('__Secure-') && !c.secure)
    out.push({
      code: 'secure-prefix',
      message:
        '__Secure- prefix without Secure: browsers refuse it; the prefix promises it only travels over https',
    });
  const bytes = utf8Length(c.name) + utf8Length(c.value);
  if (bytes > COOKIE_BYTES)
    out.push({
      code: 'size',
      message: `${bytes} bytes, over the ${COOKIE_BYTES}-byte limit: browsers drop it silently`,
    });
  return out;
}

import {
  type CookieOptions,
  deleteCookie,
  isCookieName,
  isCookieValue,
  json,
  redirect,
  serializeCookie,
  text,
} from './http';
import { type DemoContext, HttpError, type Route } from './types';

/**
 * The itty3 tutorial's greeting app, the FastAPI tutorial's set/get cookie pair, and the
 * attribute playground ("cookie lab") where every Set-Cookie attribute can be exercised.
 */

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function setReply(cookies: string[]): ReturnType<typeof json> {
  return json(
    200,
    { set: cookies },
    cookies.map((c): [string, string] => ['Set-Cookie', c]),
  );
}

function echo(ctx: DemoContext) {
  return json(200, {
    path: ctx.url.pathname,
    cookie: ctx.headers.Cookie ?? null,
    cookies: ctx.cookies,
  });
}

const SAME_SITE: Record<string, 'Strict' | 'Lax' | 'None'> = { strict: 'Strict', lax: 'Lax', none: 'None' };

/** Turns the /cookie-lab/set query into one Set-Cookie value; throws HttpError 400 on bad input. */
export function labCookie(q: URLSearchParams): string {
  const name = q.get('name') ?? '';
  const value = q.get('value') ?? '';
  if (!isCookieName(name)) throw new HttpError(400, `Invalid cookie name "${name}"`);
  if (!isCookieValue(value)) throw new HttpError(400, `Invalid value for cookie "${name}"`);
  const flag = (k: string) => ['1', 'true', 'yes', 'on'].includes((q.get(k) ?? '').toLowerCase());
  const opts: CookieOptions = { secure: flag('secure'), httpOnly: flag('httponly') };
  const path = q.get('path');
  if (path !== null) {
    if (path !== '' && (!path.startsWith('/') || /[;\s]/.test(path)))
      throw new HttpError(400, `Invalid path "${path}": it must start with /`);
    opts.path = path || null;
  }
  const domain = q.get('domain');
  if (domain) {
    if (!/^\.?[A-Za-z0-9.-]+$/.test(domain)) throw new HttpError(400, `Invalid domain "${domain}"`);
    opts.domain = domain;
  }
  const maxAge = q.get('max_age');
  if (maxAge !== null && maxAge !== '') {
    if (!/^-?\d{1,10}$/.test(maxAge)) throw new HttpError(400, `Invalid max_age "${maxAge}": use seconds`);
    opts.maxAge = Number(maxAge);
  }
  const expires = q.get('expires');
  if (expires) {
    const d = /^-?\d{1,10}$/.test(expires)
      ? new Date(Date.now() + Number(expires) * 1000)
      : new Date(expires);
    if (Number.isNaN(d.getTime()))
      throw new HttpError(400, `Invalid expires "${expires}": use a date or seconds from now`);
    opts.expires = d;
  }
  const sameSite = q.get('samesite');
  if (sameSite) {
    const s = SAME_SITE[sameSite.toLowerCase()];
    if (!s) throw new HttpError(400, `Invalid samesite "${sameSite}": use Strict, Lax or None`);
    opts.sameSite = s;
  }
  return serializeCookie(name, value, opts);
}

const DAY_MS = 24 * 60 * 60 * 1000;

function fixed(pattern: string, description: string, make: () => string[]): Route {
  return { methods: ['GET'], pattern, description, handle: () => setReply(make()) };
}

export const cookieRoutes: Route[] = [
  {
    methods: ['GET'],
    pattern: '/',
    description: 'itty3 greeting: "Hello, <username>!" from the username cookie',
    handle: (ctx) => {
      const name = ctx.cookies.username ? safeDecode(ctx.cookies.username) : 'unknown';
      return text(200, `Hello, ${name}!`);
    },
  },
  {
    methods: ['GET'],
    pattern: '/set/',
    description: 'itty3: 302 to / setting the username cookie from ?username=',
    handle: (ctx) => {
      const username = ctx.url.searchParams.get('username') || 'unknown';
      return redirect('/', [serializeCookie('username', encodeURIComponent(username))]);
    },
  },
  {
    methods: ['GET'],
    pattern: '/logout/',
    description: 'itty3: 302 to / deleting the username cookie',
    handle: () => redirect('/', [deleteCookie('username')]),
  },
  {
    methods: ['GET'],
    pattern: '/set-cookie',
    description: 'FastAPI: sets mycookie=cookievalue (Max-Age=1800, HttpOnly)',
    handle: () =>
      json(200, { message: 'Cookie set' }, [
        ['Set-Cookie', serializeCookie('mycookie', 'cookievalue', { maxAge: 1800, httpOnly: true })],
      ]),
  },
  {
    methods: ['GET'],
    pattern: '/get-cookie',
    description: 'FastAPI: {"mycookie": value or null}',
    handle: (ctx) => json(200, { mycookie: ctx.cookies.mycookie ?? null }),
  },
  {
    methods: ['GET'],
    pattern: '/cookie-lab/set',
    description:
      'Sets exactly the cookie asked for: ?name=&value=&path=&domain=&secure=1&httponly=1&max_age=&expires=&samesite=',
    handle: (ctx) => setReply([labCookie(ctx.url.searchParams)]),
  },
  fixed('/cookie-lab/path', 'lab_path with Path=/cookie-lab/inner', () => [
    serializeCookie('lab_path', 'inner', { path: '/cookie-lab/inner' }),
  ]),
  fixed('/cookie-lab/max-age', 'lab_max_age with Max-Age=3600', () => [
    serializeCookie('lab_max_age', 'hour', { maxAge: 3600 }),
  ]),
  fixed('/cookie-lab/expires', 'lab_expires with Expires one day ahead', () => [
    serializeCookie('lab_expires', 'day', { expires: new Date(Date.now() + DAY_MS) }),
  ]),
  fixed('/cookie-lab/expired', 'lab_expired with an Expires in the past (deletes it)', () => [
    serializeCookie('lab_expired', 'gone', { expires: new Date(Date.now() - DAY_MS) }),
  ]),
  fixed('/cookie-lab/secure', 'lab_secure with Secure', () => [
    serializeCookie('lab_secure', 'tls-only', { secure: true }),
  ]),
  fixed('/cookie-lab/httponly', 'lab_httponly with HttpOnly', () => [
    serializeCookie('lab_httponly', 'hidden', { httpOnly: true }),
  ]),
  fixed('/cookie-lab/samesite-strict', 'lab_strict with SameSite=Strict', () => [
    serializeCookie('lab_strict', 'strict', { sameSite: 'Strict' }),
  ]),
  fixed('/cookie-lab/samesite-lax', 'lab_lax with SameSite=Lax', () => [
    serializeCookie('lab_lax', 'lax', { sameSite: 'Lax' }),
  ]),
  fixed('/cookie-lab/samesite-none', 'lab_none with SameSite=None; Secure', () => [
    serializeCookie('lab_none', 'none', { sameSite: 'None', secure: true }),
  ]),
  fixed('/cookie-lab/multi', 'Three Set-Cookie headers in one response', () => [
    serializeCookie('multi_a', '1'),
    serializeCookie('multi_b', '2', { httpOnly: true }),
    serializeCookie('multi_c', '3', { path: '/cookie-lab', maxAge: 600 }),
  ]),
  {
    methods: ['GET'],
    pattern: '/cookie-lab/echo',
    description: 'The Cookie header seen at /cookie-lab',
    handle: echo,
  },
  {
    methods: ['GET'],
    pattern: '/cookie-lab/inner/echo',
    description: 'The Cookie header seen at /cookie-lab/inner (path cookies show up here)',
    handle: echo,
  },
];

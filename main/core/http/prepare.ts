import packageJson from '../../../package.json';
import { fail } from '../../shared/errors';
import { substitute } from '../../shared/substitute';
import { HTTP_TOKEN } from '../../shared/text';
import type { KeyValue, Profile, RequestSpec, Settings } from '../../shared/types';
import { validateRequestCookie } from '../cookies/merge';
import { NONE, type PreparedBody, prepareBody } from './body';

/**
 * Everything about a request that can be decided before the first byte goes out: variables
 * substituted, URL/headers/body/cookies validated, profile headers and auth merged in. Any
 * failure is thrown here, before the jar or the network is touched.
 */
export interface PreparedRequest {
  method: string;
  url: URL;
  /** Headers to send, in order, WITHOUT the Cookie header (built per hop). */
  headers: Array<[string, string]>;
  /** Position in `headers` where the Cookie header goes. */
  cookieIndex: number;
  /** Cookie header(s) the user typed, joined, or null. */
  typedCookie: string | null;
  /** Enabled per-request cookies, substituted and validated. */
  cookies: KeyValue[];
  body: PreparedBody;
  cookieStore: boolean;
  followRedirects: boolean;
  maxRedirects: number;
  timeoutMs: number;
  insecure: boolean;
  /** Proxy from the request options or settings; the environment is consulted per hop (`pickProxy`). */
  explicitProxy: string | null;
}

/** `Tandem/<version>`, the version from package.json. */
export const DEFAULT_USER_AGENT = `Tandem/${packageJson.version}`;
export const DEFAULT_ACCEPT_ENCODING = 'gzip, deflate, br';

const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Parses and checks a (substituted) URL; adds http:// when no scheme was typed. */
export function parseRequestUrl(raw: string): URL {
  const text = raw.trim();
  if (!text) fail('INVALID_URL', 'The URL is empty');
  const url = URL.parse(HAS_SCHEME.test(text) ? text : `http://${text}`);
  if (!url?.hostname) fail('INVALID_URL', `Invalid URL "${text}"`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail('INVALID_URL', `Unsupported scheme "${url.protocol}" in URL "${text}": use http or https`);
  return url;
}

export function checkHeader(name: string, value: string): void {
  if (!HTTP_TOKEN.test(name)) fail('INVALID_HEADER', `Invalid header name "${name}"`);
  if (!HEADER_VALUE.test(value))
    fail(
      'INVALID_HEADER',
      `Invalid value for header ${name}: no line breaks, control characters or characters beyond Latin-1`,
    );
}

function collect(
  rows: readonly KeyValue[],
  vars: Record<string, string>,
  where: string,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const row of rows) {
    if (row.enabled === false) continue;
    if (row.name.trim() === '' && row.value === '') continue;
    const name = substitute(row.name, vars, `${where} name ${row.name}`).trim();
    const value = substitute(row.value, vars, `header ${name}`);
    if (!name) fail('INVALID_HEADER', `A ${where} has a value but no name`);
    checkHeader(name, value);
    out.push([name, value]);
  }
  return out;
}

function has(headers: Array<[string, string]>, lower: string): boolean {
  for (const [n] of headers) if (n.toLowerCase() === lower) return true;
  return false;
}

/** user:password from a URL, percent-decoded; a malformed escape (`%zz`) is kept as typed. */
function decodeUserInfo(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

/** Prepares a request; validation failures reject the promise before anything is sent. */
export async function prepareRequest(
  spec: RequestSpec,
  profile: Profile,
  settings: Settings,
): Promise<PreparedRequest> {
  const vars = profile.variables ?? {};
  const method = substitute(spec.method, vars, 'method').trim().toUpperCase();
  if (!HTTP_TOKEN.test(method)) fail('INVALID_ARGUMENT', `Invalid method "${spec.method}"`);
  const url = parseRequestUrl(substitute(spec.url, vars, 'URL'));

  const own = collect(spec.headers, vars, 'header');
  const ownNames = new Set(own.map(([n]) => n.toLowerCase()));
  const fromProfile = collect(profile.headers ?? [], vars, 'profile header').filter(
    ([n]) => !ownNames.has(n.toLowerCase()),
  );
  let headers = [...fromProfile, ...own];

  // Auth: an Authorization header the user typed on the request wins; the helper beats the profile's.
  const auth = spec.auth;
  let authorization: string | null = null;
  if (auth?.type === 'basic')
    authorization = basic(
      substitute(auth.username, vars, 'auth username'),
      substitute(auth.password, vars, 'auth password'),
    );
  else if (auth?.type === 'bearer') authorization = `Bearer ${substitute(auth.token, vars, 'auth token')}`;
  if (url.username || url.password) {
    if (!authorization) authorization = basic(decodeUserInfo(url.username), decodeUserInfo(url.password));
    url.username = '';
    url.password = '';
  }
  if (authorization && !ownNames.has('authorization')) {
    checkHeader('Authorization', authorization);
    headers = headers.filter(([n]) => n.toLowerCase() !== 'authorization');
    headers.push(['Authorization', authorization]);
  }

  // The typed Cookie header(s) leave the list; one merged Cookie header is put back per hop.
  const typed: string[] = [];
  let cookieIndex = -1;
  const withoutCookie: Array<[string, string]> = [];
  for (const h of headers) {
    if (h[0].toLowerCase() === 'cookie') {
      if (cookieIndex === -1) cookieIndex = withoutCookie.length;
      if (h[1].trim()) typed.push(h[1].trim());
    } else withoutCookie.push(h);
  }
  headers = withoutCookie;

  const cookies: KeyValue[] = [];
  for (const c of spec.cookies ?? []) {
    if (c.enabled === false) continue;
    if (c.name === '' && c.value === '') continue;
    const name = substitute(c.name, vars, `cookie name ${c.name}`).trim();
    const value = substitute(c.value, vars, `cookie ${name}`);
    validateRequestCookie({ name, value });
    cookies.push({ name, value });
  }

  const defaults: Array<[string, string]> = [];
  if (!has(headers, 'user-agent')) defaults.push(['user-agent', DEFAULT_USER_AGENT]);
  if (!has(headers, 'accept')) defaults.push(['accept', '*/*']);
  if (!has(headers, 'accept-encoding')) defaults.push(['accept-encoding', DEFAULT_ACCEPT_ENCODING]);
  headers = [...defaults, ...headers];
  if (cookieIndex !== -1) cookieIndex += defaults.length;

  const options = spec.options ?? {};
  const draft: PreparedRequest = {
    method,
    url,
    headers,
    cookieIndex,
    typedCookie: typed.length > 0 ? typed.join('; ') : null,
    cookies,
    body: NONE,
    cookieStore: options.cookieStore ?? profile.cookieStore ?? true,
    followRedirects: options.followRedirects ?? true,
    maxRedirects: options.maxRedirects ?? settings.maxRedirects ?? 10,
    timeoutMs: options.timeoutMs ?? settings.timeoutMs ?? 30_000,
    insecure: options.insecure ?? settings.insecure ?? false,
    explicitProxy: options.proxy || settings.proxy || null,
  };
  return withBody(draft, await prepareBody(spec.body, vars));
}

/** Adds the body and the headers it implies (unless the user set them); the Cookie header defaults to last. */
function withBody(draft: PreparedRequest, body: PreparedBody): PreparedRequest {
  const headers = draft.headers;
  if (body.contentType && !has(headers, 'content-type')) headers.push(['content-type', body.contentType]);
  if (body.length !== null && !has(headers, 'content-length'))
    headers.push(['content-length', String(body.length)]);
  if (draft.cookieIndex === -1) draft.cookieIndex = headers.length;
  draft.body = body;
  return draft;
}

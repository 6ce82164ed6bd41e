import { isAbsolute, resolve } from 'node:path';
import { cookieFromInput } from '../core/cookies/jar';
import { fail } from '../shared/errors';
import { HTTP_TOKEN, PROFILE_NAME } from '../shared/text';
import type { KeyValue, RequestBody, RequestOptions, RequestSpec } from '../shared/types';

/**
 * Pure decisions for the CLI: turning what the user typed into a RequestSpec, or a
 * TandemFailure (code + one line) before anything touches the workspace.
 */

/** `Name: value` → { name, value }. Empty values are allowed (`X-Empty:`). */
export function parseHeaderArg(raw: string): KeyValue {
  const colon = raw.indexOf(':');
  const name = colon > 0 ? raw.slice(0, colon).trim() : '';
  if (!name || !HTTP_TOKEN.test(name))
    fail('INVALID_HEADER', `Invalid header '${raw}': expected 'Name: value'`);
  const value = raw.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) fail('INVALID_HEADER', `Invalid header '${name}': line breaks are not allowed`);
  return { name, value };
}

/** `name=value` for --form, --multipart and --cookie; the value may contain '='. */
export function parsePair(raw: string, flag: string): KeyValue {
  const eq = raw.indexOf('=');
  if (eq <= 0) fail('INVALID_ARGUMENT', `Invalid ${flag} '${raw}': expected name=value`);
  return { name: raw.slice(0, eq), value: raw.slice(eq + 1) };
}

/** A per-request cookie, checked with the jar's own rules. */
export function parseCookieArg(raw: string): KeyValue {
  const eq = raw.indexOf('=');
  if (eq <= 0) fail('INVALID_COOKIE', `Invalid --cookie '${raw}': expected name=value`);
  const kv = { name: raw.slice(0, eq).trim(), value: raw.slice(eq + 1).trim() };
  cookieFromInput({ ...kv, domain: 'localhost' });
  return kv;
}

export function parseMethod(raw: string): string {
  const method = raw.trim().toUpperCase();
  if (!HTTP_TOKEN.test(method) || method.length > 32) fail('INVALID_ARGUMENT', `Invalid method '${raw}'`);
  return method;
}

/**
 * Checks the URL and adds `http://` when the scheme is missing (`localhost:8000/x`, like HTTPie).
 * URLs with {{variables}} are left for the engine to substitute and check.
 */
export function normalizeUrl(raw: string): string {
  const input = raw.trim();
  if (!input) fail('INVALID_URL', 'Missing URL');
  if (input.includes('{{')) return input;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input)
    ? input
    : input.startsWith(':')
      ? `http://localhost${input}`
      : `http://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    fail('INVALID_URL', `Invalid URL '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail('INVALID_URL', `Invalid URL '${raw}': only http and https are supported`);
  if (!url.hostname || /\s/.test(input)) fail('INVALID_URL', `Invalid URL '${raw}'`);
  return withScheme;
}

export function validateProfileName(name: string): string {
  if (!PROFILE_NAME.test(name))
    fail(
      'INVALID_PROFILE_NAME',
      `Invalid profile name '${name}': use 1-64 letters, digits, '.', '_' or '-', not starting with '.' or '-'`,
    );
  return name;
}

/** Integer option values (`--timeout 500`); `what` names the option in the message. */
export function parseCount(raw: string, what: string, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n > max)
    fail('INVALID_ARGUMENT', `Invalid ${what} '${raw}': expected a whole number from 0 to ${max}`);
  return n;
}

/** Chooses the import format: JSON when the text is a JSON array, else Netscape cookies.txt. */
export function detectCookieFormat(text: string): 'netscape' | 'json' {
  return text.trimStart().startsWith('[') ? 'json' : 'netscape';
}

export interface SendFlags {
  method?: string;
  header: string[];
  data?: string;
  jsonBody?: boolean;
  form: string[];
  multipart: string[];
  cookie: string[];
  /** false only when --no-cookie-store was given. */
  cookieStore: boolean;
  /** false only when --no-follow was given. */
  follow: boolean;
  maxRedirects?: number;
  timeout?: number;
  insecure?: boolean;
  proxy?: string;
}

export interface FileCheck {
  cwd: string;
  /** True when the path is a readable regular file. */
  isFile(path: string): boolean;
}

function filePath(raw: string, flag: string, files: FileCheck): string {
  if (!raw) fail('INVALID_FILE', `Missing file name after '@' in ${flag}`);
  const abs = isAbsolute(raw) ? raw : resolve(files.cwd, raw);
  if (!files.isFile(abs)) fail('INVALID_FILE', `Cannot read file '${raw}' (${flag})`);
  return abs;
}

export function buildBody(flags: SendFlags, files: FileCheck): RequestBody {
  const given = [flags.data !== undefined, flags.form.length > 0, flags.multipart.length > 0].filter(Boolean);
  if (given.length > 1) fail('INVALID_ARGUMENT', 'Use only one of -d, --form and --multipart');
  if (flags.form.length) return { type: 'form', fields: flags.form.map((f) => parsePair(f, '--form')) };
  if (flags.multipart.length) {
    return {
      type: 'multipart',
      parts: flags.multipart.map((raw) => {
        const { name, value } = parsePair(raw, '--multipart');
        return value.startsWith('@')
          ? { kind: 'file' as const, name, path: filePath(value.slice(1), '--multipart', files) }
          : { kind: 'field' as const, name, value };
      }),
    };
  }
  if (flags.data === undefined) return { type: 'none' };
  if (flags.data.startsWith('@')) {
    const path = filePath(flags.data.slice(1), '-d', files);
    return flags.jsonBody ? { type: 'file', path, contentType: 'application/json' } : { type: 'file', path };
  }
  if (flags.jsonBody) {
    try {
      JSON.parse(flags.data);
    } catch {
      fail('INVALID_BODY', 'The -d body is not valid JSON (--json-body)');
    }
    return { type: 'json', text: flags.data };
  }
  return { type: 'text', text: flags.data };
}

/** Everything `tandem send` typed, as a RequestSpec. Throws TandemFailure on bad input. */
export function buildRequestSpec(rawUrl: string, flags: SendFlags, files: FileCheck): RequestSpec {
  const url = normalizeUrl(rawUrl);
  const headers = flags.header.map(parseHeaderArg);
  const cookies = flags.cookie.map(parseCookieArg);
  const body = buildBody(flags, files);
  const method = flags.method ? parseMethod(flags.method) : body.type === 'none' ? 'GET' : 'POST';
  const options: RequestOptions = {};
  if (!flags.cookieStore) options.cookieStore = false;
  if (!flags.follow) options.followRedirects = false;
  if (flags.maxRedirects !== undefined) options.maxRedirects = flags.maxRedirects;
  if (flags.timeout !== undefined) options.timeoutMs = flags.timeout;
  if (flags.insecure) options.insecure = true;
  if (flags.proxy !== undefined) options.proxy = normalizeUrl(flags.proxy);
  const spec: RequestSpec = { method, url, headers, body };
  if (cookies.length) spec.cookies = cookies;
  if (Object.keys(options).length) spec.options = options;
  return spec;
}

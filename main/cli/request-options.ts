import type { Command } from 'commander';
import type { RequestSpec } from '../shared/types';
import { isFile } from './files';
import { buildRequestSpec, parseCount, type SendFlags } from './parse';

/** Commander's collector for repeatable options. */
export const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** The parsed request options shared by `tandem send` and `tandem compare`. */
export interface RequestOptions {
  request?: string;
  header?: string[];
  data?: string;
  jsonBody?: boolean;
  form?: string[];
  multipart?: string[];
  cookie?: string[];
  cookieStore: boolean;
  follow: boolean;
  maxRedirects?: string;
  timeout?: string;
  insecure?: boolean;
  proxy?: string;
}

export interface RequestOptionsHelp {
  /** Whose cookies `--no-cookie-store` skips, as shown in the help ("profile's" or "profiles'"). */
  whose: string;
  /** Options declared between `--cookie` and `--no-cookie-store` (keeps the help in its order). */
  between?: (cmd: Command) => Command;
}

/** Declares the request options (method, headers, body, cookies, redirects, timeout, TLS, proxy) on `cmd`. */
export function addRequestOptions(cmd: Command, help: RequestOptionsHelp): Command {
  cmd
    .option('-X, --request <method>', 'HTTP method (default GET, or POST when a body is given)')
    .option('-H, --header <header>', "request header 'Name: value' (repeatable)", collect)
    .option('-d, --data <body>', 'request body, or @file to send a file as the body')
    .option('--json-body', 'send the -d body as JSON (Content-Type: application/json)')
    .option('--form <name=value>', 'URL-encoded form field (repeatable)', collect)
    .option('--multipart <name=value|name=@file>', 'multipart field or file (repeatable)', collect)
    .option('--cookie <name=value>', 'cookie for this request only; wins over the jar (repeatable)', collect);
  help.between?.(cmd);
  return cmd
    .option('--no-cookie-store', `neither send nor store the ${help.whose} cookies for this request`)
    .option('--no-follow', 'do not follow redirects')
    .option('--max-redirects <n>', 'redirects to follow at most')
    .option('--timeout <ms>', 'give up after this many milliseconds (0 = never)')
    .option('--insecure', 'skip TLS certificate checks')
    .option('--proxy <url>', 'HTTP(S) proxy, e.g. http://127.0.0.1:3128');
}

/** The parsed request options as SendFlags; counts are checked here. */
export function flagsOf(opts: RequestOptions): SendFlags {
  return {
    method: opts.request,
    header: opts.header ?? [],
    data: opts.data,
    jsonBody: opts.jsonBody,
    form: opts.form ?? [],
    multipart: opts.multipart ?? [],
    cookie: opts.cookie ?? [],
    cookieStore: opts.cookieStore,
    follow: opts.follow,
    maxRedirects:
      opts.maxRedirects === undefined ? undefined : parseCount(opts.maxRedirects, '--max-redirects', 100),
    timeout: opts.timeout === undefined ? undefined : parseCount(opts.timeout, '--timeout', 3_600_000),
    insecure: opts.insecure,
    proxy: opts.proxy,
  };
}

/** The RequestSpec the user typed: `url` plus the parsed request options; `@file` paths resolve from `cwd`. */
export function requestSpecOf(url: string, opts: RequestOptions, cwd: string): RequestSpec {
  return buildRequestSpec(url, flagsOf(opts), { cwd, isFile });
}

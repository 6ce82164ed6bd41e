import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { colorEnabled, formatResponse, responseJson } from '../format';
import { buildRequestSpec, parseCount, type SendFlags, validateProfileName } from '../parse';
import { type CliIO, dataDirFor, printJson, requireProfile, withCore } from '../session';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

interface SendOptions {
  request?: string;
  header?: string[];
  data?: string;
  jsonBody?: boolean;
  form?: string[];
  multipart?: string[];
  cookie?: string[];
  profile: string;
  cookieStore: boolean;
  follow: boolean;
  maxRedirects?: string;
  timeout?: string;
  insecure?: boolean;
  proxy?: string;
  json?: boolean;
  verbose?: boolean;
  dataDir?: string;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function registerSend(program: Command, io: CliIO): void {
  program
    .command('send')
    .description('Send a request as a profile and show the response, the cookies sent and set, and every hop')
    .argument('<url>', 'http(s) URL; the scheme may be left out (localhost:8000/x)')
    .option('-X, --request <method>', 'HTTP method (default GET, or POST when a body is given)')
    .option('-H, --header <header>', "request header 'Name: value' (repeatable)", collect)
    .option('-d, --data <body>', 'request body, or @file to send a file as the body')
    .option('--json-body', 'send the -d body as JSON (Content-Type: application/json)')
    .option('--form <name=value>', 'URL-encoded form field (repeatable)', collect)
    .option('--multipart <name=value|name=@file>', 'multipart field or file (repeatable)', collect)
    .option('--cookie <name=value>', 'cookie for this request only; wins over the jar (repeatable)', collect)
    .option('--profile <name>', 'profile to send as', 'default')
    .option('--no-cookie-store', "neither send nor store the profile's cookies for this request")
    .option('--no-follow', 'do not follow redirects')
    .option('--max-redirects <n>', 'redirects to follow at most')
    .option('--timeout <ms>', 'give up after this many milliseconds (0 = never)')
    .option('--insecure', 'skip TLS certificate checks')
    .option('--proxy <url>', 'HTTP(S) proxy, e.g. http://127.0.0.1:3128')
    .option('--json', 'print one JSON object instead of text')
    .option('-v, --verbose', 'also print the request that went out, and timings')
    .action(async (url: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<SendOptions>();
      const flags: SendFlags = {
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
      // Everything the user typed is checked before the workspace is opened.
      const request = buildRequestSpec(url, flags, { cwd: io.cwd, isFile });
      const profile = validateProfileName(opts.profile);
      const record = await withCore(dataDirFor(opts.dataDir, io), async (core) => {
        await requireProfile(core, profile);
        // Ctrl+C cancels the request; the core then records it and closes cleanly.
        const sendId = randomUUID();
        const off = io.onInterrupt(() => {
          core.call('request.cancel', { sendId }).catch(() => {});
        });
        try {
          return await core.call('request.send', { profile, request, sendId });
        } finally {
          off();
        }
      });
      if (opts.json) printJson(io, responseJson(record));
      else
        io.out(
          formatResponse(record, { color: colorEnabled(io.isTTY, io.env), verbose: Boolean(opts.verbose) }),
        );
    });
}

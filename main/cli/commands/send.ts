import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { fail } from '../../shared/errors';
import { colorEnabled, formatResponse, responseJson } from '../format';
import { outputPath } from '../output';
import { validateProfileName } from '../parse';
import { addRequestOptions, type RequestOptions, requestSpecOf } from '../request-options';
import { type CliIO, printJson, requireProfile, withCore, workspaceFor } from '../session';
import { formatPreview, parseExtractArgs, sessionLines, sessionNotes } from '../session-args';
import {
  addInteropSendOptions,
  curlCommandText,
  type InteropSendOptions,
  printCode,
  requestFromCurl,
} from './interop';

/** Whom `send` sends as without --profile: a profile of its own, created on first use (said on stderr). */
export const DEFAULT_PROFILE = 'default';

interface SendOptions extends RequestOptions, InteropSendOptions {
  profile: string;
  json?: boolean;
  verbose?: boolean;
  output?: string;
  raw?: boolean;
  dataDir?: string;
  extract?: string[];
  relogin: boolean;
  dryRun?: boolean;
}

export function registerSend(program: Command, io: CliIO): void {
  const command = program
    .command('send')
    .description('Send a request as a profile and show the response, the cookies sent and set, and every hop')
    .argument('[url]', 'http(s) URL; the scheme may be left out (localhost:8000/x)');
  addInteropSendOptions(command);
  addRequestOptions(command, {
    whose: "profile's",
    between: (c) =>
      c.option(
        '--profile <name>',
        `profile to send as (default: '${DEFAULT_PROFILE}', created on first use)`,
        DEFAULT_PROFILE,
      ),
  })
    .option('--json', 'print one JSON object instead of text')
    .option('-v, --verbose', 'also print the request that went out, and timings')
    .option(
      '-o, --output <file>',
      'write the body (decompressed) to FILE as it arrives, as curl --compressed -o does; the rest is printed as usual',
    )
    .option(
      '--raw',
      'with -o: write the body exactly as received, still gzip/br/deflate-encoded (as curl -o without --compressed)',
    )
    .option(
      '--extract <NAME=source:expr>',
      "store a value of the response in the profile's variable NAME: json:$.path, header:Name, cookie:name, regex:PATTERN or url (repeatable)",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--no-relogin', "do not run the profile's login recipe and retry when its session has expired")
    .option('--env <name>', 'use this environment instead of the active one (tandem env list)')
    .option(
      '--dry-run',
      'send nothing, write nothing: print the request as it would go (final URL, headers, the one Cookie header) and which jar cookies would and would not be sent, and why',
    )
    .action(async (url: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<SendOptions>();
      // Everything the user typed is checked before the workspace is opened.
      if (opts.raw && !opts.output)
        fail('INVALID_ARGUMENT', '--raw only applies with -o FILE: it writes the body to FILE as received');
      const curl = await curlCommandText(url, opts, io);
      const typed = curl === null ? requestSpecOf(url as string, opts, io.cwd) : null;
      const profile = validateProfileName(opts.profile);
      const output = opts.output ? outputPath(opts.output, io.cwd) : undefined;
      const extract = parseExtractArgs(opts.extract);
      const record = await withCore(
        workspaceFor(opts.dataDir, io, (opts as { env?: string }).env),
        async (core) => {
          await requireProfile(core, profile);
          if (
            !opts.dryRun &&
            profile === DEFAULT_PROFILE &&
            !(await core.call('profiles.list', {})).some((p) => p.name === profile)
          )
            io.err(`tandem: no --profile given: sending as the profile '${DEFAULT_PROFILE}'\n`);
          const request = typed ?? (await requestFromCurl(core, curl as string, profile, opts, io));
          if (opts.print) {
            await printCode(core, profile, request, opts.print, io);
            return null;
          }
          if (opts.dryRun) {
            const preview = await core.call('request.preview', { profile, request });
            if (opts.json) printJson(io, preview);
            else io.out(formatPreview(preview));
            return null;
          }
          // Ctrl+C cancels the request; the core then records it and closes cleanly.
          const sendId = randomUUID();
          const off = io.onInterrupt(() => {
            core.call('request.cancel', { sendId }).catch(() => {});
          });
          try {
            return await core.call('request.send', {
              profile,
              request,
              sendId,
              ...(output ? { output, ...(opts.raw ? { rawOutput: true } : {}) } : {}),
              ...(extract.length ? { extract } : {}),
              ...(opts.relogin === false ? { relogin: false } : {}),
            });
          } finally {
            off();
          }
        },
      );
      if (!record) return;
      if (opts.json) printJson(io, { ...responseJson(record), ...sessionNotes(record) });
      else {
        io.out(
          formatResponse(record, { color: colorEnabled(io.isTTY, io.env), verbose: Boolean(opts.verbose) }),
        );
        for (const line of sessionLines(record)) io.err(`tandem: ${line}\n`);
      }
    });
}

import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { colorEnabled, formatResponse, responseJson } from '../format';
import { validateProfileName } from '../parse';
import { addRequestOptions, type RequestOptions, requestSpecOf } from '../request-options';
import { type CliIO, dataDirFor, printJson, requireProfile, withCore } from '../session';

interface SendOptions extends RequestOptions {
  profile: string;
  json?: boolean;
  verbose?: boolean;
  dataDir?: string;
}

export function registerSend(program: Command, io: CliIO): void {
  const command = program
    .command('send')
    .description('Send a request as a profile and show the response, the cookies sent and set, and every hop')
    .argument('<url>', 'http(s) URL; the scheme may be left out (localhost:8000/x)');
  addRequestOptions(command, {
    whose: "profile's",
    between: (c) => c.option('--profile <name>', 'profile to send as', 'default'),
  })
    .option('--json', 'print one JSON object instead of text')
    .option('-v, --verbose', 'also print the request that went out, and timings')
    .action(async (url: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<SendOptions>();
      // Everything the user typed is checked before the workspace is opened.
      const request = requestSpecOf(url, opts, io.cwd);
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

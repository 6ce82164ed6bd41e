import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { cookieFromInput } from '../../core/cookies/jar';
import { describeRejection } from '../../shared/cookieImport';
import { fail } from '../../shared/errors';
import { countOf } from '../../shared/text';
import type { SameSite } from '../../shared/types';
import { colorEnabled, formatCookieTable } from '../format';
import { detectCookieFormat, parsePair, validateProfileName } from '../parse';
import {
  type CliIO,
  type CommonOptions,
  type Core,
  printJson,
  requireProfile,
  withCore,
  workspaceFor,
} from '../session';

interface Common extends CommonOptions {
  profile: string;
}

type Format = 'netscape' | 'json';

function common(cmd: Command, json = true): Command {
  cmd.option('--profile <name>', 'profile whose jar to use', 'default');
  if (json) cmd.option('--json', 'print JSON instead of text');
  return cmd;
}

const formatOption = () =>
  new Option('--format <format>', 'netscape (cookies.txt, as curl writes it) or json').choices([
    'netscape',
    'json',
  ]);

/** Opens the workspace for one profile's jar; the profile name is checked before anything is opened. */
async function onJar<T>(io: CliIO, opts: Common, fn: (core: Core, profile: string) => Promise<T>) {
  const profile = validateProfileName(opts.profile);
  return withCore(workspaceFor(opts.dataDir, io), async (core) => {
    await requireProfile(core, profile);
    return fn(core, profile);
  });
}

function fromCwd(io: CliIO, file: string): string {
  return isAbsolute(file) ? file : resolve(io.cwd, file);
}

function sameSiteArg(value: string): SameSite {
  const match = (['Strict', 'Lax', 'None'] as const).find((s) => s.toLowerCase() === value.toLowerCase());
  if (!match) throw new InvalidArgumentError('use Strict, Lax or None');
  return match;
}

/** A domain as typed ('.Example.com') → as the jar keys it ('example.com'). */
function jarDomain(domain: string): string {
  return domain.trim().replace(/^\./, '').toLowerCase();
}

export function registerCookies(program: Command, io: CliIO): void {
  const cookies = program.command('cookies').description("Read and edit a profile's cookie jar");

  common(cookies.command('list').description('List the cookies in the jar')).action(
    async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common>();
      const list = await onJar(io, opts, (core, profile) => core.call('cookies.list', { profile }));
      if (opts.json) printJson(io, list);
      else io.out(formatCookieTable(list, opts.profile, { color: colorEnabled(io.isTTY, io.env) }));
    },
  );

  common(cookies.command('set').description('Add or replace a cookie'))
    .argument('<name=value>', 'the cookie')
    .requiredOption('--domain <domain>', "host name; a leading dot ('.example.com') also matches subdomains")
    .option('--path <path>', 'path', '/')
    .option('--expires <iso>', 'expiry date (ISO 8601); a session cookie when left out')
    .option('--secure', 'Secure: only over https (and to localhost)')
    .option('--http-only', 'HttpOnly')
    .option('--same-site <value>', 'SameSite: Strict, Lax or None', sameSiteArg)
    .action(async (pair: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<
        Common & {
          domain: string;
          path: string;
          expires?: string;
          secure?: boolean;
          httpOnly?: boolean;
          sameSite?: SameSite;
        }
      >();
      const { name, value } = parsePair(pair, 'cookie');
      const cookie = {
        name,
        value,
        domain: opts.domain,
        path: opts.path,
        expires: opts.expires ?? null,
        secure: Boolean(opts.secure),
        httpOnly: Boolean(opts.httpOnly),
        sameSite: opts.sameSite ?? null,
      };
      cookieFromInput(cookie); // a bad cookie fails here, before the workspace is opened
      const view = await onJar(io, opts, (core, profile) => core.call('cookies.set', { profile, cookie }));
      if (opts.json) printJson(io, view);
      else
        io.out(
          `Set ${view.name} for ${view.hostOnly ? '' : '.'}${view.domain}${view.path} in '${opts.profile}'\n`,
        );
    });

  common(cookies.command('delete').description('Delete one cookie'))
    .argument('<name>', 'cookie name')
    .requiredOption('--domain <domain>', 'its domain')
    .option('--path <path>', 'its path', '/')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common & { domain: string; path: string }>();
      const key = { name, domain: jarDomain(opts.domain), path: opts.path };
      await onJar(io, opts, async (core, profile) => {
        const { deleted } = await core.call('cookies.delete', { profile, key });
        if (!deleted)
          fail('NOT_FOUND', `No cookie '${name}' for ${key.domain}${key.path} in profile '${profile}'`);
      });
      if (opts.json) printJson(io, { deleted: true });
      else io.out(`Deleted ${name} for ${key.domain}${key.path} from '${opts.profile}'\n`);
    });

  common(cookies.command('clear').description('Delete every cookie, or those of one domain'))
    .option('--domain <domain>', 'only this domain and its subdomains')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common & { domain?: string }>();
      const domain = opts.domain === undefined ? undefined : jarDomain(opts.domain);
      const { removed } = await onJar(io, opts, (core, profile) =>
        core.call('cookies.clear', domain === undefined ? { profile } : { profile, domain }),
      );
      if (opts.json) printJson(io, { removed });
      else io.out(`Removed ${countOf(removed, 'cookie')} from '${opts.profile}'\n`);
    });

  common(cookies.command('import').description('Import cookies from a cookies.txt (Netscape) or JSON file'))
    .argument('<file>', 'the file to read')
    .addOption(formatOption())
    .option(
      '--skip-invalid',
      'import the valid lines and list the rejected ones on stderr (default: all or nothing)',
    )
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common & { format?: Format; skipInvalid?: boolean }>();
      validateProfileName(opts.profile);
      let text: string;
      try {
        text = await readFile(fromCwd(io, file), 'utf8');
      } catch {
        fail('INVALID_FILE', `Cannot read file '${file}'`);
      }
      const format = opts.format ?? detectCookieFormat(text);
      const skipInvalid = opts.skipInvalid === true;
      const { imported, rejected } = await onJar(io, opts, (core, profile) =>
        core.call('cookies.import', { profile, format, text, skipInvalid }),
      );
      for (const r of rejected) io.err(`Skipped ${file} ${describeRejection(r)}\n`);
      if (opts.json) printJson(io, skipInvalid ? { imported, rejected } : { imported });
      else
        io.out(
          `Imported ${countOf(imported, 'cookie')} into '${opts.profile}'${
            rejected.length ? ` (${countOf(rejected.length, 'line')} skipped)` : ''
          }\n`,
        );
    });

  common(cookies.command('export').description('Export the jar (stdout unless -o)'), false)
    .addOption(formatOption().default('netscape'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common & { format: Format; output?: string }>();
      const { text } = await onJar(io, opts, (core, profile) =>
        core.call('cookies.export', { profile, format: opts.format }),
      );
      if (!opts.output) {
        io.out(text.endsWith('\n') || !text ? text : `${text}\n`);
        return;
      }
      try {
        await writeFile(fromCwd(io, opts.output), text, { mode: 0o600 }); // live sessions: yours only
      } catch {
        fail('INVALID_FILE', `Cannot write file '${opts.output}'`);
      }
      io.out(`Exported the cookies of '${opts.profile}' to ${opts.output} (${opts.format})\n`);
    });
}

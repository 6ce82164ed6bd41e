import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isPostmanEnvironment } from '../../shared/environments';
import { fail } from '../../shared/errors';
import {
  type CodeTarget,
  codeTargets,
  exportFormats,
  type ImportFormat,
  type ImportPreview,
  importFormats,
} from '../../shared/interop';
import { countOf } from '../../shared/text';
import type { RequestSpec } from '../../shared/types';
import { findCollection } from '../collection-run';
import { validateProfileName } from '../parse';
import type { RequestOptions } from '../request-options';
import { type CliIO, type Core, printJson, requireProfile, withCore, workspaceFor } from '../session';
import { importPostmanEnvironment } from './env';

/**
 * Bringing requests in and taking them out on the command line:
 * `tandem send --curl FILE|-`, `tandem send --print curl|httpie|fetch|python …`,
 * `tandem import postman|insomnia|har|openapi FILE`, `tandem export postman|har NAME`.
 */

export interface InteropSendOptions {
  curl?: string;
  curlCookies?: 'request' | 'jar';
  print?: string;
}

/** Adds --curl, --curl-cookies and --print to `tandem send`. */
export function addInteropSendOptions(cmd: Command): Command {
  return cmd
    .option('--curl <file|->', "send what a curl command describes (a file, or '-' for standard input)")
    .option(
      '--curl-cookies <where>',
      "with --curl: -b cookies go with this request only ('request', default) or into the profile's jar ('jar')",
    )
    .option('--print <language>', `print the request as code (${codeTargets.join(', ')}) and send nothing`);
}

/** Reads the text of `--curl FILE|-`; checks the options fit together. Before the workspace opens. */
/** Request options that --curl cannot be combined with (the command says it all). */
type RequestFlag = 'request' | 'header' | 'data' | 'jsonBody' | 'form' | 'multipart' | 'cookie';
const REQUEST_FLAGS: Array<[RequestFlag, string]> = [
  ['request', '-X'],
  ['header', '-H'],
  ['data', '-d'],
  ['jsonBody', '--json-body'],
  ['form', '--form'],
  ['multipart', '--multipart'],
  ['cookie', '--cookie'],
];

export async function curlCommandText(
  url: string | undefined,
  opts: InteropSendOptions & Partial<Pick<RequestOptions, RequestFlag>>,
  io: CliIO,
): Promise<string | null> {
  if (opts.print !== undefined && !codeTargets.includes(opts.print as CodeTarget))
    fail('INVALID_ARGUMENT', `--print takes ${codeTargets.join(', ')}, not '${opts.print}'`);
  if (opts.curlCookies !== undefined && opts.curlCookies !== 'request' && opts.curlCookies !== 'jar')
    fail('INVALID_ARGUMENT', `--curl-cookies takes 'request' or 'jar', not '${opts.curlCookies}'`);
  if (opts.curl === undefined) {
    if (opts.curlCookies !== undefined) fail('INVALID_ARGUMENT', '--curl-cookies needs --curl');
    if (url === undefined) fail('INVALID_ARGUMENT', "'tandem send' needs a URL, or --curl FILE");
    return null;
  }
  if (url !== undefined) fail('INVALID_ARGUMENT', `give either a URL or --curl, not both ('${url}')`);
  for (const [key, flag] of REQUEST_FLAGS) {
    const v = opts[key];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0))
      fail('INVALID_ARGUMENT', `${flag} cannot be used with --curl: put it in the curl command`);
  }
  if (opts.curl === '-') {
    if (!io.readStdin) fail('INVALID_ARGUMENT', 'standard input cannot be read here');
    return io.readStdin();
  }
  try {
    return readFileSync(path.resolve(io.cwd, opts.curl), 'utf8');
  } catch {
    fail('INVALID_FILE', `Cannot read the curl command file ${opts.curl}`);
  }
}

/** The request a curl command describes; its -b cookies go into `profile`'s jar when asked. */
export async function requestFromCurl(
  core: Core,
  command: string,
  profile: string,
  opts: InteropSendOptions,
  io: CliIO,
): Promise<RequestSpec> {
  const out = await core.call('interop.curl', {
    command,
    cwd: io.cwd,
    ...(opts.curlCookies === 'jar' ? { cookiesTo: profile } : {}),
  });
  for (const note of out.notes) io.err(`tandem: note: ${note}\n`);
  if (out.cookiesImported)
    io.err(`tandem: ${countOf(out.cookiesImported, 'cookie')} put into ${profile}'s jar\n`);
  return out.request;
}

/** `--print LANG`: the code, as `profile` would send it (its cookies included: said on stderr). */
export async function printCode(
  core: Core,
  profile: string,
  request: RequestSpec,
  target: string,
  io: CliIO,
) {
  const snippet = await core.call('interop.code', { profile, request, target: target as CodeTarget });
  io.out(`${snippet.code}\n`);
  if (snippet.cookies.length)
    io.err(
      `tandem: the code carries ${profile}'s cookies (${snippet.cookies.join(', ')}): treat it as a secret\n`,
    );
}

function readInput(file: string, io: CliIO): Promise<string> | string {
  if (file === '-') {
    if (!io.readStdin) fail('INVALID_ARGUMENT', 'standard input cannot be read here');
    return io.readStdin();
  }
  try {
    return readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch {
    fail('INVALID_FILE', `Cannot read ${file}`);
  }
}

/** What an import created and skipped, for people. */
export function formatImport(
  preview: ImportPreview,
  created: boolean,
  cookies: number,
  profile?: string,
): string {
  const lines: string[] = [];
  const verb = created ? 'Created' : 'Would create';
  lines.push(
    `${verb} collection '${preview.name}': ${countOf(preview.requests.length, 'request')} in ${countOf(preview.folders.length, 'folder')}, ${countOf(preview.variables.length, 'variable')}`,
  );
  for (const r of preview.requests)
    lines.push(`  + ${r.folder ? `${r.folder}/` : ''}${r.name}  (${r.request.method} ${r.request.url})`);
  if (preview.cookies.length)
    lines.push(
      profile
        ? `${countOf(cookies, 'cookie')} put into ${profile}'s jar`
        : `${countOf(preview.cookies.length, 'browser cookie')} not imported (use --cookies-to PROFILE)`,
    );
  if (preview.skipped.length) {
    lines.push(`Skipped ${preview.skipped.length}:`);
    for (const s of preview.skipped) lines.push(`  - ${s.where}: ${s.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

interface ImportOptions {
  collection?: string;
  cookiesTo?: string;
  dryRun?: boolean;
  json?: boolean;
  dataDir?: string;
}

interface ExportOptions {
  out?: string;
  dataDir?: string;
}

/** Whether the text is a Postman environment rather than a collection. */
function isPostmanEnvironmentText(text: string): boolean {
  try {
    return isPostmanEnvironment(JSON.parse(text));
  } catch {
    return false;
  }
}

export function registerInterop(program: Command, io: CliIO): void {
  program
    .command('import')
    .description(
      'Create ONE collection from a Postman, Insomnia, HAR or OpenAPI file; prints what it created and skipped',
    )
    .argument('<format>', `${importFormats.join('|')}|postman-env`)
    .argument('<file>', "the file, or '-' for standard input")
    .option('--collection <name>', "the new collection's name (default: the file's)")
    .option('--cookies-to <profile>', "HAR: put the cookies the browser sent into this profile's jar")
    .option('--dry-run', 'show what would be created, create nothing')
    .option('--json', 'print one JSON object instead of text')
    .action(async (format: string, file: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ImportOptions>();
      // A Postman environment becomes a Tandem environment (main/cli/commands/env.ts).
      if (format === 'postman-env') return importPostmanEnvironment(io, await readInput(file, io), opts);
      if (!importFormats.includes(format as ImportFormat))
        fail('INVALID_ARGUMENT', `Unknown import format '${format}': use ${importFormats.join(', ')}`);
      if (opts.cookiesTo) validateProfileName(opts.cookiesTo);
      const text = await readInput(file, io);
      if (format === 'postman' && isPostmanEnvironmentText(text))
        return importPostmanEnvironment(io, text, opts);
      const name = opts.collection;
      await withCore(workspaceFor(opts.dataDir, io), async (core) => {
        if (opts.cookiesTo) await requireProfile(core, opts.cookiesTo);
        const fmt = format as ImportFormat;
        if (opts.dryRun) {
          const preview = await core.call('interop.previewImport', {
            format: fmt,
            text,
            ...(name ? { name } : {}),
          });
          if (opts.json) printJson(io, { created: false, ...preview });
          else io.out(formatImport(preview, false, 0));
          return;
        }
        const out = await core.call('interop.import', {
          format: fmt,
          text,
          ...(name ? { name } : {}),
          ...(opts.cookiesTo ? { cookiesProfile: opts.cookiesTo } : {}),
        });
        if (opts.json)
          printJson(io, {
            created: true,
            collectionId: out.collectionId,
            cookiesImported: out.cookiesImported,
            ...out.preview,
          });
        else io.out(formatImport(out.preview, true, out.cookiesImported, opts.cookiesTo));
      });
    });

  program
    .command('export')
    .description("Write a collection as Postman v2.1, or a profile's history ('all': everyone's) as HAR 1.2")
    .argument('<format>', exportFormats.join('|'))
    .argument('<name>', 'postman: the collection; har: the profile, or all')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (format: string, name: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<ExportOptions>();
      if (format !== 'postman' && format !== 'har')
        fail('INVALID_ARGUMENT', `Unknown export format '${format}': use ${exportFormats.join(', ')}`);
      const result = await withCore(workspaceFor(opts.dataDir, io), async (core) => {
        if (format === 'postman') {
          const found = findCollection(await core.call('collections.list', {}), name);
          if (!found) fail('NOT_FOUND', `Unknown collection '${name}'`);
          return core.call('interop.export', { format, collectionId: found.id });
        }
        if (name !== 'all') await requireProfile(core, validateProfileName(name));
        return core.call('interop.export', { format, ...(name !== 'all' ? { profile: name } : {}) });
      });
      if (opts.out) {
        try {
          writeFileSync(path.resolve(io.cwd, opts.out), result.text);
        } catch (e) {
          fail('INVALID_FILE', `Cannot write ${opts.out}: ${(e as Error).message}`);
        }
        io.err(`tandem: wrote ${opts.out}\n`);
      } else io.out(result.text);
    });
}

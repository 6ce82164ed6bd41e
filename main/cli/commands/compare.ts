import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { cellKey, describeDiff } from '../../core/compare';
import { fail } from '../../shared/errors';
import { describeExpectation } from '../../shared/matrix';
import { expectationsById, type MatrixFile, matrixFileSchema } from '../../shared/matrixFile';
import { matrixReport } from '../../shared/reports';
import { DEFAULT_JAR_MODE, expectationSchema } from '../../shared/sessions';
import { issueLine } from '../../shared/text';
import type {
  Collection,
  Comparison,
  Expectation,
  MatrixExpectations,
  MatrixResult,
} from '../../shared/types';
import { findCollection } from '../collection-run';
import { isFile } from '../files';
import { table } from '../format';
import { validateProfileName } from '../parse';
import { parseReportFormat, writeReport } from '../report';
import { addRequestOptions, collect, type RequestOptions, requestSpecOf } from '../request-options';
import { type CliIO, type Core, printJson, requireProfile, withCore, workspaceFor } from '../session';
import { parseJarMode } from '../session-args';

/**
 * `tandem compare`: the same request as several profiles, side by side.
 * `tandem matrix`: a collection's requests × profiles, allow/deny per cell, checked against
 * expectations. Exit 0 when every cell got a response and every expectation held, 1 otherwise,
 * 2 on bad input.
 */

function clip(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The side-by-side text of a comparison: summary line, then one column per profile. */
export function formatComparison(cmp: Comparison): string {
  const profiles = cmp.results.map((r) => r.profile);
  const rows: string[][] = [['', ...profiles]];
  rows.push([
    'status',
    ...cmp.results.map((r) =>
      r.response ? `${r.response.status} ${r.response.statusText}`.trim() : `error ${r.error?.code ?? ''}`,
    ),
  ]);
  rows.push([
    'time',
    ...cmp.results.map((r) => (r.response ? `${Math.round(r.response.timings.total)} ms` : '—')),
  ]);
  rows.push(['size', ...cmp.results.map((r) => (r.response ? `${r.response.size} B` : '—'))]);
  for (const p of cmp.diff.paths) rows.push([p.path, ...profiles.map((n) => clip(p.values[n] ?? ''))]);
  for (const h of cmp.diff.headers)
    rows.push([`header ${h.path}`, ...profiles.map((n) => clip(h.values[n] ?? ''))]);
  rows.push([
    'cookies set',
    ...profiles.map((n) => {
      const set = cmp.diff.cookiesSet[n] ?? [];
      return set.length ? clip(set.map((c) => `${c.name}=${c.value}`).join(', ')) : '—';
    }),
  ]);
  const errors = cmp.results.filter((r) => r.error).map((r) => `${r.profile}: ${r.error?.message}`);
  const lines = [
    `${cmp.request.method} ${cmp.request.url}`,
    describeDiff(cmp.diff),
    '',
    table(rows),
    ...(cmp.diff.pathsTruncated ? ['(more paths differ)'] : []),
    ...errors,
  ];
  return `${lines.join('\n')}\n`;
}

function showExpected(e: Expectation): string {
  return describeExpectation(e);
}

/** The grid: rows = requests, columns = profiles, cells = status (+ ✓/✗ against the expectation). */
export function formatMatrix(m: MatrixResult, collection: string): string {
  const rows: string[][] = [['', ...m.profiles]];
  for (const r of m.rows) {
    rows.push([
      r.folder ? `${r.folder}/${r.name}` : r.name,
      ...m.profiles.map((p) => {
        const c = m.cells[cellKey(r.id, p)];
        if (!c) return '·';
        const shown = c.status === null ? (c.error?.code ?? 'error') : `${c.status} ${c.verdict}`;
        if (c.pass === undefined) return shown;
        return c.pass ? `${shown} ✓` : `${shown} ✗ (want ${showExpected(c.expected as Expectation)})`;
      }),
    ]);
  }
  const s = m.summary;
  const checks = s.passed + s.failed > 0 ? `, ${s.passed} passed, ${s.failed} failed` : '';
  const tail = `${s.total} cells in '${collection}'${checks}, ${s.errors} without response${m.cancelled ? ' (cancelled)' : ''}`;
  return `${table(rows)}\n\n${tail}\n`;
}

const expectFileSchema = z.record(z.string(), z.record(z.string(), expectationSchema));

/** Reads `--expect FILE.json`: `{ "<request name, folder/name or id>": { "<profile>": "allow" | "deny" | 403 } }`. */
export function parseExpectFile(text: string, shown: string, c: Collection): MatrixExpectations {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail('INVALID_FILE', `${shown} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = expectFileSchema.safeParse(raw);
  if (!parsed.success) {
    fail(
      'INVALID_FILE',
      issueLine(`${shown} is not an expectations file`, parsed.error, 'use "allow", "deny" or a status'),
    );
  }
  const out: MatrixExpectations = {};
  for (const [ref, perProfile] of Object.entries(parsed.data)) {
    const req =
      c.requests.find((r) => r.id === ref) ??
      c.requests.find((r) => r.name === ref) ??
      c.requests.find((r) => `${r.folder}/${r.name}` === ref);
    if (!req) fail('NOT_FOUND', `${shown} names a request '${ref}' that is not in '${c.name}'`);
    out[req.id] = perProfile;
  }
  return out;
}

interface CompareOptions extends RequestOptions {
  profile?: string[];
  env?: string;
  jars: string;
  json?: boolean;
  dataDir?: string;
}

function registerCompare(program: Command, io: CliIO): void {
  const command = program
    .command('compare')
    .description('Send the same request as several profiles at once and show the differences side by side')
    .argument('<url>', 'http(s) URL; may use each profile’s {{variables}}')
    .option('--profile <name>', 'profile to send as (repeat: 2 to 10 profiles)', collect);
  addRequestOptions(command, { whose: "profiles'" })
    .option(
      '--jars <mode>',
      "copy: copies of the profiles' jars, nothing changed (default); fresh: empty jars, log in first; live: the real jars",
      DEFAULT_JAR_MODE,
    )
    .option('--env <name>', 'use this environment instead of the active one (tandem env list)')
    .option('--json', 'print the comparison as JSON')
    .action(async (url: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<CompareOptions>();
      const jars = parseJarMode(opts.jars);
      const request = requestSpecOf(url, opts, io.cwd);
      const profiles = (opts.profile ?? []).map(validateProfileName);
      if (profiles.length < 2 || profiles.length > 10)
        fail('INVALID_ARGUMENT', `Give 2 to 10 --profile options to compare (got ${profiles.length})`);
      const cmp = await withCore(workspaceFor(opts.dataDir, io, opts.env), async (core) => {
        for (const p of profiles) await requireProfile(core, p);
        const compareId = randomUUID();
        const off = io.onInterrupt(() => {
          core.call('request.cancelCompare', { compareId }).catch(() => {});
        });
        try {
          return await core.call('request.compare', { profiles, request, compareId, jars });
        } finally {
          off();
        }
      });
      if (opts.json) printJson(io, cmp);
      else io.out(formatComparison(cmp));
      const failed = cmp.results.filter((r) => r.error);
      if (failed.length)
        fail(failed[0].error?.code ?? 'NETWORK_ERROR', `${failed[0].profile}: ${failed[0].error?.message}`);
    });
}

interface MatrixOptions {
  profile?: string[];
  env?: string;
  report?: string;
  out?: string;
  jars: string;
  relogin: boolean;
  folder?: string;
  expect?: string;
  json?: boolean;
  dataDir?: string;
}

function readText(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    fail(
      'INVALID_FILE',
      `Cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/** `tandem matrix run X`: X is a file when one exists at that path, else a saved matrix's name. */
function readMatrixFile(ref: string, io: CliIO): string | undefined {
  const file = path.resolve(io.cwd, ref);
  return isFile(file) ? readText(file, ref) : undefined;
}

async function loadMatrix(core: Core, ref: string, text: string | undefined): Promise<MatrixFile> {
  if (text === undefined) {
    const found = (await core.call('matrices.list', {})).find((m) => m.name === ref);
    if (!found) fail('NOT_FOUND', `No matrix file or saved matrix named '${ref}'`);
    return found;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail('INVALID_FILE', `${ref} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = matrixFileSchema.safeParse(raw);
  if (!parsed.success) fail('INVALID_FILE', issueLine(`${ref} is not a Tandem matrix file`, parsed.error));
  return parsed.data;
}

function registerMatrix(program: Command, io: CliIO): void {
  program
    .command('matrix')
    .description(
      'Run a saved collection as every profile and show who is allowed or denied, request by request',
    )
    .argument('<collection>', 'name or id of a saved collection, or "run" followed by a matrix')
    .argument('[matrix]', 'after "run": a matrix file (.json) or the name of a saved matrix')
    .option('--profile <name>', 'profile to run as (repeatable)', collect)
    .option('--folder <folder>', 'only the requests in this folder (and its subfolders)')
    .option('--expect <file.json>', 'expected verdicts: {"<request>": {"<profile>": "allow"|"deny"|403}}')
    .option(
      '--jars <mode>',
      "copy: copies of the profiles' jars, nothing changed (default); fresh: empty jars, log in first; live: the real jars",
      DEFAULT_JAR_MODE,
    )
    .option('--no-relogin', 'do not re-login and retry when a session has expired')
    .option('--env <name>', 'use this environment instead of the active one (tandem env list)')
    .option('--report <format>', 'write a CI report of the grid: junit, json or html')
    .option('--out <path>', 'where --report writes (default: standard output)')
    .option('--json', 'print the matrix as JSON')
    .action(async (first: string, second: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<MatrixOptions>();
      const report = parseReportFormat(opts.report);
      const saved = first === 'run' && second !== undefined ? second : undefined;
      if (second !== undefined && saved === undefined)
        fail(
          'INVALID_ARGUMENT',
          `Use 'tandem matrix COLLECTION' or 'tandem matrix run MATRIX' (got '${second}')`,
        );
      const ref = first;
      const explicitJars = cmd.getOptionValueSource('jars') !== 'default';
      const given = (opts.profile ?? []).map(validateProfileName);
      if (given.length === 0 && saved === undefined)
        fail('INVALID_ARGUMENT', 'Give at least one --profile to run the matrix as');
      const matrixText = saved === undefined ? undefined : readMatrixFile(saved, io);
      const expectText =
        opts.expect === undefined ? undefined : readText(path.resolve(io.cwd, opts.expect), opts.expect);
      let profiles = given;
      let jars = parseJarMode(opts.jars);
      let started = 0;
      const { result, collection } = await withCore(
        workspaceFor(opts.dataDir, io, opts.env),
        async (core) => {
          const file = saved === undefined ? undefined : await loadMatrix(core, saved, matrixText);
          if (file) {
            if (!given.length) profiles = file.profiles.map(validateProfileName);
            if (!explicitJars) jars = file.jars;
          }
          for (const p of profiles) await requireProfile(core, p);
          const collectionRef = file ? file.collection : ref;
          const found = findCollection(await core.call('collections.list', {}), collectionRef);
          if (!found) fail('NOT_FOUND', `No saved collection named '${collectionRef}'`);
          const fromFile = file ? expectationsById(file, found) : undefined;
          const fromFlag =
            expectText === undefined ? undefined : parseExpectFile(expectText, opts.expect ?? '', found);
          const expect = fromFile || fromFlag ? { ...fromFile, ...fromFlag } : undefined;
          if (file?.folder && opts.folder === undefined) opts.folder = file.folder;
          started = Date.now();
          const runId = randomUUID();
          const off = io.onInterrupt(() => {
            core.call('matrix.cancel', { runId }).catch(() => {});
          });
          try {
            const r = await core.call('matrix.run', {
              collectionId: found.id,
              profiles,
              jars,
              ...(opts.relogin === false ? { relogin: false } : {}),
              folder: opts.folder,
              expect,
              runId,
            });
            return { result: r, collection: found };
          } finally {
            off();
          }
        },
      );
      if (report)
        writeReport(
          io,
          report,
          matrixReport(
            result,
            saved ? `${saved} (${collection.name})` : collection.name,
            Date.now() - started,
          ),
          opts.out,
        );
      if (report && !opts.out) {
        // the report is the output
      } else if (opts.json) printJson(io, { collection: collection.name, ...result });
      else io.out(formatMatrix(result, collection.name));
      const s = result.summary;
      if (result.cancelled) fail('CANCELLED', 'The matrix run was cancelled');
      if (s.errors > 0) fail('NETWORK_ERROR', `${s.errors} of ${s.total} cells got no response`);
      if (s.failed > 0) fail('CHECK_FAILED', `${s.failed} of ${s.passed + s.failed} expectations failed`);
    });
}

/** Registers `tandem compare` and `tandem matrix`. */
export function registerCompareCommands(program: Command, io: CliIO): void {
  registerCompare(program, io);
  registerMatrix(program, io);
}

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { fail, TandemFailure } from '../shared/errors';
import {
  type CollectionRunResult,
  collectionInputSchema,
  DEFAULT_JAR_MODE,
  type RunSummary,
} from '../shared/sessions';
import { issueLine } from '../shared/text';
import type { Collection } from '../shared/types';
import { isFile } from './files';
import { parseCount, validateProfileName } from './parse';
import { parseReportFormat, requestOrder, writeReport } from './report';
import { type CliIO, type Core, printJson, requireProfile, withCore, workspaceFor } from './session';
import { parseJarMode } from './session-args';

export { summarizeRun } from '../core/runs/run';

/**
 * `tandem run <collection.json|collection name> [--profile NAME]… [--iterations N] [--jars MODE] [--json]`:
 * a thin caller of the core's `collections.run` (every request of a collection, in order, as each
 * profile, on copies of their jars by default), then one summary line. Exit 0 when every request
 * got a response (any status), 1 when some did not, 2 on bad usage (unknown profile, bad file).
 */

/** A collection file's JSON, not yet checked. Throws INVALID_FILE when it is not JSON. */
function collectionJson(text: string, shown: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    fail('INVALID_FILE', `${shown} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Parses a Tandem collection file (the `Collection` JSON). Throws INVALID_FILE naming the problem. */
export function parseCollectionFile(text: string, shown: string): Collection {
  const raw = collectionJson(text, shown);
  const parsed = collectionInputSchema.safeParse(raw);
  if (!parsed.success) {
    fail('INVALID_FILE', issueLine(`${shown} is not a Tandem collection`, parsed.error));
  }
  return parsed.data as Collection;
}

/** Picks a saved collection by exact name, then id, then case-insensitive name. */
export function findCollection(all: Collection[], ref: string): Collection | undefined {
  return (
    all.find((c) => c.name === ref) ??
    all.find((c) => c.id === ref) ??
    all.find((c) => c.name.toLowerCase() === ref.toLowerCase())
  );
}

/** `1000 requests as alice, bob in 1.23 s: 1000 responses (2xx 990, 4xx 10), 0 failed`. */
export function formatRunSummary(s: RunSummary, profiles: readonly string[], ms: number): string {
  const classes = Object.entries(s.statusClasses)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  const secs = ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2);
  const relogged = s.relogged ? `, ${s.relogged} re-logged in` : '';
  return `${s.requests} requests as ${profiles.join(', ')} in ${secs} s: ${s.responses} responses${
    classes ? ` (${classes})` : ''
  }, ${s.failed} failed${relogged}${s.checks ? `; checks: ${s.checks.passed} passed, ${s.checks.failed} failed` : ''}`;
}

/**
 * A collection file (read here: the core never reads the user's cwd) or a saved collection's id.
 * A file's JSON goes to `collections.run` as it is: the contract checks it (once; a
 * 1,000-request collection costs ~20 ms to check in a fresh process), and only when it rejects
 * the call is the file checked here again, for the message that names the file.
 */
async function collectionRef(
  core: Core,
  ref: string,
  io: CliIO,
): Promise<{ collection: Collection; file: { text: string; shown: string } } | { collectionId: string }> {
  const file = path.resolve(io.cwd, ref);
  if (isFile(file)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fail('INVALID_FILE', `Cannot read ${ref}: ${(e as Error).message}`);
    }
    return { collection: collectionJson(text, ref) as Collection, file: { text, shown: ref } };
  }
  const found = findCollection(await core.call('collections.list', {}), ref);
  if (!found) fail('NOT_FOUND', `No collection file or saved collection named '${ref}'`);
  return { collectionId: found.id };
}

interface RunOptions {
  profile: string[];
  iterations: string;
  jars: string;
  relogin: boolean;
  env?: string;
  report?: string;
  out?: string;
  json?: boolean;
  dataDir?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRunCommand(program: Command, io: CliIO): void {
  program
    .command('run')
    .description('Send every request of a collection, in order, as each profile; print a summary')
    .argument('<collection>', 'a Tandem collection file (.json) or the name of a saved collection')
    .option('--profile <name>', 'profile to run as (repeatable; default: default)', collect, [])
    .option('--iterations <n>', 'run the whole collection this many times', '1')
    .option(
      '--jars <mode>',
      "copy: start from copies of the profiles' jars and variables, change nothing (default); fresh: empty jars, log in first; live: use and change the real jars",
      DEFAULT_JAR_MODE,
    )
    .option('--no-relogin', 'do not re-login and retry when a session has expired')
    .option('--env <name>', 'use this environment instead of the active one (tandem env list)')
    .option('--report <format>', 'write a CI report of the run and its checks: junit, json or html')
    .option('--out <path>', 'where --report writes (default: standard output)')
    .option('--json', 'print one JSON object instead of the summary line')
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<RunOptions>();
      const report = parseReportFormat(opts.report);
      const profiles = (opts.profile.length ? opts.profile : ['default']).map(validateProfileName);
      const iterations = parseCount(opts.iterations, '--iterations', 1_000_000);
      const jars = parseJarMode(opts.jars);
      const result: CollectionRunResult = await withCore(
        workspaceFor(opts.dataDir, io, opts.env),
        async (core) => {
          for (const p of profiles) await requireProfile(core, p);
          const target = await collectionRef(core, ref, io);
          const runId = randomUUID();
          const off = io.onInterrupt(() => {
            core.call('collections.cancelRun', { runId }).catch(() => {});
          });
          try {
            return await core.call('collections.run', {
              ...('collectionId' in target
                ? { collectionId: target.collectionId }
                : { collection: target.collection }),
              profiles,
              iterations,
              jars,
              ...(opts.relogin === false ? { relogin: false } : {}),
              runId,
            });
          } catch (e) {
            // The contract rejected the file's collection: say which part of the file, in its name.
            if ('file' in target && e instanceof TandemFailure && e.code === 'INVALID_ARGUMENT')
              parseCollectionFile(target.file.text, target.file.shown);
            throw e;
          } finally {
            off();
          }
        },
      );
      const { summary } = result;
      if (report)
        writeReport(
          io,
          report,
          {
            kind: 'run',
            title: result.collection,
            profiles,
            requests: requestOrder(result.cases ?? []),
            cases: result.cases ?? [],
            durationMs: result.durationMs,
            environment: result.environment ?? null,
          },
          opts.out,
        );
      if (report && !opts.out) {
        // the report is the output
      } else if (opts.json)
        printJson(io, {
          collection: result.collection,
          profiles,
          iterations,
          jars,
          durationMs: result.durationMs,
          ...summary,
          ...(result.environment ? { environment: result.environment } : {}),
        });
      else io.out(`${formatRunSummary(summary, profiles, result.durationMs)}\n`);
      if (result.cancelled) fail('CANCELLED', 'The run was cancelled');
      if (summary.failed > 0) {
        const first = summary.failures[0];
        fail(
          'NETWORK_ERROR',
          `${summary.failed} of ${summary.requests} requests got no response (first: ${first?.request} as ${first?.profile}: ${first?.message})`,
        );
      }
      if (summary.checks?.failed) {
        const bad = (result.cases ?? []).find((c) => c.assertions.some((a) => !a.pass));
        const a = bad?.assertions.find((x) => !x.pass);
        fail(
          'CHECK_FAILED',
          `${summary.checks.failed} of ${summary.checks.passed + summary.checks.failed} checks failed${
            bad && a ? ` (first: ${bad.request} as ${bad.profile}: ${a.label}, got ${a.actual})` : ''
          }`,
        );
      }
    });
}

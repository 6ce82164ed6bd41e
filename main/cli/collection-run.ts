import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { z } from 'zod';
import { fail, TandemFailure, toTandemError } from '../shared/errors';
import { requestSpecSchema } from '../shared/schemas';
import type { Collection, ErrorCode, SavedRequest } from '../shared/types';
import { parseCount, validateProfileName } from './parse';
import { type CliIO, type Core, dataDirFor, printJson, requireProfile, withCore } from './session';

/**
 * `tandem run <collection.json|collection name> [--profile NAME]… [--iterations N] [--json]`:
 * sends every request of a collection, in order, as each profile (profiles one after another,
 * each with its own jar), then prints one summary line. Exit 0 when every request got a
 * response (any status), 1 when some did not, 2 on bad usage (unknown profile, bad file).
 */

const collectionSchema = z.object({
  id: z.string().default('file'),
  name: z.string().default('collection'),
  folders: z.array(z.string()).default([]),
  requests: z.array(
    z.object({
      id: z.string().default(''),
      name: z.string().default(''),
      folder: z.string().default(''),
      request: requestSpecSchema,
    }),
  ),
});

/** Parses a Tandem collection file (the `Collection` JSON). Throws INVALID_FILE naming the problem. */
export function parseCollectionFile(text: string, shown: string): Collection {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    fail('INVALID_FILE', `${shown} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = collectionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    fail('INVALID_FILE', `${shown} is not a Tandem collection${where}: ${issue?.message ?? 'invalid'}`);
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

export type RunOutcome =
  | { profile: string; request: string; status: number }
  | { profile: string; request: string; error: { code: ErrorCode; message: string } };

export interface RunSummary {
  requests: number;
  responses: number;
  failed: number;
  /** Responses per status class: '1xx' … '5xx'. */
  statusClasses: Record<string, number>;
  /** The first failures, for the report (at most 20). */
  failures: Array<{ profile: string; request: string; code: ErrorCode; message: string }>;
}

export function summarizeRun(outcomes: readonly RunOutcome[]): RunSummary {
  const summary: RunSummary = {
    requests: outcomes.length,
    responses: 0,
    failed: 0,
    statusClasses: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
    failures: [],
  };
  for (const o of outcomes) {
    if ('status' in o) {
      summary.responses++;
      const cls = `${Math.min(5, Math.max(1, Math.floor(o.status / 100)))}xx`;
      summary.statusClasses[cls]++;
    } else {
      summary.failed++;
      if (summary.failures.length < 20)
        summary.failures.push({ profile: o.profile, request: o.request, ...o.error });
    }
  }
  return summary;
}

/** `1000 requests as alice, bob in 1.23 s: 1000 responses (2xx 990, 4xx 10), 0 failed`. */
export function formatRunSummary(s: RunSummary, profiles: readonly string[], ms: number): string {
  const classes = Object.entries(s.statusClasses)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  const secs = ms >= 10_000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2);
  return `${s.requests} requests as ${profiles.join(', ')} in ${secs} s: ${s.responses} responses${
    classes ? ` (${classes})` : ''
  }, ${s.failed} failed`;
}

async function loadCollection(core: Core, ref: string, io: CliIO): Promise<Collection> {
  const file = path.resolve(io.cwd, ref);
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    isFile = false;
  }
  if (isFile) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fail('INVALID_FILE', `Cannot read ${ref}: ${(e as Error).message}`);
    }
    return parseCollectionFile(text, ref);
  }
  const found = findCollection(await core.call('collections.list', {}), ref);
  if (!found) fail('NOT_FOUND', `No collection file or saved collection named '${ref}'`);
  return found;
}

async function sendOne(core: Core, profile: string, saved: SavedRequest): Promise<RunOutcome> {
  const name = saved.name || saved.request.url;
  try {
    const record = await core.call('request.send', { profile, request: saved.request });
    return { profile, request: name, status: record.status };
  } catch (e) {
    const error = e instanceof TandemFailure ? e.toError() : toTandemError(e);
    return { profile, request: name, error };
  }
}

interface RunOptions {
  profile: string[];
  iterations: string;
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
    .option('--json', 'print one JSON object instead of the summary line')
    .action(async (ref: string, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<RunOptions>();
      const profiles = (opts.profile.length ? opts.profile : ['default']).map(validateProfileName);
      const iterations = parseCount(opts.iterations, '--iterations', 1_000_000);
      const result = await withCore(dataDirFor(opts.dataDir, io), async (core) => {
        for (const p of profiles) await requireProfile(core, p);
        const collection = await loadCollection(core, ref, io);
        const outcomes: RunOutcome[] = [];
        const started = performance.now();
        for (let it = 0; it < iterations; it++)
          for (const profile of profiles)
            for (const saved of collection.requests) outcomes.push(await sendOne(core, profile, saved));
        return { collection, summary: summarizeRun(outcomes), ms: performance.now() - started };
      });
      const { collection, summary, ms } = result;
      if (opts.json)
        printJson(io, {
          collection: collection.name,
          profiles,
          iterations,
          durationMs: Math.round(ms),
          ...summary,
        });
      else io.out(`${formatRunSummary(summary, profiles, ms)}\n`);
      if (summary.failed > 0) {
        const first = summary.failures[0];
        fail(
          'NETWORK_ERROR',
          `${summary.failed} of ${summary.requests} requests got no response (first: ${first?.request} as ${first?.profile}: ${first?.message})`,
        );
      }
    });
}

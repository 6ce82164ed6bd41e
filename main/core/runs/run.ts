import { performance } from 'node:perf_hooks';
import { judgeChecks } from '../../shared/checks';
import { fail, toTandemError } from '../../shared/errors';
import { refuseRedacted } from '../../shared/redaction';
import type { ReportCase } from '../../shared/reports';
import {
  type CollectionRunResult,
  type JarMode,
  RUN_STEPS_KEPT,
  type RunSummary,
} from '../../shared/sessions';
import type { Collection, ErrorCode } from '../../shared/types';
import type { Workspace } from '../workspace';
import { RunJars } from './jars';

/**
 * A collection run: every request of a collection, in order, as each profile (profiles one after
 * another), `iterations` times. Jars by mode (copy by default). One history entry for the run.
 */

export interface CollectionRunInput {
  collection: Collection;
  profiles: string[];
  iterations?: number;
  jars?: JarMode;
  relogin?: boolean;
  signal?: AbortSignal;
}

export type RunOutcome =
  | { profile: string; request: string; status: number; relogged?: boolean }
  | { profile: string; request: string; error: { code: ErrorCode; message: string } };

/** Adds one request's outcome to a summary. */
export function tally(summary: RunSummary, o: RunOutcome): void {
  summary.requests++;
  if ('status' in o) {
    summary.responses++;
    const cls = `${Math.min(5, Math.max(1, Math.floor(o.status / 100)))}xx`;
    summary.statusClasses[cls]++;
    if (o.relogged) summary.relogged++;
  } else {
    summary.failed++;
    if (summary.failures.length < 20)
      summary.failures.push({
        profile: o.profile,
        request: o.request,
        code: o.error.code,
        message: o.error.message,
      });
  }
}

export function summarizeRun(outcomes: readonly RunOutcome[]): RunSummary {
  const s = emptySummary();
  for (const o of outcomes) tally(s, o);
  return s;
}

export function emptySummary(): RunSummary {
  return {
    requests: 0,
    responses: 0,
    failed: 0,
    statusClasses: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
    failures: [],
    relogged: 0,
  };
}

export async function runCollection(ws: Workspace, input: CollectionRunInput): Promise<CollectionRunResult> {
  const { collection, profiles, signal } = input;
  const iterations = input.iterations ?? 1;
  const jars = input.jars ?? 'copy';
  if (profiles.length === 0) fail('INVALID_ARGUMENT', 'Choose at least one profile to run as');
  if (new Set(profiles).size !== profiles.length) fail('INVALID_ARGUMENT', 'A profile is listed twice');
  for (const p of profiles) await ws.profiles.get(p);
  // A request that came from history (an entry saved, a HAR of it imported) may still hold its
  // [redacted] placeholders: the run refuses before anything is sent.
  for (const saved of collection.requests) {
    const refused = refuseRedacted(saved.request);
    if (refused) fail('INVALID_ARGUMENT', `"${saved.name || saved.request.url}": ${refused.message}`);
  }
  const run = new RunJars(ws, {
    kind: 'collection',
    jars,
    title: collection.name,
    relogin: input.relogin,
    collection,
  });
  const summary = emptySummary();
  const checks = { passed: 0, failed: 0 };
  const cases: ReportCase[] = [];
  const addCase = (c: ReportCase) => {
    if (cases.length < RUN_STEPS_KEPT) cases.push(c);
  };
  const started = performance.now();
  let cancelled = false;
  outer: for (let it = 0; it < iterations; it++)
    for (const profile of profiles)
      for (const saved of collection.requests) {
        if (signal?.aborted) {
          cancelled = true;
          break outer;
        }
        const request = saved.name || saved.request.url;
        try {
          const r = await run.send(
            profile,
            { request: saved.request, requestId: saved.id, name: saved.name, extract: saved.extract },
            signal,
          );
          tally(summary, { profile, request, status: r.status, relogged: r.relogged });
          const judged = judgeChecks(saved.checks, r);
          for (const j of judged) checks[j.pass ? 'passed' : 'failed']++;
          addCase({
            profile,
            request: saved.folder ? `${saved.folder}/${request}` : request,
            requestId: saved.id || undefined,
            status: r.status,
            durationMs: Math.round(r.timings.total),
            assertions: judged.map(({ label, pass, expected, actual }) => ({
              label,
              pass,
              expected,
              actual,
            })),
          });
        } catch (e) {
          if (signal?.aborted) {
            cancelled = true;
            break outer;
          }
          const { code, message } = toTandemError(e);
          tally(summary, { profile, request, error: { code, message } });
          addCase({
            profile,
            request: saved.folder ? `${saved.folder}/${request}` : request,
            requestId: saved.id || undefined,
            status: null,
            error: message,
            durationMs: 0,
            assertions: [],
          });
        }
      }
  const entry = run.finish(profiles);
  if (checks.passed + checks.failed > 0) summary.checks = checks;
  return {
    collection: collection.name,
    profiles,
    iterations,
    jars,
    durationMs: Math.round(performance.now() - started),
    summary,
    historyId: entry.id,
    cancelled,
    cases,
    environment: (await ws.environments.current())?.name ?? null,
  };
}

import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../contract';
import { attempt, fail } from '../../shared/errors';
import { matrixRows } from '../../shared/matrix';
import { refuseRedacted } from '../../shared/redaction';
import type { Collection, RequestSpec, ResponseRecord } from '../../shared/types';
import type { EventBus } from '../events';
import type { RunJars, RunJarsOptions } from '../runs/jars';
import { compareProfiles, type SendAs } from './compare';
import { runMatrix } from './matrix';

export { matrixRows };

/** What the compare and matrix channels need from the rest of the core. */
export interface CompareDeps {
  /** The facade's own `request.send` path: history, jar persistence and events as for one send. */
  send(args: { profile: string; request: RequestSpec; sendId: string }): Promise<ResponseRecord>;
  cancel(sendId: string): unknown;
  collections(): Promise<Collection[]> | Collection[];
  events: EventBus;
  /** A run's jars (copy, fresh or live) and its one history entry. */
  run(opts: RunJarsOptions): RunJars;
}

/**
 * The compare and matrix channels, typed from the contract (declared once there), plus `stop`,
 * which cancels every comparison and matrix run in flight (on close).
 */
export type CompareChannels = Pick<
  Handlers,
  'request.compare' | 'request.cancelCompare' | 'matrix.run' | 'matrix.cancel'
> & { stop(): void };

/** The compare and matrix handlers, ready to spread into the facade; each kind is cancelled by its own id. */
export function compareChannels(deps: CompareDeps): CompareChannels {
  const running = new Map<string, AbortController>();
  const sendAs: SendAs = async (profile, request, signal) => {
    const sendId = randomUUID();
    const onAbort = () => deps.cancel(sendId);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      if (signal.aborted) fail('CANCELLED', 'Cancelled');
      return await deps.send({ profile, request, sendId });
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  };
  const track = async <T>(id: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    running.get(id)?.abort();
    running.set(id, controller);
    try {
      return await fn(controller.signal);
    } finally {
      if (running.get(id) === controller) running.delete(id);
    }
  };

  return {
    'request.compare': (a) =>
      attempt(async () => {
        const refused = refuseRedacted(a.request);
        if (refused) fail(refused.code, refused.message);
        // live: each profile's own jar and history, as a single send would.
        if (a.jars === 'live')
          return track(`compare:${a.compareId ?? randomUUID()}`, (signal) =>
            compareProfiles(a.request, a.profiles, sendAs, signal),
          );
        const run = deps.run({
          kind: 'compare',
          jars: a.jars ?? 'copy',
          title: `${a.request.method} ${a.request.url}`,
          // A comparison shows each profile as it is now: no re-login behind the user's back.
          relogin: false,
        });
        try {
          return await track(`compare:${a.compareId ?? randomUUID()}`, (signal) =>
            compareProfiles(a.request, a.profiles, (p, spec, s) => run.sendSpec(p, spec, s), signal),
          );
        } finally {
          run.finish(a.profiles);
        }
      }),
    'matrix.run': (a) =>
      attempt(async () => {
        const runId = a.runId ?? randomUUID();
        const all = await deps.collections();
        const c = all.find((x) => x.id === a.collectionId);
        if (!c) fail('NOT_FOUND', `No collection with id '${a.collectionId}'`);
        const requests = matrixRows(c, a.folder);
        // Each profile logs in with its recipe first; rows keep the collection's order.
        const run = deps.run({
          kind: 'matrix',
          jars: a.jars ?? 'copy',
          title: a.folder ? `${c.name} / ${a.folder}` : c.name,
          loginFirst: true,
          relogin: a.relogin,
        });
        const runAs: SendAs = (profile, request, signal, row) =>
          run.send(
            profile,
            row ? { request, requestId: row.id, name: row.name, extract: row.extract } : { request },
            signal,
          );
        try {
          return await track(`matrix:${runId}`, (signal) =>
            runMatrix(
              {
                requests,
                profiles: a.profiles,
                expect: a.expect ?? c.expect,
                concurrency: a.concurrency,
                notFoundIsDeny: a.notFoundIsDeny,
              },
              runAs,
              (p) => deps.events.emit('matrix.progress', { runId, ...p }),
              signal,
            ),
          );
        } finally {
          run.finish(a.profiles);
        }
      }),
    'request.cancelCompare': (a) =>
      attempt(() => {
        const c = running.get(`compare:${a.compareId}`);
        c?.abort();
        return { cancelled: Boolean(c) };
      }),
    'matrix.cancel': (a) =>
      attempt(() => {
        const c = running.get(`matrix:${a.runId}`);
        c?.abort();
        return { cancelled: Boolean(c) };
      }),
    stop: () => {
      for (const c of running.values()) c.abort();
    },
  };
}

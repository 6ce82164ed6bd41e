import { randomUUID } from 'node:crypto';
import { attempt, fail } from '../../shared/errors';
import { matrixRows } from '../../shared/matrix';
import type {
  Collection,
  Comparison,
  MatrixExpectations,
  MatrixResult,
  RequestSpec,
  ResponseRecord,
  Result,
} from '../../shared/types';
import type { Handlers } from '../../contract';
import type { EventBus } from '../events';
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
      attempt(() =>
        track(`compare:${a.compareId ?? randomUUID()}`, (signal) =>
          compareProfiles(a.request, a.profiles, sendAs, signal),
        ),
      ),
    'matrix.run': (a) =>
      attempt(async () => {
        const runId = a.runId ?? randomUUID();
        const all = await deps.collections();
        const c = all.find((x) => x.id === a.collectionId);
        if (!c) fail('NOT_FOUND', `No collection with id '${a.collectionId}'`);
        const requests = matrixRows(c, a.folder);
        return track(`matrix:${runId}`, (signal) =>
          runMatrix(
            {
              requests,
              profiles: a.profiles,
              expect: a.expect,
              concurrency: a.concurrency,
              notFoundIsDeny: a.notFoundIsDeny,
            },
            sendAs,
            (p) => deps.events.emit('matrix.progress', { runId, ...p }),
            signal,
          ),
        );
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

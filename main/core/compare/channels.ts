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

export interface CompareChannels {
  'request.compare'(a: {
    profiles: string[];
    request: RequestSpec;
    compareId?: string;
  }): Promise<Result<Comparison>>;
  'matrix.run'(a: {
    collectionId: string;
    profiles: string[];
    folder?: string;
    expect?: MatrixExpectations;
    notFoundIsDeny?: boolean;
    concurrency?: number;
    runId?: string;
  }): Promise<Result<MatrixResult>>;
  'matrix.cancel'(a: { runId: string }): Promise<Result<{ cancelled: boolean }>>;
  /** Cancels every comparison and matrix run in flight (on close). */
  stop(): void;
}

/** The three channels, ready to spread into the facade. Cancel a comparison with its compareId via matrix.cancel. */
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
        track(a.compareId ?? randomUUID(), (signal) =>
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
        return track(runId, (signal) =>
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
    'matrix.cancel': (a) =>
      attempt(() => {
        const c = running.get(a.runId);
        c?.abort();
        return { cancelled: Boolean(c) };
      }),
    stop: () => {
      for (const c of running.values()) c.abort();
    },
  };
}

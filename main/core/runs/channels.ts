import { randomUUID } from 'node:crypto';
import { attempt, fail } from '../../shared/errors';
import type { CollectionRunResult, JarMode, LoginResult, SendPreview } from '../../shared/sessions';
import type { Collection, RequestSpec, Result } from '../../shared/types';
import type { Sender } from '../profiles/send';
import type { Workspace } from '../workspace';
import { previewSend } from './preview';
import { runCollection } from './run';

export interface SessionHandlers {
  'collections.run'(a: {
    collectionId?: string;
    collection?: Collection;
    profiles: string[];
    iterations?: number;
    jars?: JarMode;
    relogin?: boolean;
    runId?: string;
  }): Promise<Result<CollectionRunResult>>;
  'collections.cancelRun'(a: { runId: string }): Promise<Result<{ cancelled: boolean }>>;
  'profiles.login'(a: { profile: string }): Promise<Result<LoginResult>>;
  'request.preview'(a: { profile: string; request: RequestSpec }): Promise<Result<SendPreview>>;
  stop(): void;
}

/** The handlers of `main/contract/sessions.ts`, for the facade; `stop()` cancels runs in flight. */
export function sessionHandlers(ws: Workspace, sender: Sender): SessionHandlers {
  const running = new Map<string, AbortController>();
  return {
    'collections.run': (a) =>
      attempt(async () => {
        let collection: Collection;
        if (a.collection) collection = a.collection;
        else collection = await ws.collections.get(a.collectionId ?? '');
        const runId = a.runId ?? randomUUID();
        const controller = new AbortController();
        running.get(runId)?.abort();
        running.set(runId, controller);
        try {
          return await runCollection(ws, {
            collection,
            profiles: a.profiles,
            iterations: a.iterations,
            jars: a.jars,
            relogin: a.relogin,
            signal: controller.signal,
          });
        } finally {
          if (running.get(runId) === controller) running.delete(runId);
        }
      }),
    'collections.cancelRun': (a) =>
      attempt(() => {
        const c = running.get(a.runId);
        c?.abort();
        return { cancelled: Boolean(c) };
      }),
    'profiles.login': (a) =>
      attempt(async () => {
        const p = await ws.profiles.get(a.profile);
        if (!p.login)
          fail(
            'INVALID_ARGUMENT',
            `Profile '${a.profile}' has no login recipe (set one in its menu or with the CLI)`,
          );
        const { response, extracted } = await sender.login(a.profile);
        return {
          profile: a.profile,
          status: response.status,
          statusText: response.statusText,
          steps: p.login.steps.length,
          extracted,
        };
      }),
    'request.preview': (a) => attempt(() => previewSend(ws, a.profile, a.request)),
    stop: () => {
      for (const c of running.values()) c.abort();
    },
  };
}

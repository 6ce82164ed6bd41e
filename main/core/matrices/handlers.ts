import type { Handlers } from '../../contract';
import { attempt } from '../../shared/errors';
import type { Workspace } from '../workspace';
import { MatrixStore } from './store';

type AssertionHandlers = Pick<
  Handlers,
  'collections.setChecks' | 'matrices.list' | 'matrices.save' | 'matrices.delete'
>;

/** The handlers of `main/contract/assertions.ts`, for the facade. */
export function assertionHandlers(ws: Workspace): AssertionHandlers {
  const matrices = new MatrixStore(ws.dataDir, ws.queue);
  return {
    'collections.setChecks': (a) =>
      attempt(async () => {
        const saved = await ws.collections.setChecks(a.collectionId, a.requestId, a.checks);
        ws.events.emit('collections.changed', { id: a.collectionId });
        return saved;
      }),
    'matrices.list': () => attempt(() => matrices.list()),
    'matrices.save': (a) => attempt(() => matrices.save(a.matrix)),
    'matrices.delete': (a) => attempt(() => matrices.delete(a.name)),
  };
}

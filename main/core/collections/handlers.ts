import type { Handlers } from '../../contract';
import { attempt } from '../../shared/errors';
import type { Workspace } from '../workspace';

/** The collections channels this module answers (collections.move and .run live with their areas). */
export type CollectionHandlers = Pick<
  Handlers,
  | 'collections.list'
  | 'collections.create'
  | 'collections.duplicate'
  | 'collections.rename'
  | 'collections.delete'
  | 'collections.saveRequest'
  | 'collections.deleteRequest'
  | 'collections.duplicateRequest'
  | 'collections.addFolder'
  | 'collections.renameFolder'
  | 'collections.duplicateFolder'
  | 'collections.deleteFolder'
>;

/**
 * The collections channels. Every change emits `collections.changed` with the collection's id
 * (`deleted: true` when it is gone), so every window updates that one collection; changes made
 * by another process (the CLI) are noticed by the workspace watcher (`../watch.ts`).
 */
export function collectionHandlers(ws: Workspace): CollectionHandlers {
  const { collections, events } = ws;
  const changed = <T>(id: string, value: T): T => {
    events.emit('collections.changed', { id });
    return value;
  };
  return {
    'collections.list': () => attempt(() => collections.list()),
    'collections.create': (a) =>
      attempt(async () => {
        const c = await collections.create(a.name);
        return changed(c.id, c);
      }),
    'collections.duplicate': (a) =>
      attempt(async () => {
        const c = await collections.duplicate(a.id);
        return changed(c.id, c);
      }),
    'collections.rename': (a) => attempt(async () => changed(a.id, await collections.rename(a.id, a.name))),
    'collections.delete': (a) =>
      attempt(async () => {
        const r = await collections.delete(a.id);
        events.emit('collections.changed', { id: a.id, deleted: true });
        return r;
      }),
    'collections.saveRequest': (a) =>
      attempt(async () => changed(a.collectionId, await collections.saveRequest(a.collectionId, a.request))),
    'collections.deleteRequest': (a) =>
      attempt(async () =>
        changed(a.collectionId, await collections.deleteRequest(a.collectionId, a.requestId)),
      ),
    'collections.duplicateRequest': (a) =>
      attempt(async () =>
        changed(a.collectionId, await collections.duplicateRequest(a.collectionId, a.requestId)),
      ),
    'collections.addFolder': (a) =>
      attempt(async () => changed(a.collectionId, await collections.addFolder(a.collectionId, a.folder))),
    'collections.renameFolder': (a) =>
      attempt(async () =>
        changed(a.collectionId, await collections.renameFolder(a.collectionId, a.from, a.to)),
      ),
    'collections.duplicateFolder': (a) =>
      attempt(async () =>
        changed(a.collectionId, await collections.duplicateFolder(a.collectionId, a.folder)),
      ),
    'collections.deleteFolder': (a) =>
      attempt(async () => changed(a.collectionId, await collections.deleteFolder(a.collectionId, a.folder))),
  };
}

import { create } from 'zustand';
import type { ExtractRule } from '../../../../main/shared/sessions';
import type { Collection, RequestSpec, Result, SavedRequest } from '../../../../main/shared/types';
import type { CollectionMoveArgs } from '../../../../main/shared/workbench';
import { api, subscribe } from '../../api';
import { coalesce } from '../cookies/coalesce';
import { type ListSlice, listLoader, sharedFollow } from '../listStore';

/**
 * Collections by id, in the core's order. A change that answers with the collection is applied
 * to the map at once; every change also arrives as `collections.changed`, which updates the one
 * collection it names (a burst of events costs at most two reads). Nothing reloads twice.
 */
export interface CollectionsState extends ListSlice<Collection> {
  load(): Promise<void>;
  create(name: string): Promise<Result<Collection>>;
  rename(id: string, name: string): Promise<Result<Collection>>;
  duplicate(id: string): Promise<Result<Collection>>;
  remove(id: string): Promise<Result<{ deleted: string }>>;
  addFolder(collectionId: string, folder: string): Promise<Result<Collection>>;
  renameFolder(collectionId: string, from: string, to: string): Promise<Result<Collection>>;
  duplicateFolder(collectionId: string, folder: string): Promise<Result<Collection>>;
  removeFolder(collectionId: string, folder: string): Promise<Result<Collection>>;
  move(args: CollectionMoveArgs): Promise<Result<Collection>>;
  saveRequest(
    collectionId: string,
    request: { id?: string; name: string; folder: string; request: RequestSpec; extract?: ExtractRule[] },
  ): Promise<Result<SavedRequest>>;
  duplicateRequest(collectionId: string, requestId: string): Promise<Result<SavedRequest>>;
  removeRequest(collectionId: string, requestId: string): Promise<Result<{ deleted: string }>>;
}

const byName = (a: Collection, b: Collection) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

export const useCollectionsStore = create<CollectionsState>()((set, get) => {
  /** Puts one collection into the map (its place in the list follows the core's order: by name). */
  const put = (c: Collection) =>
    set((s) => {
      const byId = { ...s.byId, [c.id]: c };
      const ids = Object.values(byId)
        .sort(byName)
        .map((x) => x.id);
      return { byId, ids };
    });
  const drop = (id: string) =>
    set((s) => {
      if (!s.byId[id]) return s;
      const { [id]: _gone, ...byId } = s.byId;
      return { byId, ids: s.ids.filter((x) => x !== id) };
    });
  const applied = <T extends Collection>(res: Result<T>): Result<T> => {
    if (res.ok) put(res.value);
    return res;
  };

  return {
    byId: {},
    ids: [],
    status: 'idle',
    error: null,
    load: listLoader(() => api['collections.list']({}), get, set),
    create: async (name) => applied(await api['collections.create']({ name })),
    rename: async (id, name) => applied(await api['collections.rename']({ id, name })),
    async remove(id) {
      const res = await api['collections.delete']({ id });
      if (res.ok) drop(id);
      return res;
    },
    duplicate: async (id) => applied(await api['collections.duplicate']({ id })),
    addFolder: async (collectionId, folder) =>
      applied(await api['collections.addFolder']({ collectionId, folder })),
    renameFolder: async (collectionId, from, to) =>
      applied(await api['collections.renameFolder']({ collectionId, from, to })),
    removeFolder: async (collectionId, folder) =>
      applied(await api['collections.deleteFolder']({ collectionId, folder })),
    duplicateFolder: async (collectionId, folder) =>
      applied(await api['collections.duplicateFolder']({ collectionId, folder })),
    move: async (args) => applied(await api['collections.move'](args)),
    async saveRequest(collectionId, request) {
      const res = await api['collections.saveRequest']({ collectionId, request });
      return res; // the list follows from `collections.changed`
    },
    async duplicateRequest(collectionId, requestId) {
      const res = await api['collections.duplicateRequest']({ collectionId, requestId });
      return res; // the list follows from `collections.changed`
    },
    async removeRequest(collectionId, requestId) {
      const res = await api['collections.deleteRequest']({ collectionId, requestId });
      return res; // the list follows from `collections.changed`
    },
  };
});

/**
 * Follows `collections.changed`: a deleted collection leaves the map; any other change re-reads
 * the list once. Shared by every caller (one subscription); returns the unsubscribe.
 */
export const startCollectionsSync: () => () => void = sharedFollow(follow);

function follow(): () => void {
  const reread = coalesce(() => useCollectionsStore.getState().load());
  return subscribe('collections.changed', (e) => {
    if (e.deleted && e.id) {
      const s = useCollectionsStore.getState();
      if (!s.byId[e.id]) return;
      const { [e.id]: _gone, ...byId } = s.byId;
      useCollectionsStore.setState({ byId, ids: s.ids.filter((x) => x !== e.id) });
      return;
    }
    void reread('collections');
  });
}

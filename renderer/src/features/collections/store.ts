import { create } from 'zustand';
import type { Collection, RequestSpec, Result, SavedRequest } from '../../../../main/shared/types';
import { api } from '../../api';
import { type ListSlice, listLoader } from '../listStore';
import {
  allFolders,
  foldersUnder,
  joinPath,
  leafName,
  parentPath,
  rebase,
  requestsUnder,
  uniqueName,
} from './tree';

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
  saveRequest(
    collectionId: string,
    request: { id?: string; name: string; folder: string; request: RequestSpec },
  ): Promise<Result<SavedRequest>>;
  duplicateRequest(collectionId: string, requestId: string): Promise<Result<SavedRequest>>;
  removeRequest(collectionId: string, requestId: string): Promise<Result<{ deleted: string }>>;
}

/** Runs a sequence of calls, stopping at the first failure. */
async function chain<T>(steps: Array<() => Promise<Result<unknown>>>, last: () => Promise<Result<T>>) {
  for (const step of steps) {
    const r = await step();
    if (!r.ok) return r as Result<T>;
  }
  return last();
}

export const useCollectionsStore = create<CollectionsState>()((set, get) => {
  const reloadAfter = async <T>(res: Result<T>): Promise<Result<T>> => {
    if (res.ok) await get().load();
    return res;
  };
  return {
    byId: {},
    ids: [],
    status: 'idle',
    error: null,
    load: listLoader(() => api['collections.list']({}), get, set),
    create: async (name) => reloadAfter(await api['collections.create']({ name })),
    rename: async (id, name) => reloadAfter(await api['collections.rename']({ id, name })),
    remove: async (id) => reloadAfter(await api['collections.delete']({ id })),
    async duplicate(id) {
      const source = get().byId[id];
      if (!source) return { ok: false, error: { code: 'NOT_FOUND', message: `No collection with id ${id}` } };
      const names = Object.values(get().byId).map((c) => c.name);
      const created = await api['collections.create']({ name: uniqueName(`${source.name} copy`, names) });
      if (!created.ok) return created;
      const copyId = created.value.id;
      const res = await chain(
        [
          ...allFolders(source).map(
            (folder) => () => api['collections.addFolder']({ collectionId: copyId, folder }),
          ),
          ...source.requests.map(
            (r) => () =>
              api['collections.saveRequest']({
                collectionId: copyId,
                request: { name: r.name, folder: r.folder, request: r.request },
              }),
          ),
        ],
        async () => {
          const list = await api['collections.list']({});
          if (!list.ok) return list;
          const copy = list.value.find((c) => c.id === copyId);
          return copy
            ? ({ ok: true, value: copy } as Result<Collection>)
            : ({
                ok: false,
                error: { code: 'NOT_FOUND', message: 'The copy vanished' },
              } as Result<Collection>);
        },
      );
      return reloadAfter(res);
    },
    addFolder: async (collectionId, folder) =>
      reloadAfter(await api['collections.addFolder']({ collectionId, folder })),
    renameFolder: async (collectionId, from, to) =>
      reloadAfter(await api['collections.renameFolder']({ collectionId, from, to })),
    removeFolder: async (collectionId, folder) =>
      reloadAfter(await api['collections.deleteFolder']({ collectionId, folder })),
    async duplicateFolder(collectionId, folder) {
      const c = get().byId[collectionId];
      if (!c)
        return { ok: false, error: { code: 'NOT_FOUND', message: `No collection with id ${collectionId}` } };
      const parent = parentPath(folder);
      const siblings = allFolders(c)
        .filter((p) => parentPath(p) === parent)
        .map(leafName);
      const target = joinPath(parent, uniqueName(`${leafName(folder)} copy`, siblings));
      const res = await chain(
        [
          ...foldersUnder(c, folder).map(
            (p) => () => api['collections.addFolder']({ collectionId, folder: rebase(p, folder, target) }),
          ),
          ...requestsUnder(c, folder).map(
            (r) => () =>
              api['collections.saveRequest']({
                collectionId,
                request: { name: r.name, folder: rebase(r.folder, folder, target), request: r.request },
              }),
          ),
        ],
        async () => {
          const list = await api['collections.list']({});
          if (!list.ok) return list;
          const found = list.value.find((x) => x.id === collectionId);
          return found
            ? ({ ok: true, value: found } as Result<Collection>)
            : ({
                ok: false,
                error: { code: 'NOT_FOUND', message: 'The collection vanished' },
              } as Result<Collection>);
        },
      );
      return reloadAfter(res);
    },
    saveRequest: async (collectionId, request) =>
      reloadAfter(await api['collections.saveRequest']({ collectionId, request })),
    duplicateRequest: async (collectionId, requestId) =>
      reloadAfter(await api['collections.duplicateRequest']({ collectionId, requestId })),
    removeRequest: async (collectionId, requestId) =>
      reloadAfter(await api['collections.deleteRequest']({ collectionId, requestId })),
  };
});

import { create } from 'zustand';
import type { HistoryEntry, Result } from '../../../../main/shared/types';
import { api, subscribe } from '../../api';
import { coalesce } from '../cookies/coalesce';
import { type ListSlice, listLoader, sharedFollow } from '../listStore';

export interface HistoryState extends ListSlice<HistoryEntry> {
  load(): Promise<void>;
  /** Clears one profile's history, or everyone's (applied to the list at once). */
  clear(profile?: string): Promise<Result<{ removed: number }>>;
}

/** How many entries the panel reads. */
export const HISTORY_LIMIT = 1000;

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  byId: {},
  ids: [],
  status: 'idle',
  error: null,
  load: listLoader(() => api['history.list']({ limit: HISTORY_LIMIT }), get, set),
  async clear(profile) {
    const res = await api['history.clear'](profile ? { profile } : {});
    if (res.ok) {
      const s = get();
      const ids = profile ? s.ids.filter((id) => s.byId[id]?.profile !== profile) : [];
      set({ ids, byId: Object.fromEntries(ids.map((id) => [id, s.byId[id]])) });
    }
    return res;
  },
}));

/**
 * Follows `history.changed`: a burst of sends costs at most two reads of the list. Every
 * caller shares one subscription; returns the unsubscribe.
 */
export const startHistorySync: () => () => void = sharedFollow(() => {
  const reread = coalesce(() => useHistoryStore.getState().load());
  return subscribe('history.changed', () => void reread('history'));
});

/** One entry with its kept response. */
export function fetchEntry(profile: string, id: string): Promise<Result<HistoryEntry>> {
  return api['history.get']({ profile, id });
}

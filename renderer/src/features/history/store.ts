import { create } from 'zustand';
import type { HistoryEntry, Result } from '../../../../main/shared/types';
import { api } from '../../api';
import { coalesce } from '../cookies/coalesce';
import { type ListSlice, listLoader } from '../listStore';

export interface HistoryState extends ListSlice<HistoryEntry> {
  load(): Promise<void>;
  /** Reloads after a `history.changed` event; a burst of events costs at most two loads. */
  refresh(): Promise<void>;
  /** Clears one profile's history, or everyone's. */
  clear(profile?: string): Promise<Result<{ removed: number }>>;
}

/** How many entries the panel reads. */
export const HISTORY_LIMIT = 1000;

export const useHistoryStore = create<HistoryState>()((set, get) => {
  const refresh = coalesce(() => get().load());
  return {
    refresh: () => refresh('history'),
    byId: {},
    ids: [],
    status: 'idle',
    error: null,
    load: listLoader(() => api['history.list']({ limit: HISTORY_LIMIT }), get, set),
    async clear(profile) {
      const res = await api['history.clear'](profile ? { profile } : {});
      if (res.ok) await get().load();
      return res;
    },
  };
});

import { create } from 'zustand';
import type { HistoryEntry, Result, TandemError } from '../../../../main/core/types';
import { api } from '../../api';
import { coalesce } from '../cookies/coalesce';

export interface HistoryState {
  byId: Record<string, HistoryEntry>;
  /** Ids in the order the core returns them. */
  ids: string[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: TandemError | null;
  load(): Promise<void>;
  /** Reloads after a `history.changed` event; a burst of events costs at most two loads. */
  refresh(): Promise<void>;
  /** Clears one profile's history, or everyone's. */
  clear(profile?: string): Promise<Result<{ removed: number }>>;
}

/** How many entries the panel reads. */
export const HISTORY_LIMIT = 1000;

/** Loads are numbered; an answer older than one already shown is dropped (newer data wins). */
let seq = 0;
let shown = 0;

export const useHistoryStore = create<HistoryState>()((set, get) => {
  const refresh = coalesce(() => get().load());
  return {
    refresh: () => refresh('history'),
    byId: {},
    ids: [],
    status: 'idle',
    error: null,
    async load() {
      const mine = ++seq;
      if (get().status === 'idle') set({ status: 'loading' });
      const res = await api['history.list']({ limit: HISTORY_LIMIT });
      if (mine < shown) return;
      shown = mine;
      if (!res.ok) {
        set({ status: 'error', error: res.error });
        return;
      }
      const byId: Record<string, HistoryEntry> = {};
      for (const e of res.value) byId[e.id] = e;
      set({ byId, ids: res.value.map((e) => e.id), status: 'ready', error: null });
    },
    async clear(profile) {
      const res = await api['history.clear'](profile ? { profile } : {});
      if (res.ok) await get().load();
      return res;
    },
  };
});

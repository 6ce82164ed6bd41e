import { create } from 'zustand';
import { cellKey } from '../../../../main/shared/matrix';
import type { Collection, MatrixCell, MatrixExpectations, TandemError } from '../../../../main/shared/types';
import { api, subscribe } from '../../api';
import { useSessionsStore } from '../sessions/store';
import { cycleExpectation, type UiExpectation } from './model';

export interface MatrixState {
  collections: Collection[];
  loaded: boolean;
  loadError: string | null;
  collectionId: string;
  /** '' = the whole collection. */
  folder: string;
  profiles: string[];
  /** requestId → profile → expected verdict. */
  expect: Record<string, Record<string, UiExpectation>>;
  runId: string | null;
  /** Cells of the current (or last) run, filled as progress arrives. */
  cells: Record<string, MatrixCell>;
  cancelled: boolean;
  error: TandemError | null;
  /** The cell whose response summary is shown. */
  selected: string | null;
  load(): Promise<void>;
  setCollection(id: string): void;
  setFolder(folder: string): void;
  toggleProfile(name: string, order: readonly string[]): void;
  setProfiles(names: string[]): void;
  cycleExpect(requestId: string, profile: string): void;
  select(key: string | null): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
}

/** The verdicts saved with a collection (exact-status expectations are left to the CLI). */
function savedExpect(all: Collection[], id: string): Record<string, Record<string, UiExpectation>> {
  const out: Record<string, Record<string, UiExpectation>> = {};
  for (const [req, row] of Object.entries(all.find((c) => c.id === id)?.expect ?? {})) {
    const kept: Record<string, UiExpectation> = {};
    for (const [p, e] of Object.entries(row)) if (e === 'allow' || e === 'deny') kept[p] = e;
    out[req] = kept;
  }
  return out;
}

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export const useMatrixStore = create<MatrixState>()((set, get) => ({
  collections: [],
  loaded: false,
  loadError: null,
  collectionId: '',
  folder: '',
  profiles: [],
  expect: {},
  runId: null,
  cells: {},
  cancelled: false,
  error: null,
  selected: null,

  async load() {
    const res = await api['collections.list']({});
    if (!res.ok) {
      set({ loaded: true, loadError: res.error.message });
      return;
    }
    const current = get().collectionId;
    const keep = res.value.some((c) => c.id === current);
    const chosen = keep ? current : (res.value[0]?.id ?? '');
    set({
      collections: res.value,
      loaded: true,
      loadError: null,
      collectionId: chosen,
      // A collection opened here starts from its saved expectations.
      ...(keep ? {} : { folder: '', cells: {}, selected: null, expect: savedExpect(res.value, chosen) }),
    });
  },

  setCollection(id) {
    if (id === get().collectionId) return;
    set({
      collectionId: id,
      folder: '',
      cells: {},
      expect: savedExpect(get().collections, id),
      selected: null,
      error: null,
      cancelled: false,
    });
  },

  setFolder(folder) {
    set({ folder, selected: null });
  },

  toggleProfile(name, order) {
    const set_ = new Set(get().profiles);
    if (set_.has(name)) set_.delete(name);
    else set_.add(name);
    set({ profiles: order.filter((n) => set_.has(n)) });
  },

  setProfiles(names) {
    set({ profiles: names });
  },

  cycleExpect(requestId, profile) {
    set((s) => {
      const row = { ...(s.expect[requestId] ?? {}) };
      const next = cycleExpectation(row[profile]);
      if (next) row[profile] = next;
      else delete row[profile];
      return { expect: { ...s.expect, [requestId]: row } };
    });
  },

  select(key) {
    set({ selected: key });
  },

  async run() {
    const s = get();
    if (s.runId || !s.collectionId || s.profiles.length === 0) return;
    const runId = newId();
    set({ runId, cells: {}, cancelled: false, error: null, selected: null });
    const expect: MatrixExpectations = s.expect;
    const res = await api['matrix.run']({
      collectionId: s.collectionId,
      profiles: s.profiles,
      folder: s.folder || undefined,
      expect,
      runId,
      jars: useSessionsStore.getState().jars.matrix,
      ...(useSessionsStore.getState().relogin ? {} : { relogin: false }),
    });
    if (get().runId !== runId) return;
    if (res.ok) set({ runId: null, cells: res.value.cells, cancelled: res.value.cancelled });
    else set({ runId: null, error: res.error });
  },

  async cancel() {
    const runId = get().runId;
    if (runId) await api['matrix.cancel']({ runId });
  },
}));

/** Fills cells as `matrix.progress` events arrive for the run under way. Returns the unsubscribe. */
export function startMatrixSync(): () => void {
  return subscribe('matrix.progress', (p) => {
    useMatrixStore.setState((s) =>
      s.runId === p.runId ? { cells: { ...s.cells, [cellKey(p.requestId, p.profile)]: p.cell } } : s,
    );
  });
}

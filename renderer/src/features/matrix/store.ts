import { create } from 'zustand';
import { cellKey } from '../../../../main/shared/matrix';
import { expectationsByName, type MatrixFile } from '../../../../main/shared/matrixFile';
import { renameColumn, renameInList, renameOf } from '../../../../main/shared/profileRename';
import type {
  Collection,
  Expectation,
  MatrixCell,
  MatrixExpectations,
  TandemError,
} from '../../../../main/shared/types';
import { api, subscribe } from '../../api';
import { useSessionsStore } from '../sessions/store';

export interface MatrixState {
  collections: Collection[];
  loaded: boolean;
  loadError: string | null;
  collectionId: string;
  /** '' = the whole collection. */
  folder: string;
  profiles: string[];
  /** requestId → profile → expectation (a verdict, a status or a check). */
  expect: MatrixExpectations;
  /** The saved matrix the grid was opened from or saved as (an expectation set is saved to it). */
  file: MatrixFile | null;
  /** The last thing the saved-matrix bar did ("Saved matrices/x.json") or why it could not. */
  fileNote: { text: string; error: boolean } | null;
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
  /**
   * Sets (or, with undefined, clears) a cell's expectation. With a saved matrix open it is saved
   * to that file first: the core's one-line refusal is returned and nothing changes.
   */
  setExpect(requestId: string, profile: string, e: Expectation | undefined): Promise<string | null>;
  setFile(file: MatrixFile | null, note?: { text: string; error: boolean } | null): void;
  select(key: string | null): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
}

/** `expect` with one cell's expectation set, or cleared when `e` is undefined. */
function withExpectation(
  expect: MatrixExpectations,
  requestId: string,
  profile: string,
  e: Expectation | undefined,
): MatrixExpectations {
  const row = { ...(expect[requestId] ?? {}) };
  if (e === undefined) delete row[profile];
  else row[profile] = e;
  return { ...expect, [requestId]: row };
}

/** The expectations saved with a collection (a copy: the grid's edits never touch the collection). */
function savedExpect(all: Collection[], id: string): MatrixExpectations {
  const out: MatrixExpectations = {};
  for (const [req, row] of Object.entries(all.find((c) => c.id === id)?.expect ?? {})) out[req] = { ...row };
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
  file: null,
  fileNote: null,
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
      file: null,
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

  async setExpect(requestId, profile, e) {
    const s = get();
    const expect = withExpectation(s.expect, requestId, profile, e);
    const collection = s.collections.find((c) => c.id === s.collectionId);
    const file = s.file;
    if (file && collection && (file.collection === collection.name || file.collection === collection.id)) {
      const res = await api['matrices.save']({
        matrix: { ...file, expect: expectationsByName(expect, collection) },
      });
      if (!res.ok) return res.error.message;
      set({ file: res.value, fileNote: { text: `Saved matrices/${res.value.name}.json`, error: false } });
    }
    // Applied to the grid as it is now (it may have changed while the file was saved).
    set((now) => ({ expect: withExpectation(now.expect, requestId, profile, e) }));
    return null;
  },

  setFile(file, note) {
    set(note === undefined ? { file } : { file, fileNote: note });
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

/** A cell key's request id and profile (`cellKey` in reverse; profile names hold no '|'). */
function cellParts(key: string): [string, string] {
  const at = key.lastIndexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** The grid after profile `from` was renamed `to`: its column, expectations, saved matrix and cells follow. */
function renamedIn(s: MatrixState, from: string, to: string): Partial<MatrixState> {
  const rekey = (key: string) => {
    const [requestId, profile] = cellParts(key);
    return profile === from ? cellKey(requestId, to) : key;
  };
  const cells: Record<string, MatrixCell> = {};
  for (const [key, cell] of Object.entries(s.cells)) cells[rekey(key)] = cell;
  return {
    profiles: renameInList(s.profiles, from, to),
    expect: renameColumn(s.expect, from, to),
    collections: s.collections.map((c) =>
      c.expect ? { ...c, expect: renameColumn(c.expect, from, to) } : c,
    ),
    file: s.file && {
      ...s.file,
      profiles: renameInList(s.file.profiles, from, to),
      expect: renameColumn(s.file.expect, from, to),
    },
    cells,
    selected: s.selected && rekey(s.selected),
  };
}

/**
 * Fills cells as `matrix.progress` events arrive for the run under way, and follows a renamed
 * profile (so an expectation set later does not save its old name back). Returns the unsubscribe.
 */
export function startMatrixSync(): () => void {
  const offProgress = subscribe('matrix.progress', (p) => {
    useMatrixStore.setState((s) =>
      s.runId === p.runId ? { cells: { ...s.cells, [cellKey(p.requestId, p.profile)]: p.cell } } : s,
    );
  });
  const offRename = subscribe('profiles.changed', (e) => {
    const renamed = renameOf(e);
    if (renamed) useMatrixStore.setState((s) => renamedIn(s, renamed.from, renamed.to));
  });
  return () => {
    offProgress();
    offRename();
  };
}

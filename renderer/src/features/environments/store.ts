import { create } from 'zustand';
import type { Environment } from '../../../../main/shared/environments';
import type { TandemError } from '../../../../main/shared/types';
import { api, subscribe } from '../../api';

/** Environments by name, the active one and the globals; follows `environments.changed`. */
export interface EnvironmentsState {
  byName: Record<string, Environment>;
  order: string[];
  active: string | null;
  globals: Record<string, string>;
  error: TandemError | null;
  load(): Promise<void>;
  use(name: string | null): Promise<void>;
  /** Subscribes to changes from the core (here or another process); returns the unsubscribe. */
  listen(): () => void;
}

export const useEnvironmentsStore = create<EnvironmentsState>()((set, get) => ({
  byName: {},
  order: [],
  active: null,
  globals: {},
  error: null,
  async load() {
    const res = await api['environments.list']({});
    if (!res.ok) return set({ error: res.error });
    const { environments, active, globals } = res.value;
    set({
      byName: Object.fromEntries(environments.map((e) => [e.name, e])),
      order: environments.map((e) => e.name),
      active,
      globals,
      error: null,
    });
  },
  async use(name) {
    const res = await api['environments.use']({ name });
    if (!res.ok) return set({ error: res.error });
    set({ active: res.value.active, error: null });
  },
  listen() {
    return subscribe('environments.changed', () => {
      get().load();
    });
  },
}));

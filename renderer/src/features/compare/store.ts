import { create } from 'zustand';
import type { Comparison, RequestSpec, TandemError } from '../../../../main/shared/types';
import { api } from '../../api';

export interface CompareState {
  /** The response area shows the side-by-side comparison instead of the single response. */
  open: boolean;
  /** Profiles chosen to compare ([] = not chosen yet: the view offers a default). */
  selected: string[];
  comparison: Comparison | null;
  running: { compareId: string; profiles: string[] } | null;
  error: TandemError | null;
  setSelected(names: string[]): void;
  show(open: boolean): void;
  /** Sends the request as the profiles side by side. Never throws. */
  run(request: RequestSpec, profiles: string[]): Promise<void>;
  cancel(): Promise<void>;
}

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `cmp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export const useCompareStore = create<CompareState>()((set, get) => ({
  open: false,
  selected: [],
  comparison: null,
  running: null,
  error: null,

  setSelected(names) {
    set({ selected: names });
  },

  show(open) {
    set({ open });
  },

  async run(request, profiles) {
    if (get().running) return;
    const compareId = newId();
    set({ open: true, running: { compareId, profiles }, error: null });
    const res = await api['request.compare']({ profiles, request, compareId });
    if (get().running?.compareId !== compareId) return;
    if (res.ok) set({ comparison: res.value, running: null, error: null });
    else set({ running: null, error: res.error });
  },

  async cancel() {
    const r = get().running;
    if (r) await api['request.cancelCompare']({ compareId: r.compareId });
  },
}));

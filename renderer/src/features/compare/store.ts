import { create } from 'zustand';
import { renameInList, renameOf } from '../../../../main/shared/profileRename';
import type { RequestSpec } from '../../../../main/shared/types';
import { api, subscribe } from '../../api';
import { useRequestStore } from '../request/store';
import { type CompareSlot, emptyCompare, newId } from '../request/tabs';
import { useSessionsStore } from '../sessions/store';

/**
 * Comparing profiles side by side. Which profiles to compare is chosen once for the app; each
 * comparison belongs to the tab that ran it (kept in that tab's `compare` slot).
 */
export interface CompareState {
  /** Profiles chosen to compare ([] = not chosen yet: the view offers a default). */
  selected: string[];
  setSelected(names: string[]): void;
  /** Shows the active tab's comparison, or its single response. */
  show(open: boolean): void;
  /** Sends the request as the profiles side by side, for the active tab. Never throws. */
  run(request: RequestSpec, profiles: string[]): Promise<void>;
  cancel(): Promise<void>;
}

const activeSlot = (): { id: string; slot: CompareSlot } => {
  const s = useRequestStore.getState();
  return { id: s.activeId, slot: s.tabs[s.activeId]?.compare ?? emptyCompare() };
};

export const useCompareStore = create<CompareState>()((set) => ({
  selected: [],

  setSelected(names) {
    set({ selected: names });
  },

  show(open) {
    useRequestStore.getState().setCompare(activeSlot().id, { open });
  },

  async run(request, profiles) {
    const { id, slot } = activeSlot();
    if (slot.running) return;
    const { setCompare } = useRequestStore.getState();
    const compareId = newId('cmp');
    setCompare(id, { open: true, running: { compareId, profiles }, error: null });
    const jars = useSessionsStore.getState().jars.compare;
    const res = await api['request.compare']({ profiles, request, compareId, jars });
    const now = useRequestStore.getState().tabs[id]?.compare;
    if (now?.running?.compareId !== compareId) return;
    if (res.ok) setCompare(id, { comparison: res.value, running: null, error: null });
    else setCompare(id, { running: null, error: res.error });
  },

  async cancel() {
    const r = activeSlot().slot.running;
    if (r) await api['request.cancelCompare']({ compareId: r.compareId });
  },
}));

/** The active tab's comparison slot. */
export function useTabCompare(): CompareSlot {
  return useRequestStore((s) => s.tabs[s.activeId]?.compare) ?? emptyCompare();
}

/** Follows a renamed profile: it stays chosen under its new name. Returns the unsubscribe. */
export function startCompareSync(): () => void {
  return subscribe('profiles.changed', (e) => {
    const renamed = renameOf(e);
    if (renamed)
      useCompareStore.setState((s) => ({ selected: renameInList(s.selected, renamed.from, renamed.to) }));
  });
}

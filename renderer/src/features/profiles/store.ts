import { create } from 'zustand';
import { compareProfiles } from '../../../../main/shared/profileOrder';
import type { Profile, ProfilePatch, Result } from '../../../../main/shared/types';
import { api, subscribe } from '../../api';
import { nextProfileColor, pickActive } from './accent';

const ACTIVE_KEY = 'tandem.activeProfile';

export interface ProfilesState {
  profiles: Record<string, Profile>;
  /** Profile names in the order the core lists them. */
  order: string[];
  /** The name of the active profile ('' until loaded or when there is none). */
  active: string;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  setActive(name: string): void;
  /** Creates a profile; `copyVariablesFrom` starts it with a copy of that profile's variables. */
  create(name: string, color?: string, copyVariablesFrom?: string): Promise<Result<Profile>>;
  rename(from: string, to: string): Promise<Result<Profile>>;
  duplicate(from: string, to: string): Promise<Result<Profile>>;
  remove(name: string): Promise<Result<{ deleted: string }>>;
  update(name: string, patch: ProfilePatch): Promise<Result<Profile>>;
  /** Applies a change once: `put` profiles added or replaced, `drop` names removed, kept in the core's order. */
  applyChange(put: Profile[], drop?: string[], preferActive?: string): void;
}

function readStoredActive(): string {
  try {
    return localStorage.getItem(ACTIVE_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeActive(name: string): void {
  try {
    localStorage.setItem(ACTIVE_KEY, name);
  } catch {
    /* storage may be unavailable; the choice then lasts for this session only */
  }
}

export const useProfilesStore = create<ProfilesState>()((set, get) => {
  /** Applies a fresh list from the core. */
  const apply = (list: Profile[], preferActive?: string) => {
    const profiles: Record<string, Profile> = {};
    for (const p of list) profiles[p.name] = p;
    const order = list.map((p) => p.name);
    const active = pickActive(order, preferActive ?? get().active, readStoredActive());
    if (active) storeActive(active);
    set({ profiles, order, active, loaded: true, error: null });
  };

  /**
   * Applies a mutation's result to the map once, without listing again: `put` profiles are added
   * or replaced, `drop` names removed; the order is the core's (shared/profileOrder.ts).
   */
  const change = (put: Profile[], drop: string[] = [], preferActive?: string) => {
    const profiles = { ...get().profiles };
    for (const name of drop) delete profiles[name];
    for (const p of put) profiles[p.name] = p;
    // With no profile left the core lists `default` again: ask it.
    if (Object.keys(profiles).length === 0) return void get().load();
    const order = Object.values(profiles)
      .sort(compareProfiles)
      .map((p) => p.name);
    const active = pickActive(order, preferActive ?? get().active, readStoredActive());
    if (active) storeActive(active);
    set({ profiles, order, active, loaded: true, error: null });
  };

  return {
    profiles: {},
    order: [],
    active: '',
    loaded: false,
    error: null,

    async load() {
      const list = await api['profiles.list']({});
      if (!list.ok) {
        set({ loaded: true, error: list.error.message });
        return;
      }
      apply(list.value);
    },

    setActive(name) {
      if (!get().profiles[name]) return;
      storeActive(name);
      set({ active: name });
    },

    async create(name, color, copyVariablesFrom) {
      const used = Object.values(get().profiles).map((p) => p.color);
      const res = await api['profiles.create']({
        name,
        color: color ?? nextProfileColor(used),
        ...(copyVariablesFrom ? { copyVariablesFrom } : {}),
      });
      if (res.ok) change([res.value], [], res.value.name);
      return res;
    },

    async rename(from, to) {
      const wasActive = get().active === from;
      const res = await api['profiles.rename']({ from, to });
      if (res.ok) change([res.value], [from], wasActive ? res.value.name : undefined);
      return res;
    },

    async duplicate(from, to) {
      const res = await api['profiles.duplicate']({ from, to });
      if (res.ok) change([res.value]);
      return res;
    },

    async remove(name) {
      const res = await api['profiles.delete']({ name });
      if (res.ok) change([], [res.value.deleted]);
      return res;
    },

    applyChange: change,

    async update(name, patch) {
      const res = await api['profiles.update']({ name, patch });
      if (res.ok) change([res.value], res.value.name === name ? [] : [name]);
      return res;
    },
  };
});

/**
 * Follows `profiles.changed`. An event that carries the profile (or the name deleted) is applied
 * to the map as is, without listing; one without (another process, a run, an extraction) lists
 * them, once per burst: events that arrive while a list is under way cause one more, not one each.
 * Returns the unsubscribe.
 */
export function startProfilesSync(): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  const reload = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await useProfilesStore.getState().load();
      } while (again && !stopped);
    } finally {
      running = false;
    }
  };
  const unsubscribe = subscribe('profiles.changed', (e) => {
    if (e?.profile || e?.deleted)
      useProfilesStore.getState().applyChange(e.profile ? [e.profile] : [], e.deleted ? [e.deleted] : []);
    else void reload();
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

/** The active profile object, or undefined before load. */
export function useActiveProfile(): Profile | undefined {
  return useProfilesStore((s) => s.profiles[s.active]);
}

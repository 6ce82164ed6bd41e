import { create } from 'zustand';
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

  const reloadAfter = async <T>(result: Result<T>, preferActive?: string): Promise<Result<T>> => {
    if (result.ok) {
      const list = await api['profiles.list']({});
      if (list.ok) apply(list.value, preferActive);
    }
    return result;
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
      return reloadAfter(res, res.ok ? res.value.name : undefined);
    },

    async rename(from, to) {
      const wasActive = get().active === from;
      const res = await api['profiles.rename']({ from, to });
      return reloadAfter(res, wasActive && res.ok ? res.value.name : undefined);
    },

    async duplicate(from, to) {
      const res = await api['profiles.duplicate']({ from, to });
      return reloadAfter(res);
    },

    async remove(name) {
      const res = await api['profiles.delete']({ name });
      return reloadAfter(res);
    },

    async update(name, patch) {
      const res = await api['profiles.update']({ name, patch });
      if (res.ok) set((s) => ({ profiles: { ...s.profiles, [name]: res.value } }));
      return res;
    },
  };
});

/** Reloads profiles whenever the core says they changed. Returns the unsubscribe. */
export function startProfilesSync(): () => void {
  return subscribe('profiles.changed', () => {
    void useProfilesStore.getState().load();
  });
}

/** The active profile object, or undefined before load. */
export function useActiveProfile(): Profile | undefined {
  return useProfilesStore((s) => s.profiles[s.active]);
}

import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../../main/shared/settings';
import type { Result, TandemError } from '../../../../main/shared/types';
import { api, subscribe } from '../../api';
import { applyTheme } from './theme';

export interface SettingsState {
  settings: Settings;
  loaded: boolean;
  error: TandemError | null;
  /** The browser a login starts while `browserPath` is empty, as the core detects it (undefined: not asked yet). */
  defaultBrowser: string | null | undefined;
  /** Reads settings from the core and applies the theme. */
  load(): Promise<void>;
  /** Saves a patch through the core; on success the store (and the theme) follow the saved settings. */
  update(patch: SettingsPatch): Promise<Result<Settings>>;
  /** Asks the core which browser a login starts by default (once). */
  loadDefaultBrowser(): Promise<void>;
}

/**
 * Counts reads and saves: a read's answer is dropped when another read started after it or a save
 * landed meanwhile (an older read landing late would put back settings from before the save).
 */
let generation = 0;

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  error: null,
  defaultBrowser: undefined,
  async load() {
    const mine = ++generation;
    const res = await api['settings.get']({});
    if (mine !== generation) return;
    if (!res.ok) {
      set({ error: res.error, loaded: true });
      applyTheme(useSettingsStore.getState().settings.theme);
      return;
    }
    set({ settings: res.value, loaded: true, error: null });
    applyTheme(res.value.theme);
  },
  async update(patch) {
    const res = await api['settings.update']({ patch });
    if (res.ok) {
      ++generation;
      set({ settings: res.value, error: null });
      applyTheme(res.value.theme);
    }
    return res;
  },
  async loadDefaultBrowser() {
    if (get().defaultBrowser !== undefined) return;
    const res = await api['browser.default']({});
    set({ defaultBrowser: res.ok ? res.value.path : null });
  },
}));

/** Follows `settings.changed` (another window, the CLI, a hand edit): reads the settings again. Returns the unsubscribe. */
export function startSettingsSync(): () => void {
  return subscribe('settings.changed', () => void useSettingsStore.getState().load());
}

import { create } from 'zustand';
import { DEFAULT_JAR_MODE, describeExtracted, type JarMode } from '../../../../main/shared/sessions';
import { api } from '../../api';

/**
 * Sessions in the UI: the run-jar choice (matrix and compare each keep their own) and the state
 * of "Log in again" per profile. The logic lives in the core (`profiles.login`, run jars).
 */
export type LoginState =
  | { state: 'running' }
  | { state: 'ok'; message: string }
  | { state: 'error'; message: string };

export interface SessionsState {
  jars: { matrix: JarMode; compare: JarMode };
  setJars(where: 'matrix' | 'compare', mode: JarMode): void;
  /** Re-login and retry once when a session expires during a matrix run (each profile's recipe allowing). */
  relogin: boolean;
  setRelogin(on: boolean): void;
  /** profile → what the last "Log in again" did. */
  login: Record<string, LoginState>;
  /** Runs the profile's login recipe against its own jar. Never throws. */
  logInAgain(profile: string): Promise<void>;
  dismissLogin(profile: string): void;
  /** The profile whose login recipe is being edited, or null. */
  recipeFor: string | null;
  editRecipe(profile: string | null): void;
}

export const useSessionsStore = create<SessionsState>()((set) => ({
  jars: { matrix: DEFAULT_JAR_MODE, compare: DEFAULT_JAR_MODE },
  setJars(where, mode) {
    set((s) => ({ jars: { ...s.jars, [where]: mode } }));
  },
  relogin: true,
  setRelogin(on) {
    set({ relogin: on });
  },
  login: {},
  recipeFor: null,
  editRecipe(profile) {
    set({ recipeFor: profile });
  },
  async logInAgain(profile) {
    set((s) => ({ login: { ...s.login, [profile]: { state: 'running' } } }));
    const res = await api['profiles.login']({ profile });
    const next: LoginState = res.ok
      ? {
          state: 'ok',
          message: [
            `${profile} logged in (${res.value.status} ${res.value.statusText})`.replace(' )', ')'),
            ...res.value.extracted.filter((e) => e.value !== null).map((e) => describeExtracted(e)),
          ].join(' · '),
        }
      : { state: 'error', message: `${profile}: ${res.error.message}` };
    set((s) => ({ login: { ...s.login, [profile]: next } }));
  },
  dismissLogin(profile) {
    set((s) => {
      const login = { ...s.login };
      delete login[profile];
      return { login };
    });
  },
}));

import { create } from 'zustand';
import type { CookieImportResult } from '../../../../main/shared/cookieImport';
import type { CookieInput, CookieKey, CookieView, Result, TandemError } from '../../../../main/shared/types';
import { api } from '../../api';
import { coalesce } from './coalesce';
import { cookieId } from './model';

export interface CookiesState {
  /** Whose jar is loaded. */
  profile: string | null;
  byId: Record<string, CookieView>;
  /** Jar order (domain, path, name). */
  ids: string[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: TandemError | null;
  /** Loads a profile's jar; a slower answer for a profile no longer shown is dropped. */
  load(profile: string): Promise<void>;
  /** Reloads after a `cookies.changed` event; a burst of events costs at most two loads. */
  refresh(profile: string): Promise<void>;
  /** Adds or replaces a cookie; when `replaces` names another identity, that cookie is removed after. */
  save(profile: string, input: CookieInput, replaces?: CookieKey | null): Promise<Result<CookieView>>;
  remove(profile: string, key: CookieKey): Promise<Result<{ deleted: boolean }>>;
  clear(profile: string, domain?: string): Promise<Result<{ removed: number }>>;
  /** Imports a file; with `skipInvalid` the valid lines go in and the rejected ones come back. */
  importText(
    profile: string,
    format: 'netscape' | 'json',
    text: string,
    skipInvalid?: boolean,
  ): Promise<Result<CookieImportResult>>;
}

/** Loads are numbered; an answer older than one already shown, or for another profile, is dropped. */
let loadSeq = 0;
let shownSeq = 0;

export const useCookiesStore = create<CookiesState>()((set, get) => ({
  refresh: coalesce((profile) => get().load(profile)),
  profile: null,
  byId: {},
  ids: [],
  status: 'idle',
  error: null,
  async load(profile) {
    const seq = ++loadSeq;
    const switching = get().profile !== profile;
    set(switching ? { profile, status: 'loading', byId: {}, ids: [], error: null } : { profile });
    const res = await api['cookies.list']({ profile });
    if (seq < shownSeq || get().profile !== profile) return;
    shownSeq = seq;
    if (!res.ok) {
      set({ status: 'error', error: res.error });
      return;
    }
    const byId: Record<string, CookieView> = {};
    const ids: string[] = [];
    for (const c of res.value) {
      const id = cookieId(c);
      byId[id] = c;
      ids.push(id);
    }
    set({ byId, ids, status: 'ready', error: null });
  },
  async save(profile, input, replaces) {
    const res = await api['cookies.set']({ profile, cookie: input });
    if (res.ok && replaces && cookieId(replaces) !== cookieId(res.value)) {
      await api['cookies.delete']({ profile, key: replaces });
    }
    if (res.ok) await get().load(profile);
    return res;
  },
  async remove(profile, key) {
    const res = await api['cookies.delete']({ profile, key });
    if (res.ok) await get().load(profile);
    return res;
  },
  async clear(profile, domain) {
    const res = await api['cookies.clear']({ profile, ...(domain ? { domain } : {}) });
    if (res.ok) await get().load(profile);
    return res;
  },
  async importText(profile, format, text, skipInvalid = false) {
    const res = await api['cookies.import']({ profile, format, text, skipInvalid });
    if (res.ok) await get().load(profile);
    return res;
  },
}));

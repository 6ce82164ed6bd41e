import { create } from 'zustand';
import type { Check } from '../../../../main/shared/checks';
import { extractRuleError, normalizeRules } from '../../../../main/shared/extractRules';
import { renameOf } from '../../../../main/shared/profileRename';
import type { ExtractRule } from '../../../../main/shared/sessions';
import type { RequestSpec } from '../../../../main/shared/types';
import type { EditorPane, WorkbenchLayout } from '../../../../main/shared/workbench';
import { api, subscribe } from '../../api';
import {
  type CompareSlot,
  emptyRequest,
  isUntouched,
  makeTab,
  moveItem,
  newId,
  type RequestOrigin,
  renameProfileIn,
  type SendOutcome,
  type Tab,
} from './tabs';

export type { InFlight, RequestOrigin, SendOutcome, Tab } from './tabs';
export { emptyRequest } from './tabs';

/**
 * The request tabs. Each tab holds its own draft, its last response per profile and its own
 * comparison. `draft`, `origin`, `revision`, `inFlight` and `responses` mirror the active tab,
 * so editors read `s.draft` without knowing about tabs. View state only: sending, saving and
 * keeping the tabs in the workspace are core channels.
 */
export interface RequestState {
  tabs: Record<string, Tab>;
  /** Tab ids, left to right. */
  order: string[];
  activeId: string;
  /** Sidebar width, request/response split: kept with the tabs. */
  layout: WorkbenchLayout;
  /** The saved tabs have been read from the workspace (nothing is saved before that). */
  hydrated: boolean;

  // mirrors of the active tab
  draft: RequestSpec;
  origin: RequestOrigin | null;
  revision: number;
  inFlight: Tab['inFlight'];
  responses: Tab['responses'];

  /** Opens a request in a tab: the tab already showing that saved request, else a new one. */
  openRequest(
    spec: RequestSpec,
    origin?: RequestOrigin | null,
    opts?: {
      title?: string;
      baseline?: RequestSpec | null;
      /** A response to show for a profile (a history entry's). */
      response?: { profile: string; outcome: SendOutcome };
      lastSent?: Tab['lastSent'];
    },
  ): string;
  newTab(): string;
  activate(id: string): void;
  /** Closes a tab without asking (the UI asks first when it is unsaved). */
  close(id: string): void;
  moveTab(id: string, toIndex: number): void;
  setDraft(patch: Partial<RequestSpec>): void;
  setPane(pane: EditorPane): void;
  /** Edits the active tab's extraction rules; `saved` is what the saved request holds (the first edit records it). */
  setExtract(rules: ExtractRule[], saved: ExtractRule[]): void;
  /** Edits the active tab's checks; `saved` is what the saved request holds (the first edit records it). */
  setChecks(rows: Check[], saved: Check[]): void;
  /** The active tab's draft was saved as `origin`: it becomes the baseline. */
  markSaved(origin: RequestOrigin, saved?: RequestSpec, tabId?: string): void;
  /** A saved request was renamed or deleted elsewhere: tabs showing it follow. */
  followOrigin(requestId: string, origin: RequestOrigin | null): void;
  setLayout(patch: Partial<WorkbenchLayout>): void;
  updateTab(id: string, change: (t: Tab) => Partial<Tab>): void;
  setCompare(id: string, patch: Partial<CompareSlot>): void;
  /** Sends the active tab's draft as the profile. Never throws; the outcome lands in that tab. */
  send(profile: string): Promise<SendOutcome | null>;
  /** Cancels the active tab's send as the profile (the core also handles a cancel that arrives first). */
  cancel(profile: string, tabId?: string): Promise<void>;
  /** A profile was renamed: every tab's last response as `from` is `to`'s. */
  renameProfile(from: string, to: string): void;
  /** Back to one empty tab (tests, or a workspace with no saved tabs). */
  reset(): void;
}

type Core = Pick<RequestState, 'tabs' | 'order' | 'activeId'>;

/** The mirrored fields for a tabs state. */
export function mirror(
  s: Core,
): Pick<RequestState, 'draft' | 'origin' | 'revision' | 'inFlight' | 'responses'> {
  const t = s.tabs[s.activeId];
  return {
    draft: t?.draft ?? emptyRequest(),
    origin: t?.origin ?? null,
    revision: t?.revision ?? 0,
    inFlight: t?.inFlight ?? {},
    responses: t?.responses ?? {},
  };
}

function initial(): Core & ReturnType<typeof mirror> {
  const tab = makeTab(emptyRequest());
  const core = { tabs: { [tab.id]: tab }, order: [tab.id], activeId: tab.id };
  return { ...core, ...mirror(core) };
}

export const useRequestStore = create<RequestState>()((set, get) => {
  /** Applies a change to the tabs and recomputes the mirrors. */
  const commit = (change: (s: RequestState) => Partial<Core> | null) =>
    set((s) => {
      const patch = change(s);
      if (!patch) return s;
      const next = { ...s, ...patch };
      return { ...patch, ...mirror(next) };
    });
  const patchTab = (id: string, change: (t: Tab) => Partial<Tab>) =>
    commit((s) => {
      const t = s.tabs[id];
      return t ? { tabs: { ...s.tabs, [id]: { ...t, ...change(t) } } } : null;
    });

  return {
    ...initial(),
    layout: {},
    hydrated: false,

    openRequest(spec, origin = null, opts = {}) {
      const existing = origin
        ? get().order.find((id) => get().tabs[id]?.origin?.requestId === origin.requestId)
        : undefined;
      if (existing) {
        get().activate(existing);
        return existing;
      }
      const tab = makeTab(spec, { origin, title: opts.title, baseline: opts.baseline });
      if (opts.response) tab.responses[opts.response.profile] = opts.response.outcome;
      if (opts.lastSent) tab.lastSent = opts.lastSent;
      commit((s) => {
        // An untouched empty tab is replaced rather than kept beside the new one.
        const current = s.tabs[s.activeId];
        const replace = current && isUntouched(current) ? current.id : null;
        const tabs = { ...s.tabs, [tab.id]: tab };
        let order = [...s.order];
        const at = order.indexOf(s.activeId);
        if (replace) {
          delete tabs[replace];
          order[at] = tab.id;
        } else order.splice(at + 1, 0, tab.id);
        order = order.filter((id) => tabs[id]);
        return { tabs, order, activeId: tab.id };
      });
      return tab.id;
    },

    newTab() {
      const tab = makeTab(emptyRequest());
      commit((s) => {
        const order = [...s.order];
        order.splice(order.indexOf(s.activeId) + 1, 0, tab.id);
        return { tabs: { ...s.tabs, [tab.id]: tab }, order, activeId: tab.id };
      });
      return tab.id;
    },

    activate(id) {
      commit((s) => (s.tabs[id] && s.activeId !== id ? { activeId: id } : null));
    },

    close(id) {
      const t = get().tabs[id];
      if (!t) return;
      for (const profile of Object.keys(t.inFlight)) void get().cancel(profile, id);
      commit((s) => {
        const { [id]: _gone, ...tabs } = s.tabs;
        const at = s.order.indexOf(id);
        let order = s.order.filter((x) => x !== id);
        let activeId = s.activeId;
        if (!order.length) {
          const fresh = makeTab(emptyRequest());
          tabs[fresh.id] = fresh;
          order = [fresh.id];
        }
        if (activeId === id) activeId = order[Math.min(at, order.length - 1)];
        return { tabs, order, activeId };
      });
    },

    moveTab(id, toIndex) {
      commit((s) => {
        const from = s.order.indexOf(id);
        return from < 0 ? null : { order: moveItem(s.order, from, toIndex) };
      });
    },

    setDraft(patch) {
      patchTab(get().activeId, (t) => ({ draft: { ...t.draft, ...patch } }));
    },

    setPane(pane) {
      patchTab(get().activeId, () => ({ pane }));
    },

    setExtract(rules, saved) {
      patchTab(get().activeId, (t) => ({ extract: { rules, saved: t.extract?.saved ?? saved } }));
    },

    setChecks(rows, saved) {
      patchTab(get().activeId, (t) => ({ checks: { rows, saved: t.checks?.saved ?? saved } }));
    },

    markSaved(origin, saved, tabId = get().activeId) {
      patchTab(tabId, (t) => ({
        origin,
        baseline: structuredClone(saved ?? t.draft),
        title: undefined,
        // The rules just saved are the saved ones now.
        ...(t.extract ? { extract: { rules: t.extract.rules, saved: t.extract.rules } } : {}),
        ...(t.checks ? { checks: { rows: t.checks.rows, saved: t.checks.rows } } : {}),
      }));
    },

    followOrigin(requestId, origin) {
      commit((s) => {
        let tabs = s.tabs;
        for (const id of s.order) {
          const t = tabs[id];
          if (t.origin?.requestId !== requestId) continue;
          const next: Tab = origin
            ? { ...t, origin }
            : { ...t, origin: null, baseline: null, title: t.origin.name };
          tabs = { ...tabs, [id]: next };
        }
        return tabs === s.tabs ? null : { tabs };
      });
    },

    setLayout(patch) {
      set((s) => ({ layout: { ...s.layout, ...patch } }));
    },

    updateTab: patchTab,

    setCompare(id, patch) {
      patchTab(id, (t) => ({ compare: { ...t.compare, ...patch } }));
    },

    async send(profile) {
      const tabId = get().activeId;
      const tab = get().tabs[tabId];
      if (!profile || !tab || tab.inFlight[profile]) return null;
      const sendId = newId('send');
      const request = tab.draft;
      // A new send shows its own response at once, not a comparison run earlier.
      patchTab(tabId, (t) => ({
        inFlight: { ...t.inFlight, [profile]: { sendId, startedAt: Date.now(), progress: null } },
        compare: { ...t.compare, open: false },
      }));
      // A saved request's extraction rules apply (the core finds them by its id).
      const saved = tab.origin ? { requestId: tab.origin.requestId } : {};
      // Rules being edited apply as shown (the valid ones), saved or not.
      const edited = tab.extract
        ? { extract: normalizeRules(tab.extract.rules.filter((r) => extractRuleError(r) === null)) }
        : {};
      const res = await api['request.send']({ profile, request, sendId, ...saved, ...edited });
      const outcome: SendOutcome = res.ok
        ? { kind: 'response', response: res.value }
        : { kind: 'error', error: res.error, at: new Date().toISOString() };
      patchTab(tabId, (t) => {
        const { [profile]: _done, ...inFlight } = t.inFlight;
        const lastSent = res.ok
          ? { ...t.lastSent, [profile]: { historyId: res.value.id, at: res.value.startedAt } }
          : t.lastSent;
        return { inFlight, responses: { ...t.responses, [profile]: outcome }, lastSent };
      });
      return get().tabs[tabId] ? outcome : null;
    },

    async cancel(profile, tabId = get().activeId) {
      const f = get().tabs[tabId]?.inFlight[profile];
      if (f) await api['request.cancel']({ sendId: f.sendId });
    },

    renameProfile(from, to) {
      commit((s) => {
        let tabs: Record<string, Tab> | null = null;
        for (const id of s.order) {
          const moved = renameProfileIn(s.tabs[id], from, to);
          if (moved) tabs = { ...(tabs ?? s.tabs), [id]: { ...s.tabs[id], ...moved } };
        }
        return tabs ? { tabs } : null;
      });
    },

    reset() {
      set({ ...initial(), layout: {}, hydrated: false });
    },
  };
});

/** The active tab. */
export function useActiveTab(): Tab {
  return useRequestStore((s) => s.tabs[s.activeId]);
}

/**
 * Follows `request.progress` events for sends under way, and renamed profiles (`profiles.changed`
 * with the profile and the name it had): tabs keep their responses. Returns the unsubscribe.
 */
export function startRequestSync(): () => void {
  const offRename = subscribe('profiles.changed', (e) => {
    const renamed = renameOf(e);
    if (renamed) useRequestStore.getState().renameProfile(renamed.from, renamed.to);
  });
  const offProgress = subscribe('request.progress', (p) => {
    const s = useRequestStore.getState();
    for (const id of s.order) {
      const t = s.tabs[id];
      const entry = Object.entries(t.inFlight).find(([, f]) => f.sendId === p.sendId);
      if (!entry) continue;
      const [profile, f] = entry;
      s.updateTab(id, (tab) => ({
        inFlight: {
          ...tab.inFlight,
          [profile]: { ...f, progress: { hop: p.hop, url: p.url, status: p.status } },
        },
      }));
      return;
    }
  });
  return () => {
    offRename();
    offProgress();
  };
}

import { create } from 'zustand';
import { checkProblem } from '../../../main/shared/checks';
import { firstRuleError, normalizeRules } from '../../../main/shared/extractRules';
import type { Result, SavedRequest } from '../../../main/shared/types';
import { api } from '../api';
import { useCollectionsStore } from '../features/collections/store';
import type { PersistStatus } from '../features/request/persist';
import { useRequestStore } from '../features/request/store';
import { isDirty } from '../features/request/tabs';

/**
 * The app frame's view state: which dialogs are open (save, close-an-unsaved-tab, shortcuts,
 * command palette) and the Save / Close actions the keyboard and the tab bar share.
 */
export interface WorkbenchUi {
  saveOpen: boolean;
  /** The tab whose close waits for "Save / Don't save / Cancel". */
  closing: string | null;
  shortcutsOpen: boolean;
  paletteOpen: boolean;
  /** The workbench's one-line notice (a save that failed, tabs that could not be kept); see WorkbenchNotice. */
  notice: WorkbenchNotice | null;
  /** Whether the workspace holds the tabs as shown (tests wait for 'saved' before reloading). */
  tabsSaved: PersistStatus;
  set(patch: Partial<Omit<WorkbenchUi, 'set'>>): void;
}

export const useWorkbenchUi = create<WorkbenchUi>()((set) => ({
  saveOpen: false,
  closing: null,
  shortcutsOpen: false,
  paletteOpen: false,
  notice: null,
  tabsSaved: 'loading',
  set: (patch) => set(patch),
}));

export interface WorkbenchNotice {
  kind: 'ok' | 'error';
  text: string;
  /** New on every say, so the same text twice is shown again. */
  id: number;
}

let noticeSeq = 0;
/** Shows a one-line notice above the editor: errors stay until dismissed, successes fade. */
export function sayNotice(kind: WorkbenchNotice['kind'], text: string): void {
  noticeSeq += 1;
  useWorkbenchUi.getState().set({ notice: { kind, text, id: noticeSeq } });
}

/**
 * Ctrl+S: a tab opened from a collection is saved in place; any other asks where to go.
 * Resolves to the saved request, or null when the dialog was opened instead (or saving failed).
 */
export async function saveTab(tabId = useRequestStore.getState().activeId): Promise<SavedRequest | null> {
  const tab = useRequestStore.getState().tabs[tabId];
  if (!tab) return null;
  const origin = tab.origin;
  const collection = origin ? useCollectionsStore.getState().byId[origin.collectionId] : undefined;
  const saved = collection?.requests.find((r) => r.id === origin?.requestId);
  if (!origin || !saved) {
    // Deleted elsewhere (another window, the CLI) and already known here: say so, then ask where.
    if (origin) {
      const where = collection ? `it is no longer in “${collection.name}”` : 'its collection was deleted';
      sayNotice('error', `Could not save “${origin.name}” in place: ${where}. Choose where to save it.`);
    }
    useRequestStore.getState().activate(tabId);
    useWorkbenchUi.getState().set({ saveOpen: true });
    return null;
  }
  const draft = tab.draft;
  // Extraction rules being edited are saved with the request; a broken one stops the save.
  const ruleError = tab.extract ? firstRuleError(tab.extract.rules) : null;
  if (ruleError) {
    // The Extract pane shows the broken rule's one-line error where it can be fixed.
    useRequestStore.getState().activate(tabId);
    useRequestStore.getState().setPane('extract');
    sayNotice('error', `Could not save “${origin.name}”: ${ruleError}`);
    return null;
  }
  // Checks being edited are saved with it too; a malformed one stops the save.
  const checkIndex = tab.checks ? tab.checks.rows.findIndex((c) => checkProblem(c)) : -1;
  if (tab.checks && checkIndex >= 0) {
    useRequestStore.getState().activate(tabId);
    useRequestStore.getState().setPane('checks');
    const problem = checkProblem(tab.checks.rows[checkIndex]);
    sayNotice('error', `Could not save “${origin.name}”: check ${checkIndex + 1}: ${problem}`);
    return null;
  }
  const extract = tab.extract ? { extract: normalizeRules(tab.extract.rules) } : {};
  const checks = tab.checks ? { checks: tab.checks.rows } : {};
  const res: Result<SavedRequest> = await api['collections.saveRequest']({
    collectionId: origin.collectionId,
    request: {
      ...saved,
      id: saved.id,
      name: saved.name,
      folder: saved.folder,
      request: draft,
      ...extract,
      ...checks,
    },
  });
  if (!res.ok) {
    sayNotice('error', `Could not save “${origin.name}”: ${res.error.message}`);
    return null;
  }
  useRequestStore.getState().markSaved({ ...origin, name: res.value.name }, draft, tabId);
  void useCollectionsStore.getState().load();
  return res.value;
}

/** Ctrl+W, ×, middle-click: closes at once, or asks first when the tab has unsaved changes. */
export function requestClose(tabId = useRequestStore.getState().activeId): void {
  const tab = useRequestStore.getState().tabs[tabId];
  if (!tab) return;
  if (isDirty(tab)) useWorkbenchUi.getState().set({ closing: tabId });
  else useRequestStore.getState().close(tabId);
}

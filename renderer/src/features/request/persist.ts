import { api } from '../../api';
import { mirror, type RequestState, useRequestStore } from './store';
import { fromWorkbench, toWorkbench } from './tabs';

/**
 * Keeps the tabs, their drafts and the layout in the workspace (`tabs.get` / `tabs.save`, stored
 * as `<dataDir>/tabs.json`). Reads them once at startup; afterwards every change is saved
 * shortly after typing pauses, and at once when the page is hidden or closed.
 */

export const SAVE_DELAY_MS = 300;

/** `saved` once the workspace holds the tabs as shown; `pending` while a save waits or runs. */
export type PersistStatus = 'loading' | 'saved' | 'pending' | 'error';

function snapshot(s: RequestState): string {
  return JSON.stringify(toWorkbench(s.tabs, s.order, s.activeId, s.layout));
}

/** Reads the saved tabs, then saves every change. Returns the unsubscribe. */
export function startTabsPersistence(
  onStatus: (s: PersistStatus, notice?: string) => void = () => {},
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = '';
  let saving: Promise<void> = Promise.resolve();
  let writes = 0;

  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const s = useRequestStore.getState();
    if (!s.hydrated) return;
    const text = snapshot(s);
    if (text === last) {
      if (!writes) onStatus('saved');
      return;
    }
    last = text;
    writes++;
    saving = saving.then(async () => {
      const res = await api['tabs.save']({ state: JSON.parse(text) });
      writes--;
      if (last === text)
        onStatus(
          res.ok ? 'saved' : 'error',
          res.ok ? undefined : `Open tabs and drafts could not be kept: ${res.error.message}`,
        );
    });
  };

  onStatus('loading');
  void api['tabs.get']({}).then((res) => {
    if (stopped) return;
    const saved = res.ok ? res.value : null;
    const s = useRequestStore.getState();
    if (saved?.tabs.length) {
      const tabs = Object.fromEntries(saved.tabs.map((t) => [t.id, fromWorkbench(t)]));
      const order = saved.tabs.map((t) => t.id);
      // Tabs opened while the saved ones were being read are kept, after them.
      for (const id of s.order) {
        const t = s.tabs[id];
        const untouched = !t.origin && !t.title && t.draft.url === '' && !Object.keys(t.responses).length;
        if (!untouched && !tabs[id]) {
          tabs[id] = t;
          order.push(id);
        }
      }
      const activeId = saved.activeId && tabs[saved.activeId] ? saved.activeId : order[0];
      useRequestStore.setState({ tabs, order, activeId, layout: saved.layout ?? {}, hydrated: true });
      useRequestStore.setState((st) => mirror(st));
    } else {
      useRequestStore.setState({ layout: saved?.layout ?? {}, hydrated: true });
    }
    last = snapshot(useRequestStore.getState());
    onStatus(
      res.ok ? 'saved' : 'error',
      res.ok ? res.value.notice : `Open tabs could not be restored: ${res.error.message}`,
    );
  });

  const unsubscribe = useRequestStore.subscribe((s, prev) => {
    if (!s.hydrated) return;
    if (
      s.tabs === prev.tabs &&
      s.order === prev.order &&
      s.activeId === prev.activeId &&
      s.layout === prev.layout
    )
      return;
    if (timer) clearTimeout(timer);
    onStatus('pending');
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  const flush = () => save();
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  return () => {
    stopped = true;
    if (timer) {
      clearTimeout(timer);
      save();
    }
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('beforeunload', flush);
  };
}

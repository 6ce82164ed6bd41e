import type { WorkbenchRead } from '../../../../main/shared/workbench';
import { api } from '../../api';
import { mirror, type RequestState, useRequestStore } from './store';
import { fromWorkbench, isUntouched, toWorkbench } from './tabs';

/**
 * Keeps the tabs, their drafts and the layout in the workspace (`tabs.get` / `tabs.save`, stored
 * as `<dataDir>/tabs.json`). Reads them once at startup; afterwards every change is saved
 * shortly after typing pauses, and at once when the page is hidden or closed.
 *
 * Nothing is saved before the saved tabs were read: when reading fails (the file cannot be read
 * for now, the app's server is gone for a moment), it is tried again, with growing pauses, and
 * until it succeeds no save can write over the tabs the workspace holds. Tabs the user opens or
 * edits meanwhile are kept, and saved beside the others once they are read.
 */

/** Pauses between attempts to read the saved tabs after a failure (the last one repeats). */
export const RETRY_MS: readonly number[] = [500, 1000, 2000, 5000];

export const SAVE_DELAY_MS = 300;

/** `saved` once the workspace holds the tabs as shown; `pending` while a save waits or runs. */
export type PersistStatus = 'loading' | 'saved' | 'pending' | 'error';

function snapshot(s: RequestState): string {
  return JSON.stringify(toWorkbench(s.tabs, s.order, s.activeId, s.layout));
}

/** Reads the saved tabs, then saves every change. Returns the unsubscribe. */
export function startTabsPersistence(
  onStatus: (s: PersistStatus, notice?: string) => void = () => {},
  retryMs: readonly number[] = RETRY_MS,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
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

  const read = () =>
    void api['tabs.get']({}).then((res) => {
      retry = null;
      if (stopped) return;
      if (!res.ok) {
        // Not read: nothing is saved (it would replace the saved tabs); try again a little later.
        if (failures === 0)
          onStatus(
            'error',
            `Open tabs could not be restored: ${res.error.message}. Trying again; nothing is saved over them meanwhile.`,
          );
        retry = setTimeout(read, retryMs[Math.min(failures, retryMs.length - 1)]);
        failures++;
        return;
      }
      hydrate(res.value);
    });

  const hydrate = (saved: WorkbenchRead) => {
    const s = useRequestStore.getState();
    // Tabs the user opened or typed in while the saved ones were being read (or could not be).
    const used = s.order.filter((id) => !isUntouched(s.tabs[id]));
    if (saved.tabs.length) {
      const tabs = Object.fromEntries(saved.tabs.map((t) => [t.id, fromWorkbench(t)]));
      const order = saved.tabs.map((t) => t.id);
      // They are kept, after the saved ones.
      for (const id of used) {
        if (!tabs[id]) {
          tabs[id] = s.tabs[id];
          order.push(id);
        }
      }
      const activeId = saved.activeId && tabs[saved.activeId] ? saved.activeId : order[0];
      useRequestStore.setState({ tabs, order, activeId, layout: saved.layout ?? {}, hydrated: true });
      useRequestStore.setState((st) => mirror(st));
    } else {
      useRequestStore.setState({ layout: saved.layout ?? {}, hydrated: true });
    }
    last = snapshot(useRequestStore.getState());
    onStatus('saved', saved.notice);
    // ...and saved now, beside the others.
    if (used.length > 0) {
      last = '';
      save();
    }
  };

  onStatus('loading');
  read();

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
    if (retry) clearTimeout(retry);
    if (timer) {
      clearTimeout(timer);
      save();
    }
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('beforeunload', flush);
  };
}

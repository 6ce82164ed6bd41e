import { useEffect } from 'react';
import { useProfilesStore } from '../features/profiles/store';
import { useRequestStore } from '../features/request/store';
import { shortcutFor } from './shortcuts';

/** Ctrl+1…9 switch profile, Ctrl+Enter sends as the active profile, Esc cancels its send. */
export function useAppShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { active, order, setActive } = useProfilesStore.getState();
      const req = useRequestStore.getState();
      const action = shortcutFor(e, {
        inFlight: Boolean(req.inFlight[active]),
        dialogOpen: document.querySelector('[role="dialog"], [role="alertdialog"]') !== null,
      });
      if (!action) return;
      e.preventDefault();
      if (action.type === 'switch-profile') {
        const name = order[action.index];
        if (name) setActive(name);
      } else if (action.type === 'send') {
        if (active && req.draft.url.trim() && req.draft.method) void req.send(active);
      } else {
        void req.cancel(active);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

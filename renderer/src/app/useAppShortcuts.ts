import { useEffect } from 'react';
import { useProfilesStore } from '../features/profiles/store';
import { useRequestStore } from '../features/request/store';
import { shortcutFor } from './shortcuts';
import { requestClose, saveTab, useWorkbenchUi } from './workbench';

/**
 * Ctrl+1…9 switch profile, Ctrl+Enter sends as the active profile, Esc cancels its send,
 * Ctrl+N/S/W new/save/close a tab, Ctrl+PageDown/Up move between tabs, Ctrl+/ lists them all,
 * Ctrl+K opens the command palette, Ctrl+B shows or hides the sidebar.
 */
export function useAppShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { active, order, setActive } = useProfilesStore.getState();
      const req = useRequestStore.getState();
      const ui = useWorkbenchUi.getState();
      const action = shortcutFor(e, {
        inFlight: Boolean(req.inFlight[active]),
        dialogOpen: document.querySelector('[role="dialog"], [role="alertdialog"]') !== null,
      });
      if (!action) return;
      e.preventDefault();
      switch (action.type) {
        case 'switch-profile': {
          const name = order[action.index];
          if (name) setActive(name);
          return;
        }
        case 'send':
          if (active && req.draft.url.trim() && req.draft.method) void req.send(active);
          return;
        case 'cancel':
          void req.cancel(active);
          return;
        case 'new-tab':
          req.newTab();
          return;
        case 'save':
          void saveTab();
          return;
        case 'close-tab':
          requestClose();
          return;
        case 'next-tab': {
          const at = req.order.indexOf(req.activeId);
          req.activate(req.order[(at + action.step + req.order.length) % req.order.length]);
          return;
        }
        case 'shortcuts':
          ui.set({ shortcutsOpen: true });
          return;
        case 'palette':
          ui.set({ paletteOpen: !ui.paletteOpen });
          return;
        case 'toggle-sidebar':
          req.setLayout({ sidebarCollapsed: !req.layout.sidebarCollapsed });
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

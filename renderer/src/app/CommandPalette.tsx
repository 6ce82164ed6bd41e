import { Command } from 'cmdk';
import { useMemo } from 'react';
import { useCollectionsStore } from '../features/collections/store';
import { useProfilesStore } from '../features/profiles/store';
import { useRequestStore } from '../features/request/store';
import { tabTitle } from '../features/request/tabs';
import { methodClass } from '../features/request/UrlBar';
import { useWorkbenchUi } from './workbench';
import './palette.css';

/** Ctrl+K: open a saved request or a tab, switch profile, run the access matrix, open settings. */
export function CommandPalette({
  onOpenSettings,
  onRunMatrix,
}: {
  onOpenSettings(): void;
  onRunMatrix(): void;
}) {
  const open = useWorkbenchUi((s) => s.paletteOpen);
  const setUi = useWorkbenchUi((s) => s.set);
  const byId = useCollectionsStore((s) => s.byId);
  const ids = useCollectionsStore((s) => s.ids);
  const profiles = useProfilesStore((s) => s.order);
  const tabs = useRequestStore((s) => s.tabs);
  const order = useRequestStore((s) => s.order);
  const requests = useMemo(
    () =>
      ids.flatMap((cid) => {
        const c = byId[cid];
        return c ? c.requests.map((r) => ({ c, r })) : [];
      }),
    [ids, byId],
  );
  const close = () => setUi({ paletteOpen: false });
  const run = (f: () => void) => () => {
    close();
    f();
  };

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(o) => setUi({ paletteOpen: o })}
      label="Command palette"
      className="palette"
      overlayClassName="palette-overlay"
      contentClassName="palette-content"
    >
      <Command.Input className="palette-input" placeholder="Open a request, switch profile, run…" />
      <Command.List className="palette-list">
        <Command.Empty className="palette-empty">Nothing matches.</Command.Empty>
        <Command.Group heading="Requests" className="palette-group">
          {requests.map(({ c, r }) => (
            <Command.Item
              key={`${c.id}:${r.id}`}
              value={`request ${c.name} ${r.folder} ${r.name} ${r.request.method} ${r.id}`}
              className="palette-item"
              onSelect={run(() =>
                useRequestStore
                  .getState()
                  .openRequest(r.request, { collectionId: c.id, requestId: r.id, name: r.name }),
              )}
            >
              <span className={`palette-method ${methodClass(r.request.method)}`}>{r.request.method}</span>
              <span className="palette-label">{r.name}</span>
              <span className="palette-hint">{[c.name, r.folder].filter(Boolean).join(' / ')}</span>
            </Command.Item>
          ))}
        </Command.Group>
        {order.length > 1 && (
          <Command.Group heading="Open tabs" className="palette-group">
            {order.map((id) => (
              <Command.Item
                key={id}
                value={`tab ${tabTitle(tabs[id])} ${id}`}
                className="palette-item"
                onSelect={run(() => useRequestStore.getState().activate(id))}
              >
                <span className="palette-label">{tabTitle(tabs[id])}</span>
                <span className="palette-hint">tab</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
        <Command.Group heading="Profiles" className="palette-group">
          {profiles.map((name, i) => (
            <Command.Item
              key={name}
              value={`profile switch to ${name}`}
              className="palette-item"
              onSelect={run(() => useProfilesStore.getState().setActive(name))}
            >
              <span className="palette-label">Switch to {name}</span>
              {i < 9 && <span className="palette-hint">Ctrl+{i + 1}</span>}
            </Command.Item>
          ))}
        </Command.Group>
        <Command.Group heading="Actions" className="palette-group">
          <Command.Item
            className="palette-item"
            value="new request tab"
            onSelect={run(() => useRequestStore.getState().newTab())}
          >
            <span className="palette-label">New request</span>
            <span className="palette-hint">Ctrl+N</span>
          </Command.Item>
          <Command.Item className="palette-item" value="run access matrix" onSelect={run(onRunMatrix)}>
            <span className="palette-label">Run the access matrix</span>
          </Command.Item>
          <Command.Item className="palette-item" value="open settings" onSelect={run(onOpenSettings)}>
            <span className="palette-label">Open settings</span>
          </Command.Item>
          <Command.Item
            className="palette-item"
            value="keyboard shortcuts"
            onSelect={run(() => setUi({ shortcutsOpen: true }))}
          >
            <span className="palette-label">Keyboard shortcuts</span>
            <span className="palette-hint">Ctrl+/</span>
          </Command.Item>
        </Command.Group>
      </Command.List>
    </Command.Dialog>
  );
}

import { Modal } from '../components/Modal';
import '../components/controls.css';
import { useRequestStore } from '../features/request/store';
import { tabTitle } from '../features/request/tabs';
import { SHORTCUTS } from './shortcuts';
import { saveTab, useWorkbenchUi } from './workbench';

/** "Save changes to “Log in”?" before an unsaved tab closes: Save, Don't save, or Cancel. */
export function CloseTabDialog() {
  const closing = useWorkbenchUi((s) => s.closing);
  const tab = useRequestStore((s) => (closing ? s.tabs[closing] : undefined));
  const done = () => useWorkbenchUi.getState().set({ closing: null });
  const title = tab ? tabTitle(tab) : '';
  return (
    <Modal
      open={Boolean(closing && tab)}
      onOpenChange={(o) => {
        if (!o) done();
      }}
      size="sm"
      title={`Save changes to “${title}”?`}
      description="This tab has changes that are not saved. Closing it without saving loses them."
      footer={
        <>
          <button type="button" className="ui-button" autoFocus onClick={done}>
            Cancel
          </button>
          <button
            type="button"
            className="ui-button ui-button-danger"
            onClick={() => {
              if (closing) useRequestStore.getState().close(closing);
              done();
            }}
          >
            Don’t save
          </button>
          <button
            type="button"
            className="ui-button ui-button-primary"
            onClick={async () => {
              if (!closing) return;
              done();
              const saved = await saveTab(closing);
              if (saved) useRequestStore.getState().close(closing);
            }}
          >
            Save
          </button>
        </>
      }
    />
  );
}

/** Ctrl+/: every keyboard shortcut, grouped. */
export function ShortcutsSheet() {
  const open = useWorkbenchUi((s) => s.shortcutsOpen);
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  return (
    <Modal
      open={open}
      onOpenChange={(o) => useWorkbenchUi.getState().set({ shortcutsOpen: o })}
      title="Keyboard shortcuts"
      description="On macOS, ⌘ works wherever Ctrl is shown."
      size="lg"
    >
      <div className="shortcuts-grid">
        {groups.map((g) => (
          <section key={g} className="shortcuts-group" aria-label={g}>
            <h3 className="shortcuts-group-title">{g}</h3>
            <dl className="shortcuts-list">
              {SHORTCUTS.filter((s) => s.group === g).map((s) => (
                <div key={s.keys} className="shortcuts-row">
                  <dt>
                    {s.keys.split(' ').map((k, i) =>
                      k === '/' || k === '…' ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: positional
                        <span key={i}> {k} </span>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: positional
                        <kbd key={i} className="shortcuts-key">
                          {k}
                        </kbd>
                      ),
                    )}
                  </dt>
                  <dd>{s.what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}

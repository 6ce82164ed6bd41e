import { type DragEvent, useState } from 'react';
import { requestClose } from '../../app/workbench';
import { useRequestStore } from './store';
import { isDirty, tabTitle } from './tabs';
import { methodClass } from './UrlBar';

const DRAG_TYPE = 'application/x-tandem-tab';

/**
 * The open requests, left to right. Click activates, × or middle-click closes (asking first when
 * unsaved), drag to reorder (or Ctrl+Shift+←/→ on a focused tab), + opens a new request.
 */
export function TabBar() {
  const order = useRequestStore((s) => s.order);
  const tabs = useRequestStore((s) => s.tabs);
  const activeId = useRequestStore((s) => s.activeId);
  const { activate, moveTab, newTab } = useRequestStore.getState();
  const [dropAt, setDropAt] = useState<number | null>(null);

  const onDrop = (e: DragEvent, index: number) => {
    const id = e.dataTransfer.getData(DRAG_TYPE);
    setDropAt(null);
    if (!id) return;
    e.preventDefault();
    const from = order.indexOf(id);
    moveTab(id, from < index ? index - 1 : index);
  };

  return (
    <div className="tabbar">
      <div className="tabbar-tabs" role="tablist" aria-label="Open requests">
        {order.map((id, index) => {
          const t = tabs[id];
          if (!t) return null;
          const title = tabTitle(t);
          const dirty = isDirty(t);
          const active = id === activeId;
          return (
            <div
              key={id}
              role="tab"
              tabIndex={active ? 0 : -1}
              aria-selected={active}
              aria-label={`${t.draft.method} ${title}${dirty ? ', unsaved changes' : ''}`}
              title={`${t.draft.method} ${t.draft.url || title}${dirty ? ' (unsaved)' : ''}`}
              className={`tabbar-tab${active ? ' is-active' : ''}${dropAt === index ? ' is-drop' : ''}`}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                const rect = e.currentTarget.getBoundingClientRect();
                setDropAt(e.clientX > rect.left + rect.width / 2 ? index + 1 : index);
              }}
              onDragLeave={() => setDropAt(null)}
              onDrop={(e) => onDrop(e, dropAt ?? index)}
              onClick={() => activate(id)}
              onMouseDown={(e) => {
                if (e.button === 1) e.preventDefault(); // no autoscroll on middle-click
              }}
              onAuxClick={(e) => {
                if (e.button === 1) {
                  e.preventDefault();
                  requestClose(id);
                }
              }}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  const step = e.key === 'ArrowRight' ? 1 : -1;
                  e.preventDefault();
                  if (e.ctrlKey && e.shiftKey) moveTab(id, index + step);
                  else {
                    const next = order[(index + step + order.length) % order.length];
                    activate(next);
                    requestAnimationFrame(() =>
                      document.querySelector<HTMLElement>('.tabbar-tab.is-active')?.focus(),
                    );
                  }
                }
              }}
            >
              <span className={`tabbar-method ${methodClass(t.draft.method)}`}>{t.draft.method}</span>{' '}
              <span className="tabbar-title">{title}</span>
              {dirty ? (
                <span
                  className="tabbar-dirty"
                  role="img"
                  aria-label="Unsaved changes"
                  title="Unsaved changes"
                />
              ) : null}
              {/* Not a button: a control nested in a tab is unreachable for assistive tech (axe
                  nested-interactive). Keyboard users close with Ctrl+W; the tab's title says so. */}
              <span
                className="tabbar-close"
                aria-hidden="true"
                title={`Close ${title} (Ctrl+W)`}
                onClick={(e) => {
                  e.stopPropagation();
                  requestClose(id);
                }}
              >
                ×
              </span>
            </div>
          );
        })}
      </div>
      <button
        type="button"
        className="tabbar-new"
        aria-label="New request"
        title="New request (Ctrl+N)"
        onClick={() => newTab()}
      >
        +
      </button>
    </div>
  );
}

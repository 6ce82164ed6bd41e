import * as Tabs from '@radix-ui/react-tabs';
import { useRef } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { CollectionsPanel } from '../features/collections/CollectionsPanel';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { useRequestStore } from '../features/request/store';
import { clampSidebar } from './shortcuts';

export const DEFAULT_SIDEBAR = 280;

/** The sidebar's width as the app body's grid uses it (0 when collapsed). */
export function useSidebarWidth(): number {
  const layout = useRequestStore((s) => s.layout);
  return layout.sidebarCollapsed ? 0 : clampSidebar(layout.sidebarWidth ?? DEFAULT_SIDEBAR);
}

/** Collections and history, with "New request" on top; resizable by its right edge, collapsible (Ctrl+B). */
export function Sidebar() {
  const width = useSidebarWidth();
  const setLayout = useRequestStore((s) => s.setLayout);
  const box = useRef<HTMLElement>(null);
  if (width === 0) {
    return (
      <div className="app-sidebar-rail">
        <button
          type="button"
          className="ui-button app-rail-button"
          aria-label="Show sidebar"
          title="Show the sidebar (Ctrl+B)"
          onClick={() => setLayout({ sidebarCollapsed: false })}
        >
          <span aria-hidden="true">»</span>
        </button>
      </div>
    );
  }
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const left = box.current?.getBoundingClientRect().left ?? 0;
    e.currentTarget.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => setLayout({ sidebarWidth: clampSidebar(ev.clientX - left) });
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <aside className="app-sidebar" aria-label="Collections and history" ref={box}>
      <div className="app-sidebar-head">
        <button
          type="button"
          className="ui-button ui-button-primary app-new-request"
          title="New request (Ctrl+N)"
          onClick={() => useRequestStore.getState().newTab()}
        >
          + New request
        </button>
        <button
          type="button"
          className="ui-button app-rail-button"
          aria-label="Hide sidebar"
          title="Hide the sidebar (Ctrl+B)"
          onClick={() => setLayout({ sidebarCollapsed: true })}
        >
          <span aria-hidden="true">«</span>
        </button>
      </div>
      <Tabs.Root className="app-side-tabs" defaultValue="collections">
        <Tabs.List className="ui-tabs-list" aria-label="Sidebar">
          <Tabs.Trigger className="ui-tab" value="collections">
            Collections
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="history">
            History
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content className="app-side-content" value="collections">
          <ErrorBoundary area="collections">
            <CollectionsPanel />
          </ErrorBoundary>
        </Tabs.Content>
        <Tabs.Content className="app-side-content" value="history">
          <ErrorBoundary area="history">
            <HistoryPanel />
          </ErrorBoundary>
        </Tabs.Content>
      </Tabs.Root>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable splitter is the ARIA pattern; <hr> cannot take focus */}
      <div
        className="app-sidebar-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize sidebar"
        aria-valuenow={width}
        aria-valuemin={180}
        aria-valuemax={640}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onDoubleClick={() => setLayout({ sidebarWidth: DEFAULT_SIDEBAR })}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') setLayout({ sidebarWidth: clampSidebar(width - 20) });
          else if (e.key === 'ArrowRight') setLayout({ sidebarWidth: clampSidebar(width + 20) });
        }}
      />
    </aside>
  );
}

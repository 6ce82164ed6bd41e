import { type ReactNode, useRef } from 'react';
import { useRequestStore } from '../features/request/store';
import { clampSplit } from './shortcuts';

/** Where the split starts: the request editor gets about a third; the response the rest. */
export const DEFAULT_SPLIT = 0.34;

/**
 * Request above, response below, with a draggable (and keyboard-movable) divider. Enter or a
 * double-click on the divider folds the request editor down to its URL bar, and back. The
 * position is kept with the tabs in the workspace.
 */
export function SplitPane({ top, bottom }: { top: ReactNode; bottom: ReactNode }) {
  const layout = useRequestStore((s) => s.layout);
  const setLayout = useRequestStore((s) => s.setLayout);
  const fraction = clampSplit(layout.split ?? DEFAULT_SPLIT);
  const folded = layout.splitCollapsed === 'request';
  const box = useRef<HTMLDivElement>(null);
  const save = (f: number) => setLayout({ split: clampSplit(f), splitCollapsed: null });
  const toggle = () => setLayout({ splitCollapsed: folded ? null : 'request' });
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!el || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const rect = el.getBoundingClientRect();
    const move = (ev: PointerEvent) => save((ev.clientY - rect.top) / Math.max(rect.height, 1));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return (
    <div
      className={`app-split${folded ? ' is-request-folded' : ''}`}
      ref={box}
      style={{ gridTemplateRows: folded ? 'auto 6px minmax(0, 1fr)' : `${fraction}fr 6px ${1 - fraction}fr` }}
    >
      <div className="app-split-pane">{top}</div>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable splitter is the ARIA pattern; <hr> cannot take focus */}
      <div
        className="app-split-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize request and response"
        title="Drag to resize · double-click or Enter folds the request editor"
        aria-valuenow={folded ? 0 : Math.round(fraction * 100)}
        aria-valuemin={0}
        aria-valuemax={80}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onDoubleClick={toggle}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp') save(fraction - 0.05);
          else if (e.key === 'ArrowDown') save(fraction + 0.05);
          else if (e.key === 'Enter') toggle();
        }}
      />
      <div className="app-split-pane">{bottom}</div>
    </div>
  );
}

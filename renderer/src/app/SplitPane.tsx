import { type ReactNode, useRef, useState } from 'react';
import { clampSplit } from './shortcuts';

/** Request above, response below, with a draggable (and keyboard-movable) divider. */
export function SplitPane({ top, bottom }: { top: ReactNode; bottom: ReactNode }) {
  const [fraction, setFraction] = useState(() =>
    clampSplit(Number(localStorage.getItem('tandem.split') ?? 0.45)),
  );
  const box = useRef<HTMLDivElement>(null);
  const save = (f: number) => {
    const v = clampSplit(f);
    setFraction(v);
    try {
      localStorage.setItem('tandem.split', String(v));
    } catch {
      /* not persisted */
    }
  };
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!el) return;
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
    <div className="app-split" ref={box} style={{ gridTemplateRows: `${fraction}fr 6px ${1 - fraction}fr` }}>
      <div className="app-split-pane">{top}</div>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable splitter is the ARIA pattern; <hr> cannot take focus */}
      <div
        className="app-split-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize request and response"
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuemin={20}
        aria-valuemax={80}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp') save(fraction - 0.05);
          else if (e.key === 'ArrowDown') save(fraction + 0.05);
        }}
      />
      <div className="app-split-pane">{bottom}</div>
    </div>
  );
}

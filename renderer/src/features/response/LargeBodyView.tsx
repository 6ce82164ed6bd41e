import { useEffect, useMemo, useRef, useState } from 'react';
import type { BodyRef } from '../../../../main/shared/bodyref';
import { bodySource } from '../../api';
import { bodyEngine } from './largeBodyEngine';
import type { FromWorker, ToWorker } from './largeBodyProtocol';
import './large-body.css';

const ROW_PX = 18;
/** Lines asked for around the visible ones, so a short scroll needs no round trip. */
const AHEAD = 80;
/** Tallest scroll range used; longer bodies scroll proportionally (browsers cap element heights). */
const MAX_PX = 8_000_000;

type BodyWorker = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
};

/** The worker; where there is none (tests in happy-dom), the same engine in the page, in slices. */
function startWorker(): BodyWorker {
  if (typeof Worker !== 'undefined')
    return new Worker(new URL('./largeBody.worker.ts', import.meta.url), { type: 'module' }) as BodyWorker;
  let stopped = false;
  const w: BodyWorker = {
    onmessage: null,
    postMessage: (m: ToWorker) => {
      setTimeout(() => void handle(m), 0);
    },
    terminate: () => {
      stopped = true;
    },
  };
  const handle = bodyEngine((m) => {
    if (!stopped) w.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  });
  return w;
}

export interface LargeBodySource {
  /** The body beside the envelope (web mode), read by the worker. */
  bodyRef?: BodyRef;
  /** Or the text itself (Electron's IPC carries it whole), handed to the worker once. */
  text?: string;
}

/**
 * A large body: read, laid out (pretty JSON or plain lines) and kept in a worker; the page shows
 * only the visible lines, asks the worker for them, and never holds the whole text.
 */
export function LargeBodyView({ source, mode }: { source: LargeBodySource; mode: 'pretty' | 'raw' }) {
  const [state, setState] = useState<{ count: number; done: boolean; pretty: boolean; error: string | null }>(
    { count: 0, done: false, pretty: false, error: null },
  );
  const [, setVersion] = useState(0);
  const lines = useRef(new Map<number, string>());
  const worker = useRef<BodyWorker | null>(null);
  const asked = useRef<{ from: number; to: number } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const initialMode = useRef(true);

  // One worker per body.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the mode is sent by the effect below
  useEffect(() => {
    const w = startWorker();
    worker.current = w;
    lines.current = new Map();
    asked.current = null;
    initialMode.current = true;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'progress') {
        setState({ count: m.count, done: m.done, pretty: m.pretty, error: null });
      } else if (m.type === 'lines') {
        m.lines.forEach((l, k) => {
          lines.current.set(m.from + k, l);
        });
        asked.current = null;
        setVersion((v) => v + 1);
      } else setState((s) => ({ ...s, error: m.message }));
    };
    const open: ToWorker = source.bodyRef
      ? { type: 'open', mode, ...bodySource(source.bodyRef) }
      : { type: 'open', mode, text: source.text ?? '' };
    w.postMessage(open);
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [source]);

  // Pretty ↔ Raw: the worker lays the same text out again.
  useEffect(() => {
    if (initialMode.current) {
      initialMode.current = false;
      return;
    }
    lines.current = new Map();
    asked.current = null;
    if (scroller.current) scroller.current.scrollTop = 0; // a new layout starts at its top
    setState((s) => ({ ...s, count: 0, done: false }));
    worker.current?.postMessage({ type: 'mode', mode } satisfies ToWorker);
  }, [mode]);

  // Fixed-height rows, windowed by hand: millions of lines would make a per-row layout cache
  // (and a spacer taller than browsers allow) too costly, so past MAX_PX the scroll range is
  // scaled: the scroll position picks the line, the rows are drawn in a sticky window.
  const [view, setView] = useState({ top: 0, height: 600 });
  const total = state.count * ROW_PX;
  const range = Math.min(total, MAX_PX);
  const rows = Math.ceil(view.height / ROW_PX) + 1;
  const maxFirst = Math.max(0, state.count - rows + 1);
  const scrollable = Math.max(1, range - view.height);
  const from =
    total <= MAX_PX ? Math.floor(view.top / ROW_PX) : Math.round((view.top / scrollable) * maxFirst);
  const first = Math.max(0, Math.min(from, maxFirst));
  const to = Math.min(state.count, first + rows);
  const offset = total <= MAX_PX ? view.top - first * ROW_PX : 0;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight || 600 });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(update);
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro?.disconnect();
    };
  }, []);

  // Ask for the visible lines the page does not have yet (one request at a time).
  useEffect(() => {
    if (to <= first || asked.current) return;
    let missing = false;
    for (let i = first; i < to; i++)
      if (!lines.current.has(i)) {
        missing = true;
        break;
      }
    if (!missing) return;
    const want = { from: Math.max(0, first - AHEAD), to: Math.min(state.count, to + AHEAD) };
    asked.current = want;
    worker.current?.postMessage({ type: 'lines', ...want } satisfies ToWorker);
    // Keep the page's copy small: only lines near the view.
    if (lines.current.size > 20_000)
      for (const k of lines.current.keys())
        if (k < want.from - 5000 || k > want.to + 5000) lines.current.delete(k);
  });

  const gutter = useMemo(() => `${String(Math.max(1, state.count)).length + 1}ch`, [state.count]);

  if (state.error) return <p className="ui-note response-center">{state.error}</p>;
  return (
    <div className="large-body">
      <div
        ref={scroller}
        className="large-body-scroll mono"
        role="document"
        aria-label="Response body"
        aria-busy={!state.done}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the body scrolls with the keyboard
        tabIndex={0}
      >
        <div className="large-body-window" style={{ height: view.height }}>
          <div style={{ transform: `translateY(${-offset}px)` }}>
            {Array.from({ length: Math.max(0, to - first) }, (_, k) => {
              const index = first + k;
              const text = lines.current.get(index);
              return (
                <div key={index} className="large-body-line">
                  <span className="large-body-no" style={{ width: gutter }} aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className={text === undefined ? 'large-body-text is-pending' : 'large-body-text'}>
                    {text ?? ''}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
        <div style={{ height: Math.max(0, range - view.height) }} aria-hidden="true" />
      </div>
      <div className="large-body-status ui-note">
        {state.done
          ? `${state.count.toLocaleString()} lines${state.pretty ? ', formatted' : ''}`
          : `Reading… ${state.count.toLocaleString()} lines so far`}
      </div>
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  /** Changes on every say(), so the same text twice restarts the fade. */
  id: number;
}

/** How long a notice stays, in ms: successes fade sooner than errors. */
export const NOTICE_MS = { ok: 5000, error: 10_000 } as const;

/**
 * A one-line notice that fades by itself ("Imported 3 cookies"). Render it with the
 * `ui-notice` class: the CSS fades it out over its last moments (see controls.css).
 * With `errorsStay`, errors stay until cleared (render them with `ui-notice-stay`).
 */
export function useNotice({
  errorsStay = false,
}: {
  errorsStay?: boolean;
} = {}): [Notice | null, (kind: Notice['kind'], text: string) => void, () => void] {
  const [notice, setNotice] = useState<Notice | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    if (!notice || (errorsStay && notice.kind === 'error')) return;
    const t = setTimeout(() => setNotice((n) => (n?.id === notice.id ? null : n)), NOTICE_MS[notice.kind]);
    return () => clearTimeout(t);
  }, [notice, errorsStay]);
  const say = useCallback((kind: Notice['kind'], text: string) => {
    seq.current += 1;
    setNotice({ kind, text, id: seq.current });
  }, []);
  const clear = useCallback(() => setNotice(null), []);
  return [notice, say, clear];
}

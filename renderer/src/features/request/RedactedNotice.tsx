import { Fragment } from 'react';
import {
  findRedacted,
  type RedactedSpot,
  redactionNotice,
  spotLabel,
} from '../../../../main/shared/redaction';
import type { EditorPane } from '../../../../main/shared/workbench';
import { useRequestStore } from './store';

/** The editor pane where each kind of redacted value is filled in. */
const PANE: Record<RedactedSpot['where'], EditorPane | null> = {
  url: null,
  query: 'params',
  header: 'headers',
  body: 'body',
  auth: 'auth',
  cookie: 'cookies',
  option: 'options',
};

/**
 * One line above the request's panes while the draft still holds history's `[redacted]`
 * placeholders (an entry opened from history): what was redacted, each name opening the pane
 * to fill it in. Send refuses with the same line until none is left (shared/redaction.ts).
 */
export function RedactedNotice() {
  const draft = useRequestStore((s) => s.draft);
  const setPane = useRequestStore((s) => s.setPane);
  const spots = findRedacted(draft);
  if (spots.length === 0) return null;
  const line = redactionNotice(spots);
  const head = line.slice(0, line.indexOf(': ') + 2);
  const tail = line.slice(line.indexOf(' — '));
  const seen = new Map<string, number>();
  const keyed = spots.map((s) => {
    const k = `${s.where}:${s.name}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
    return { s, key: `${k}:${seen.get(k)}`, first: seen.size === 1 && seen.get(k) === 1 };
  });
  return (
    <div className="ctl-banner request-redacted" role="note" aria-label="Redacted values" title={line}>
      <span className="request-redacted-line">
        {head}
        {keyed.map(({ s, key, first }) => {
          const pane = PANE[s.where];
          return (
            <Fragment key={key}>
              {!first && ', '}
              {pane ? (
                <button type="button" className="request-redacted-spot" onClick={() => setPane(pane)}>
                  {spotLabel(s)}
                </button>
              ) : (
                <span className="request-redacted-spot">{spotLabel(s)}</span>
              )}
            </Fragment>
          );
        })}
        {tail}
      </span>
    </div>
  );
}

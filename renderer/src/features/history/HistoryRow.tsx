import { useState } from 'react';
import { isRunEntry, type RunRecord } from '../../../../main/shared/sessions';
import type { HistoryEntry } from '../../../../main/shared/types';
import { methodClass, splitForEllipsis, splitUrl, statusTone, timeAgo } from './format';

function Path({ url }: { url: string }) {
  const { path } = splitUrl(url);
  const { head, tail } = splitForEllipsis(path);
  return (
    <span className="history-path mono">
      <span className="history-path-head">{head}</span>
      {tail && <span className="history-path-tail">{tail}</span>}
    </span>
  );
}

function Outcome({ e }: { e: Pick<HistoryEntry, 'status' | 'error'> }) {
  return (
    <span className={`history-status history-status-${statusTone(e)}`}>
      {e.error ? e.error.code : String(e.status ?? '')}
    </span>
  );
}

/** A run (matrix, collection run, compare): one row that opens to its steps. */
function RunRow({ e, run, color, now }: { e: HistoryEntry; run: RunRecord; color?: string; now: number }) {
  const [open, setOpen] = useState(false);
  const failed = run.steps.filter((s) => s.error || (s.status ?? 0) >= 400).length;
  const total = run.steps.length + run.stepsOmitted;
  return (
    <li className="history-item history-run">
      <button
        type="button"
        className="history-entry"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        title={`${run.kind} run: ${run.title} as ${run.profiles.join(', ')}`}
      >
        <span className="history-line">
          <span className="history-caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="history-method history-method-run">RUN</span>
          <span className="history-path">{run.title}</span>
          <span className="history-status">{total} requests</span>
        </span>
        <span className="history-meta">
          <span
            className="history-dot"
            aria-hidden="true"
            style={{ background: color ?? 'var(--text-faint)' }}
          />
          <span className="history-profile">{run.profiles.join(', ')}</span>
          <span className="history-name">
            {run.kind}
            {failed ? ` · ${failed} ≥ 400 or failed` : ''}
          </span>
          <time className="history-time" dateTime={e.at}>
            {timeAgo(e.at, now)}
          </time>
        </span>
      </button>
      {open && (
        <ol className="history-steps" aria-label={`Steps of ${run.title}`}>
          {run.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional
            <li key={i} className="history-step" title={s.url}>
              <span className="history-profile">{s.profile}</span>
              <span className={`history-method history-method-${methodClass(s.method)}`}>{s.method}</span>
              <span className="history-path">{s.name || splitUrl(s.url).path}</span>
              <Outcome
                e={{
                  status: s.status,
                  error: s.error ? { code: s.error.code as never, message: s.error.message } : null,
                }}
              />
            </li>
          ))}
          {run.stepsOmitted > 0 && <li className="history-step ui-note">…and {run.stepsOmitted} more</li>}
        </ol>
      )}
    </li>
  );
}

export interface HistoryRowProps {
  e: HistoryEntry;
  /** The saved request's name, when it came from a collection. */
  name?: string;
  color?: string;
  now: number;
  onOpen(): void;
  onSave(): void;
}

/** One sent request: method, full path (middle ellipsis, whole URL on hover), status; profile, name, age. */
export function HistoryRow({ e, name, color, now, onOpen, onSave }: HistoryRowProps) {
  if (isRunEntry(e)) return <RunRow e={e} run={e.run} color={color} now={now} />;
  const age = timeAgo(e.at, now);
  return (
    <li className="history-item">
      <button
        type="button"
        className="history-entry"
        onClick={onOpen}
        title={e.error ? `${e.url}\n${e.error.message}` : e.url}
      >
        {/* Named by what it shows (axe: label-content-name-mismatch); the full URL is the title. */}
        <span className="history-line">
          <span className={`history-method history-method-${methodClass(e.method)}`}>{e.method}</span>{' '}
          <Path url={e.url} /> <Outcome e={e} />
        </span>{' '}
        <span className="history-meta">
          <span
            className="history-dot"
            aria-hidden="true"
            style={{ background: color ?? 'var(--text-faint)' }}
          />
          <span className="history-profile">{e.profile}</span>{' '}
          {name && <span className="history-name">{name}</span>}{' '}
          <time className="history-time" dateTime={e.at}>
            {age}
          </time>
        </span>
      </button>
      <button
        type="button"
        className="ui-icon-button history-save"
        aria-label={`Save ${e.method} ${splitUrl(e.url).path} to a collection`}
        title="Save to collection"
        onClick={onSave}
      >
        <span aria-hidden="true">＋</span>
      </button>
    </li>
  );
}

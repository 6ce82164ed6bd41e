import { useEffect, useId, useMemo, useState } from 'react';
import type { HistoryEntry } from '../../../../main/shared/types';
import { subscribe } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import '../../components/controls.css';
import { useProfilesStore } from '../profiles/store';
import { useRequestStore } from '../request/store';
import { methodClass, splitUrl, statusTone, timeAgo, visibleEntries } from './format';
import { useHistoryStore } from './store';
import './history.css';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

function Entry({
  e,
  color,
  now,
  onOpen,
}: {
  e: HistoryEntry;
  color: string | undefined;
  now: number;
  onOpen(): void;
}) {
  const { origin, path } = splitUrl(e.url);
  const tone = statusTone(e);
  const outcome = e.error ? e.error.code : String(e.status ?? '');
  return (
    <li className="history-item">
      <button
        type="button"
        className="history-entry"
        onClick={onOpen}
        title={e.error ? e.error.message : e.url}
      >
        {/* Named by its visible text (profile, method, path, status, origin, age), which axe checks. */}
        <span className="history-who">
          <span
            className="history-dot"
            aria-hidden="true"
            style={{ background: color ?? 'var(--text-faint)' }}
          />
          <span className="history-profile">{e.profile}</span>
        </span>{' '}
        <span className={`history-method history-method-${methodClass(e.method)}`}>{e.method}</span>{' '}
        <span className="history-path">{path}</span>{' '}
        <span className={`history-status history-status-${tone}`}>{outcome}</span>{' '}
        <span className="history-origin">{origin}</span>{' '}
        <time className="history-time" dateTime={e.at}>
          {timeAgo(e.at, now)}
        </time>
      </button>
    </li>
  );
}

/** Every request sent, by every profile, newest first. Clicking one opens it as its profile. */
export function HistoryPanel() {
  const { byId, ids, status, error, load, refresh, clear } = useHistoryStore();
  const profiles = useProfilesStore((s) => s.profiles);
  const order = useProfilesStore((s) => s.order);
  const setActive = useProfilesStore((s) => s.setActive);
  const openRequest = useRequestStore((s) => s.openRequest);
  const [filter, setFilter] = useState<string>('');
  const [confirm, setConfirm] = useState(false);
  const now = useNow(30_000);
  const filterId = useId();

  useEffect(() => {
    void load();
    return subscribe('history.changed', () => void refresh());
  }, [load, refresh]);

  const entries = useMemo(() => ids.map((id) => byId[id]).filter(Boolean), [ids, byId]);
  const shown = useMemo(() => visibleEntries(entries, filter || null), [entries, filter]);
  const names = useMemo(() => {
    const fromHistory = entries.map((e) => e.profile);
    return [...new Set([...order, ...fromHistory])];
  }, [order, entries]);

  const open = (e: HistoryEntry) => {
    openRequest(e.request, null, { title: `${e.method} ${splitUrl(e.url).path}`, baseline: e.request });
    if (profiles[e.profile]) setActive(e.profile);
  };

  return (
    <section className="history-panel" aria-label="History">
      <div className="history-toolbar">
        <label htmlFor={filterId} className="history-label">
          Profile
        </label>
        <select
          id={filterId}
          className="ctl-select history-filter"
          value={filter}
          onChange={(ev) => setFilter(ev.target.value)}
        >
          <option value="">All</option>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <span className="history-spacer" />
        <button
          type="button"
          className="ui-button ui-button-ghost"
          disabled={shown.length === 0}
          onClick={() => setConfirm(true)}
        >
          Clear history
        </button>
      </div>

      {status === 'error' && error ? (
        <div className="ctl-banner ctl-banner-error" role="alert">
          <span>Could not read history: {error.message}</span>
          <button type="button" className="ui-button" onClick={() => void load()}>
            Retry
          </button>
        </div>
      ) : status === 'idle' || status === 'loading' ? (
        <div className="ctl-empty" aria-busy="true">
          Loading history…
        </div>
      ) : shown.length === 0 ? (
        <div className="ctl-empty">
          <strong>{filter ? `${filter} has sent nothing yet` : 'No requests yet'}</strong>
          <span>Every request you send, as any profile, shows up here.</span>
        </div>
      ) : (
        <ul className="history-list" aria-label="History entries">
          {shown.map((e) => (
            <Entry key={e.id} e={e} color={profiles[e.profile]?.color} now={now} onOpen={() => open(e)} />
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={filter ? `Clear ${filter}'s history?` : 'Clear all history?'}
        message={
          filter
            ? `This removes every request ${filter} sent from the history.`
            : 'This removes every request, of every profile, from the history.'
        }
        confirmLabel="Clear history"
        onConfirm={async () => {
          await clear(filter || undefined);
        }}
      />
    </section>
  );
}

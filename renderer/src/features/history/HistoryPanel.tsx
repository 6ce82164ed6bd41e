import { useEffect, useId, useMemo, useState } from 'react';
import { countOf } from '../../../../main/shared/text';
import type { HistoryEntry } from '../../../../main/shared/types';
import { useNow } from '../../app/useNow';
import { useWorkbenchUi } from '../../app/workbench';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import '../../components/controls.css';
import { useCollectionsStore } from '../collections/store';
import { useProfilesStore } from '../profiles/store';
import { groupByDay, matchesSearch, visibleEntries } from './format';
import { HistoryRow } from './HistoryRow';
import { openHistoryEntry } from './open';
import { startHistorySync, useHistoryStore } from './store';
import './history.css';

/** requestId → saved request name, for the rows. */
function useSavedNames(): Map<string, string> {
  const byId = useCollectionsStore((s) => s.byId);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const c of Object.values(byId)) for (const r of c.requests) names.set(r.id, r.name);
    return names;
  }, [byId]);
}

/**
 * Every request sent, by every profile, newest first and grouped by day. Search over URL, saved
 * name and status; filter by profile. Opening an entry shows its request and its stored response.
 */
export function HistoryPanel() {
  const { byId, ids, status, error, load, clear } = useHistoryStore();
  const profiles = useProfilesStore((s) => s.profiles);
  const order = useProfilesStore((s) => s.order);
  const [filter, setFilter] = useState<string>('');
  const [query, setQuery] = useState('');
  const [confirm, setConfirm] = useState(false);
  const now = useNow(15_000);
  const filterId = useId();
  const names = useSavedNames();

  useEffect(() => {
    void load();
    if (useCollectionsStore.getState().status === 'idle') void useCollectionsStore.getState().load();
    return startHistorySync();
  }, [load]);

  const entries = useMemo(() => ids.map((id) => byId[id]).filter(Boolean), [ids, byId]);
  const shown = useMemo(
    () =>
      visibleEntries(entries, filter || null).filter((e) =>
        matchesSearch(e, e.requestId ? names.get(e.requestId) : e.run?.title, query),
      ),
    [entries, filter, query, names],
  );
  const groups = useMemo(() => groupByDay(shown, now), [shown, now]);
  const profileNames = useMemo(
    () => [...new Set([...order, ...entries.map((e) => e.profile)])],
    [order, entries],
  );

  const saveToCollection = (e: HistoryEntry) => {
    openHistoryEntry(e);
    useWorkbenchUi.getState().set({ saveOpen: true });
  };

  return (
    <section className="history-panel" aria-label="History">
      <div className="history-toolbar">
        <input
          className="ctl-input history-search"
          type="search"
          aria-label="Search history"
          placeholder="Search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label htmlFor={filterId} className="ui-sr-only">
          Profile
        </label>
        <select
          id={filterId}
          className="ctl-select history-filter"
          value={filter}
          title="Only this profile's requests"
          onChange={(ev) => setFilter(ev.target.value)}
        >
          <option value="">All profiles</option>
          {profileNames.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
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
          <strong>
            {query
              ? `Nothing matches “${query}”`
              : filter
                ? `${filter} has sent nothing yet`
                : 'No requests yet'}
          </strong>
          <span>Every request you send, as any profile, shows up here.</span>
        </div>
      ) : (
        <div className="history-scroll">
          {groups.map((g) => (
            <section key={g.day} className="history-day" aria-label={g.day}>
              <h3 className="history-day-title">{g.day}</h3>
              <ul className="history-list" aria-label="History entries">
                {g.entries.map((e) => (
                  <HistoryRow
                    key={e.id}
                    e={e}
                    name={e.requestId ? names.get(e.requestId) : undefined}
                    color={profiles[e.profile]?.color}
                    now={now}
                    onOpen={() => openHistoryEntry(e)}
                    onSave={() => saveToCollection(e)}
                  />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      <div className="history-footer">
        <span className="history-count">
          {shown.length === entries.length
            ? countOf(entries.length, 'request')
            : `${shown.length} of ${entries.length}`}
        </span>
        <button
          type="button"
          className="ui-button ui-button-ghost"
          disabled={shown.length === 0}
          onClick={() => setConfirm(true)}
        >
          Clear history
        </button>
      </div>

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

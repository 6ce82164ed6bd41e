import { useState } from 'react';
import { type Check, checkProblem } from '../../../../main/shared/checks';
import { api } from '../../api';
import { useCollectionsStore } from '../collections/store';
import { useRequestStore } from '../request/store';
import { CheckFields, NEW_CHECK } from './CheckFields';
import { useSavedChecks } from './useSavedChecks';
import './checks.css';

/**
 * The "Checks" pane: what a response of this saved request must look like (status, header,
 * JSON path, body, time). Judged in the response viewer and by `tandem run`; saved with
 * "Save checks" (they belong to the saved request, not to the draft).
 */
export function ChecksEditor() {
  const origin = useRequestStore((s) => s.origin);
  const saved = useSavedChecks();
  // Checks being edited live in the tab's draft (kept in tabs.json with it, so a restart loses nothing).
  const tabId = useRequestStore((s) => s.activeId);
  const rows = useRequestStore((s) => s.tabs[s.activeId]?.checks?.rows) ?? saved;
  const setChecks = useRequestStore((s) => s.setChecks);
  const setRows = (next: Check[]) => setChecks(next, saved);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!origin)
    return (
      <div className="request-pane-stack">
        <p className="ui-note">Save the request to a collection to give it checks.</p>
      </div>
    );

  const dirty = JSON.stringify(rows) !== JSON.stringify(saved);
  const problems = rows.map((r) => checkProblem(r));
  const set = (i: number, patch: Partial<Check>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    setBusy(true);
    const res = await api['collections.setChecks']({
      collectionId: origin.collectionId,
      requestId: origin.requestId,
      checks: rows,
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    useRequestStore.getState().updateTab(tabId, () => ({ checks: { rows, saved: rows } }));
    await useCollectionsStore.getState().load();
  };

  return (
    <div className="request-pane-stack checks-editor">
      <p className="ui-note">
        Each response is judged against these; <code>tandem run</code> exits 1 when one fails.
      </p>
      {rows.length > 0 && (
        <table className="kv-table checks-table" aria-label="Checks">
          <thead>
            <tr>
              <th>Check</th>
              <th>Target</th>
              <th>Operator</th>
              <th>Expected</th>
              <th className="kv-remove-col">
                <span className="ui-sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => {
              const n = i + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <tr key={i} className={problems[i] ? 'checks-bad' : ''} title={problems[i] ?? undefined}>
                  <CheckFields
                    check={c}
                    n={n}
                    invalid={!!problems[i]}
                    onChange={(next) => set(i, next)}
                    cell={(field, node) => <td key={field}>{node}</td>}
                  />
                  <td className="kv-remove-col">
                    <button
                      type="button"
                      className="ui-button ui-button-ghost"
                      aria-label={`Remove check ${n}`}
                      onClick={() => setRows(rows.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="checks-actions">
        <button type="button" className="ui-button" onClick={() => setRows([...rows, NEW_CHECK])}>
          Add check
        </button>
        <button
          type="button"
          className="ui-button ui-button-primary"
          disabled={!dirty || busy || problems.some(Boolean)}
          onClick={save}
        >
          Save checks
        </button>
        {problems.find(Boolean) && <span className="checks-problem">{problems.find(Boolean)}</span>}
        {error && (
          <span className="checks-problem" role="alert">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}

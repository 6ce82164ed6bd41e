import { useState } from 'react';
import {
  CHECK_OPS,
  CHECK_TARGET,
  type Check,
  type CheckKind,
  type CheckOp,
  checkKindSchema,
  checkProblem,
} from '../../../../main/shared/checks';
import { api } from '../../api';
import { useCollectionsStore } from '../collections/store';
import { useRequestStore } from '../request/store';
import { useSavedChecks } from './useSavedChecks';
import './checks.css';

const KIND_LABELS: Record<CheckKind, string> = {
  status: 'Status',
  header: 'Header',
  json: 'JSON path',
  body: 'Body',
  time: 'Time (ms)',
};
const OP_LABELS: Record<CheckOp, string> = {
  equals: 'equals',
  range: 'in range',
  contains: 'contains',
  exists: 'exists',
  matches: 'matches',
  below: 'below',
};
const PLACEHOLDER: Record<CheckKind, string> = {
  status: '200 or 2xx',
  header: 'value',
  json: 'value or pattern',
  body: 'text',
  time: '500',
};

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
                  <td>
                    <select
                      className="kv-input"
                      aria-label={`Check kind ${n}`}
                      value={c.kind}
                      onChange={(e) => {
                        const kind = e.target.value as CheckKind;
                        set(i, { kind, op: CHECK_OPS[kind][0], target: CHECK_TARGET[kind] ? c.target : '' });
                      }}
                    >
                      {checkKindSchema.options.map((k) => (
                        <option key={k} value={k}>
                          {KIND_LABELS[k]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {CHECK_TARGET[c.kind] ? (
                      <input
                        className="kv-input mono"
                        aria-label={`Check target ${n}`}
                        placeholder={CHECK_TARGET[c.kind]}
                        spellCheck={false}
                        value={c.target}
                        onChange={(e) => set(i, { target: e.target.value })}
                      />
                    ) : (
                      <span className="checks-na">—</span>
                    )}
                  </td>
                  <td>
                    <select
                      className="kv-input"
                      aria-label={`Check operator ${n}`}
                      value={c.op}
                      onChange={(e) => set(i, { op: e.target.value as CheckOp })}
                    >
                      {CHECK_OPS[c.kind].map((o) => (
                        <option key={o} value={o}>
                          {OP_LABELS[o]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {c.op === 'exists' ? (
                      <span className="checks-na">—</span>
                    ) : (
                      <input
                        className="kv-input mono"
                        aria-label={`Check value ${n}`}
                        placeholder={PLACEHOLDER[c.kind]}
                        spellCheck={false}
                        value={c.value}
                        aria-invalid={problems[i] ? true : undefined}
                        onChange={(e) => set(i, { value: e.target.value })}
                      />
                    )}
                  </td>
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
        <button
          type="button"
          className="ui-button"
          onClick={() => setRows([...rows, { kind: 'status', op: 'equals', target: '', value: '200' }])}
        >
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

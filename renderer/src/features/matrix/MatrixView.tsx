import { useEffect, useMemo } from 'react';
import { cellKey, describeExpectation, type MatrixRequest, matrixRows } from '../../../../main/shared/matrix';
import type { Collection, Expectation, MatrixCell } from '../../../../main/shared/types';
import { useProfilesStore } from '../profiles/store';
import { StatusPill } from '../response/Details';
import { formatBytes, formatMs } from '../response/format';
import { JarModePicker } from '../sessions/JarModePicker';
import { ExpectMenu } from './ExpectMenu';
import { MatrixFiles } from './MatrixFiles';
import { markOf, markSaid, markText, tally } from './model';
import { useMatrixStore } from './store';
import './matrix.css';

function rowsOf(c: Collection | undefined, folder: string): MatrixRequest[] {
  if (!c) return [];
  try {
    return matrixRows(c, folder || undefined);
  } catch {
    return [];
  }
}

function Chip({ name, color }: { name: string; color?: string }) {
  return (
    <span className="matrix-profile">
      <span className="matrix-chip" style={{ background: color }} aria-hidden="true" />
      {name}
    </span>
  );
}

function Cell({
  request,
  profile,
  cell,
  expected,
  running,
}: {
  request: MatrixRequest;
  profile: string;
  cell: MatrixCell | undefined;
  expected: Expectation | undefined;
  running: boolean;
}) {
  const key = cellKey(request.id, profile);
  const selected = useMatrixStore((s) => s.selected === key);
  const mark = markOf(cell, expected);
  const shown = cell ? (cell.status ?? cell.error?.code ?? 'error') : running ? '…' : '—';
  const verdict = cell?.verdict ?? 'pending';
  return (
    <td
      className={`matrix-cell is-${verdict}${mark === 'fail' ? ' is-unexpected' : ''}${selected ? ' is-selected' : ''}`}
    >
      <button
        type="button"
        className="matrix-cell-main"
        disabled={!cell}
        aria-pressed={selected}
        aria-label={`${request.name} as ${profile}: ${cell ? `${shown} ${verdict}` : 'not run'}${markSaid(mark)}`}
        onClick={() => useMatrixStore.getState().select(selected ? null : key)}
      >
        <span className="matrix-status">{shown}</span>
        {cell && ' '}
        {cell && <span className="matrix-verdict">{verdict}</span>}
        {mark && (
          <span
            className={`matrix-pass is-${mark}`}
            title={mark === 'stale' ? 'Run again to judge this check' : undefined}
            aria-hidden="true"
          >
            {markText(mark)}
          </span>
        )}
      </button>
      <ExpectMenu requestId={request.id} requestName={request.name} profile={profile} expected={expected} />
    </td>
  );
}

function CellDetail({ rows }: { rows: MatrixRequest[] }) {
  const selected = useMatrixStore((s) => s.selected);
  const cell = useMatrixStore((s) => (s.selected ? s.cells[s.selected] : undefined));
  if (!selected || !cell) return null;
  const [requestId, profile] = selected.split('|');
  const row = rows.find((r) => r.id === requestId);
  return (
    <section className="matrix-detail" aria-label="Cell response">
      <header className="matrix-detail-head">
        <strong>{row?.name}</strong> as <strong>{profile}</strong>
        {cell.status !== null && <StatusPill status={cell.status} statusText={cell.detail?.statusText} />}
        <span className="ui-note">{formatMs(cell.ms)}</span>
        {cell.detail && <span className="ui-note">{formatBytes(cell.detail.size)}</span>}
        <button
          type="button"
          className="ui-button matrix-detail-close"
          onClick={() => useMatrixStore.getState().select(null)}
        >
          Close
        </button>
      </header>
      <p className="mono matrix-detail-url">
        {row?.request.method} {row?.request.url}
      </p>
      {cell.expected !== undefined && (
        <p className="ui-note">
          Expected {describeExpectation(cell.expected)}
          {cell.actual !== undefined && ` · found ${cell.actual}`}
          {cell.pass !== undefined && (cell.pass ? ' · as expected' : ' · not as expected')}
        </p>
      )}
      {cell.error && (
        <p className="ui-error-line">
          <code>{cell.error.code}</code> {cell.error.message}
        </p>
      )}
      {cell.detail && (
        <>
          <p className="ui-note">
            Cookies set: {cell.detail.cookiesSet.length ? cell.detail.cookiesSet.join(', ') : 'none'}
          </p>
          <pre className="matrix-detail-body mono">{cell.detail.bodyPreview || '(empty body)'}</pre>
        </>
      )}
    </section>
  );
}

/** Requests × profiles: who is allowed, who is denied, checked against what the user expects. */
export function MatrixView() {
  const profiles = useProfilesStore((s) => s.profiles);
  const order = useProfilesStore((s) => s.order);
  const st = useMatrixStore();
  const collection = st.collections.find((c) => c.id === st.collectionId);
  const rows = useMemo(() => rowsOf(collection, st.folder), [collection, st.folder]);
  const running = st.runId !== null;

  useEffect(() => {
    void useMatrixStore.getState().load();
  }, []);
  useEffect(() => {
    const s = useMatrixStore.getState();
    if (s.profiles.length === 0 && order.length) s.setProfiles(order.filter((n) => n !== 'default'));
  }, [order]);

  const chosen = st.profiles.filter((p) => order.includes(p));
  const keys = rows.flatMap((r) =>
    chosen.map((p) => ({ key: cellKey(r.id, p), expected: st.expect[r.id]?.[p] })),
  );
  const t = tally(keys, st.cells);

  if (!st.loaded) return <p className="ui-note matrix-state">Loading collections…</p>;
  if (st.loadError)
    return (
      <p className="ui-error-line matrix-state" role="alert">
        Collections could not be loaded: {st.loadError}
      </p>
    );
  if (st.collections.length === 0)
    return (
      <div className="matrix-state">
        <p className="response-state-title">No collections yet</p>
        <p className="ui-note">Save requests to a collection, then run them here as every profile.</p>
      </div>
    );

  return (
    <section className="matrix-view" aria-label="Access matrix">
      <MatrixFiles />
      <div className="matrix-controls">
        <label className="matrix-field">
          <span>Collection</span>
          <select
            className="ui-select"
            value={st.collectionId}
            disabled={running}
            onChange={(e) => st.setCollection(e.target.value)}
          >
            {st.collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="matrix-field">
          <span>Folder</span>
          <select
            className="ui-select"
            value={st.folder}
            disabled={running}
            onChange={(e) => st.setFolder(e.target.value)}
          >
            <option value="">All requests</option>
            {(collection?.folders ?? []).map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="matrix-profiles" disabled={running}>
          <legend>Profiles</legend>
          {order.map((name) => {
            const on = chosen.includes(name);
            return (
              <button
                key={name}
                type="button"
                className={`matrix-profile-toggle${on ? ' is-on' : ''}`}
                style={{ '--chip': profiles[name]?.color } as React.CSSProperties}
                aria-pressed={on}
                onClick={() => st.toggleProfile(name, order)}
              >
                <span className="matrix-chip" aria-hidden="true" />
                {name}
                {on && (
                  <span className="matrix-on" aria-hidden="true">
                    ✓
                  </span>
                )}
              </button>
            );
          })}
        </fieldset>
        <JarModePicker where="matrix" disabled={running} />
        <div className="matrix-actions">
          {running ? (
            <button type="button" className="ui-button" onClick={() => void st.cancel()}>
              Cancel
            </button>
          ) : (
            <button
              type="button"
              className="ui-button ui-button-primary"
              disabled={rows.length === 0 || chosen.length === 0}
              onClick={() => void st.run()}
            >
              Run matrix
            </button>
          )}
        </div>
      </div>
      <p className="matrix-summary" role="status" aria-live="polite">
        {running ? `Running… ${t.done} of ${t.total} cells` : t.done ? `${t.done} of ${t.total} cells` : ''}
        {t.done > 0 && ` · ${t.allow} allowed · ${t.deny} denied · ${t.error} errors`}
        {t.passed + t.failed > 0 && ` · ${t.passed} as expected · ${t.failed} not`}
        {st.cancelled && ' · cancelled'}
        {!running &&
          t.done === 0 &&
          'Choose profiles and press Run matrix. Use a cell’s “expect” to set what it should be: allow, deny, a status or a check.'}
      </p>
      {st.error && (
        <p className="ui-error-line" role="alert">
          <code>{st.error.code}</code> {st.error.message}
        </p>
      )}
      <div className="matrix-body">
        <div className="matrix-scroll">
          {rows.length === 0 ? (
            <p className="ui-note matrix-state">This collection has no requests here.</p>
          ) : (
            <table className="matrix-table">
              <caption className="ui-sr-only">{collection?.name}: requests by profile</caption>
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  {chosen.map((p) => (
                    <th key={p} scope="col">
                      <Chip name={p} color={profiles[p]?.color} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" className="matrix-row-head">
                      <span className="matrix-row-name">{r.name}</span>
                      <span className="matrix-row-url mono">
                        {r.request.method} {r.request.url}
                      </span>
                    </th>
                    {chosen.map((p) => (
                      <Cell
                        key={p}
                        request={r}
                        profile={p}
                        cell={st.cells[cellKey(r.id, p)]}
                        expected={st.expect[r.id]?.[p]}
                        running={running}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <CellDetail rows={rows} />
      </div>
    </section>
  );
}

import { describeDiff } from '../../../../main/shared/diff';
import type { Comparison, ComparisonResult } from '../../../../main/shared/types';
import { useProfilesStore } from '../profiles/store';
import { StatusPill } from '../response/Details';
import { formatBytes, formatMs } from '../response/format';
import { ResponseViewer } from '../response/ResponseViewer';
import { bodyLines, differingKeys } from './model';
import { useCompareStore, useTabCompare } from './store';
import './compare.css';

function ProfileHead({ name }: { name: string }) {
  const color = useProfilesStore((s) => s.profiles[name]?.color);
  return (
    <span className="compare-profile">
      <span className="compare-chip" style={{ background: color }} aria-hidden="true" />
      {name}
    </span>
  );
}

function Column({ result, keys }: { result: ComparisonResult; keys: ReadonlySet<string> }) {
  const r = result.response;
  return (
    <section className="compare-col" aria-label={`Response as ${result.profile}`}>
      <header className="compare-col-head">
        <ProfileHead name={result.profile} />
        {r ? (
          <>
            <StatusPill status={r.status} statusText={r.statusText} />
            <span className="compare-metric">{formatMs(r.timings.total)}</span>
            <span className="compare-metric">{formatBytes(r.size)}</span>
          </>
        ) : (
          <span className="ui-badge ui-badge-danger">{result.error?.code ?? 'ERROR'}</span>
        )}
      </header>
      {r ? (
        <>
          <div className="compare-cookies">
            <span className="compare-label">Cookies set</span>
            {r.cookiesSet.length === 0 ? (
              <span className="ui-note">none</span>
            ) : (
              r.cookiesSet.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: Set-Cookie headers may repeat
                <code key={i} className={`compare-cookie compare-cookie-${c.outcome}`} title={c.raw}>
                  {c.raw.split(';')[0]}
                </code>
              ))
            )}
          </div>
          <pre className="compare-body mono">
            {r.bodyEncoding === 'base64' ? (
              <span className="ui-note">{formatBytes(r.size)} of binary</span>
            ) : (
              bodyLines(r.body, keys).map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
                <span key={i} className={l.differs ? 'compare-line is-diff' : 'compare-line'}>
                  {l.text}
                  {'\n'}
                </span>
              ))
            )}
          </pre>
        </>
      ) : (
        <p className="compare-error">{result.error?.message}</p>
      )}
    </section>
  );
}

function Summary({ cmp }: { cmp: Comparison }) {
  const { diff } = cmp;
  const profiles = cmp.results.map((r) => r.profile);
  return (
    <div className="compare-summary">
      <p className={`compare-headline${diff.sameStatus ? '' : ' is-diff'}`} role="status">
        {describeDiff(diff)}
      </p>
      {(diff.paths.length > 0 || diff.headers.length > 0) && (
        <div className="compare-diff-scroll">
          <table className="ui-table compare-diff" aria-label="Differences">
            <thead>
              <tr>
                <th scope="col">Differs at</th>
                {profiles.map((p) => (
                  <th key={p} scope="col">
                    <ProfileHead name={p} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...diff.paths, ...diff.headers.map((h) => ({ ...h, path: `header ${h.path}` }))].map((d) => (
                <tr key={d.path}>
                  <th scope="row" className="mono">
                    {d.path}
                  </th>
                  {profiles.map((p) => (
                    <td key={p} className="mono">
                      {d.values[p]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {diff.pathsTruncated && <p className="ui-note">More paths differ; the first 50 are shown.</p>}
        </div>
      )}
    </div>
  );
}

/** The response area in compare mode: a diff summary on top, one column per profile below. */
export function CompareView() {
  const { comparison: cmp, running, error } = useTabCompare();

  let content: React.ReactNode;
  if (running) {
    content = (
      <div className="response-state" role="status" aria-live="polite">
        <span className="response-spinner" aria-hidden="true" />
        <p className="response-state-title">Sending as {running.profiles.join(', ')}…</p>
        <button type="button" className="ui-button" onClick={() => void useCompareStore.getState().cancel()}>
          Cancel
        </button>
      </div>
    );
  } else if (error) {
    content = (
      <div className="response-state response-error" role="alert">
        <p className="response-state-title">The comparison failed</p>
        <p className="response-error-line">
          <code className="response-error-code">{error.code}</code> {error.message}
        </p>
      </div>
    );
  } else if (!cmp) {
    content = (
      <div className="response-state">
        <p className="response-state-title">Compare profiles side by side</p>
        <p className="ui-note">Pick profiles with ▾ next to Compare, then press Compare.</p>
      </div>
    );
  } else {
    const keys = differingKeys(cmp);
    content = (
      <>
        <Summary cmp={cmp} />
        <div
          className="compare-cols"
          style={{ gridTemplateColumns: `repeat(${cmp.results.length}, minmax(220px, 1fr))` }}
        >
          {cmp.results.map((r) => (
            <Column key={r.profile} result={r} keys={keys} />
          ))}
        </div>
      </>
    );
  }

  return (
    <section className="response-viewer compare-view" aria-label="Comparison">
      <div className="compare-bar">
        <ViewSwitch />
        {cmp && !running && (
          <span className="compare-request mono" title="The request compared">
            {cmp.request.method} {cmp.request.url}
          </span>
        )}
      </div>
      {content}
    </section>
  );
}

/** "Single | Side by side": which response area is shown. Both keep their content. */
export function ViewSwitch() {
  const { open } = useTabCompare();
  const modes = [
    { id: false, label: 'Single' },
    { id: true, label: 'Side by side' },
  ];
  return (
    <div className="response-segmented" role="radiogroup" aria-label="Response view">
      {modes.map((m) => (
        <label key={m.label} className={`response-segment${open === m.id ? ' is-active' : ''}`}>
          <input
            type="radio"
            className="ui-sr-only"
            name="response-view"
            checked={open === m.id}
            onChange={() => useCompareStore.getState().show(m.id)}
          />
          {m.label}
        </label>
      ))}
    </div>
  );
}

/** The response area: the single response, or the comparison; the switch shows once a comparison exists. */
export function ResponseArea() {
  const { open, comparison, running, error } = useTabCompare();
  const has = comparison !== null || running !== null || error !== null;
  if (open) return <CompareView />;
  if (!has) return <ResponseViewer />;
  return (
    <div className="compare-area">
      <div className="compare-bar">
        <ViewSwitch />
      </div>
      <ResponseViewer />
    </div>
  );
}

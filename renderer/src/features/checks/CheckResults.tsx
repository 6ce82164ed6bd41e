import { useMemo } from 'react';
import { judgeChecks } from '../../../../main/shared/checks';
import type { ResponseRecord } from '../../../../main/shared/types';
import { useSavedChecks } from './useSavedChecks';
import './checks.css';

/** Above a response: each of the saved request's checks, passed or failed, with what came back. */
export function CheckResults({ response }: { response: ResponseRecord }) {
  const checks = useSavedChecks();
  const results = useMemo(() => judgeChecks(checks, response), [checks, response]);
  if (results.length === 0) return null;
  const failed = results.filter((r) => !r.pass).length;
  return (
    <section className={`check-results${failed ? ' has-failed' : ''}`} aria-label="Checks">
      <p className="check-results-head">
        <strong>
          {failed ? `${failed} of ${results.length} checks failed` : `All ${results.length} checks passed`}
        </strong>
      </p>
      <ul className="check-results-list">
        {results.map((r, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: checks have no identity but their place
            key={i}
            className={`check-result ${r.pass ? 'is-pass' : 'is-fail'}`}
            data-pass={r.pass}
          >
            <span className="check-mark" aria-hidden="true">
              {r.pass ? '✓' : '✗'}
            </span>
            <span className="ui-sr-only">{r.pass ? 'Passed: ' : 'Failed: '}</span>
            <span className="check-label">{r.label}</span>
            {!r.pass && <span className="check-actual">got {r.actual}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

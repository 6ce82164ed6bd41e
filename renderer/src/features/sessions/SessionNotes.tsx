import { describeExtracted } from '../../../../main/shared/sessions';
import type { ResponseRecord } from '../../../../main/shared/types';
import './sessions.css';

/** Above a response: "re-logged in" when the session had expired, and what extraction rules took. */
export function SessionNotes({ response }: { response: ResponseRecord }) {
  const extracted = response.extracted ?? [];
  if (!response.relogged && extracted.length === 0) return null;
  return (
    <section className="session-notes" aria-label="Session">
      {response.relogged && (
        <span
          className="session-note is-relogged"
          title="The session had expired: the login recipe ran, then this request was sent again"
        >
          re-logged in
        </span>
      )}
      {extracted.map((e) => (
        <span
          key={e.name}
          className={`session-note is-extracted${e.value === null ? ' is-miss' : ''}`}
          title={e.value ?? 'The rule matched nothing; the variable was left as it was'}
        >
          {describeExtracted(e)}
        </span>
      ))}
    </section>
  );
}

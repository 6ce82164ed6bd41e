import type { PartialResponse } from '../../../../main/shared/limits';
import './partial.css';
import { countOf } from '../../../../main/shared/text';

/** The header (and the byte, as the core writes it: `\x00`) a malformed-response message names, if any. */
function culprit(message: string): { name: string; escaped: string | null } | null {
  const m = /header (\S+) contains the byte 0x([0-9a-f]{2})/i.exec(message);
  return m ? { name: m[1].toLowerCase(), escaped: `\\x${m[2].toLowerCase()}` } : null;
}

/**
 * What a broken response had shown before it broke (INVALID_RESPONSE with `partial`): the raw
 * status line and the headers as far as they were read, the offending one marked.
 */
export function PartialHead({ partial, message }: { partial: PartialResponse; message: string }) {
  const bad = culprit(message);
  const isBad = (n: string, v: string) =>
    bad !== null &&
    n.toLowerCase() === bad.name &&
    (bad.escaped === null || v.toLowerCase().includes(bad.escaped));
  return (
    <section className="partial-head" aria-label="Read before the error">
      <h3 className="partial-title">
        Read before the error
        <span className="ui-note"> · {countOf(partial.headers.length, 'header')}</span>
      </h3>
      <pre className="partial-raw mono">
        <span className="partial-status">{partial.statusLine || '(no status line)'}</span>
        {partial.headers.map(([n, v], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: headers repeat; their place is their identity
          <span key={i} className={`partial-line${isBad(n, v) ? ' is-bad' : ''}`}>
            {'\n'}
            <span className="partial-name">{n}</span>: {v}
            {isBad(n, v) ? <span className="partial-flag"> ← refused</span> : null}
          </span>
        ))}
      </pre>
    </section>
  );
}

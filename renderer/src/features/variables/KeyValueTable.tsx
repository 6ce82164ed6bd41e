import { useId, useState } from 'react';
import { blankRow, type EditRow } from './rows';

export interface KeyValueTableProps {
  /** 'variable' or 'header': used in labels ("Variable name 1"). */
  noun: string;
  rows: EditRow[];
  /** Local edits while typing. */
  onChange(rows: EditRow[]): void;
  /** Save: on leaving a field, toggling a row or removing one. */
  onCommit(rows: EditRow[]): void;
  withEnabled?: boolean;
  error: { rowId: string; message: string } | null;
  namePlaceholder: string;
  valuePlaceholder: string;
  /**
   * Secret rows (variables): a lock toggle per row; a secret's value is masked until its field is
   * clicked (focused), and masked again on leaving it.
   */
  secrets?: { names: string[]; toggle(name: string): void };
}

/** An editable name/value table; each row can be removed, header rows can be switched off. */
export function KeyValueTable(p: KeyValueTableProps) {
  const id = useId();
  const [revealed, setRevealed] = useState<string | null>(null);
  const set = (rowId: string, patch: Partial<EditRow>) =>
    p.rows.map((r) => (r.id === rowId ? { ...r, ...patch } : r));
  const noun = p.noun.charAt(0).toUpperCase() + p.noun.slice(1);
  return (
    <div className="vars-table">
      {p.rows.length === 0 ? <div className="vars-none">No {p.noun}s yet.</div> : null}
      {p.rows.map((r, i) => {
        const bad = p.error?.rowId === r.id;
        const invalid = bad ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {};
        return (
          <div key={r.id} className={`vars-row${r.enabled ? '' : ' vars-row-off'}`}>
            {p.withEnabled ? (
              <input
                type="checkbox"
                className="vars-enabled"
                aria-label={`Send ${p.noun} ${r.name || i + 1}`}
                checked={r.enabled}
                onChange={(e) => {
                  const rows = set(r.id, { enabled: e.target.checked });
                  p.onChange(rows);
                  p.onCommit(rows);
                }}
              />
            ) : null}
            <input
              className="ctl-input mono vars-name"
              aria-label={`${noun} name ${i + 1}`}
              placeholder={p.namePlaceholder}
              value={r.name}
              spellCheck={false}
              autoFocus={i === p.rows.length - 1 && !r.name && !r.value}
              onChange={(e) => p.onChange(set(r.id, { name: e.target.value }))}
              onBlur={() => p.onCommit(p.rows)}
              {...invalid}
            />
            <input
              className="ctl-input mono vars-value"
              aria-label={`${noun} value ${i + 1}`}
              placeholder={p.valuePlaceholder}
              value={r.value}
              spellCheck={false}
              type={p.secrets?.names.includes(r.name) && revealed !== r.id ? 'password' : 'text'}
              autoComplete="off"
              onFocus={() => setRevealed(r.id)}
              onChange={(e) => p.onChange(set(r.id, { value: e.target.value }))}
              onBlur={() => {
                setRevealed(null);
                p.onCommit(p.rows);
              }}
            />
            {p.secrets && r.name ? (
              <button
                type="button"
                className="ui-icon-button vars-secret"
                aria-pressed={p.secrets.names.includes(r.name)}
                aria-label={`Secret ${p.noun} ${r.name}`}
                title={
                  p.secrets.names.includes(r.name)
                    ? 'Secret: sealed on disk, masked here, kept out of history and exports. Click to make it plain.'
                    : 'Mark as secret'
                }
                onClick={() => p.secrets?.toggle(r.name)}
              >
                <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
                  <rect
                    x="3"
                    y="7"
                    width="10"
                    height="7"
                    rx="1.5"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.4"
                  />
                  <path
                    d={p.secrets.names.includes(r.name) ? 'M5 7V5a3 3 0 0 1 6 0v2' : 'M5 7V5a3 3 0 0 1 5.8-1'}
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.4"
                  />
                </svg>
              </button>
            ) : null}
            <button
              type="button"
              className="ui-icon-button"
              aria-label={`Remove ${p.noun} ${r.name || i + 1}`}
              onClick={() => {
                const rows = p.rows.filter((x) => x.id !== r.id);
                p.onChange(rows);
                p.onCommit(rows);
              }}
            >
              ×
            </button>
          </div>
        );
      })}
      {p.error ? (
        <div id={`${id}-err`} className="ctl-error" role="alert">
          {p.error.message}
        </div>
      ) : null}
      <button
        type="button"
        className="ui-button ui-button-ghost vars-add"
        onClick={() => p.onChange([...p.rows, blankRow()])}
      >
        + Add {p.noun}
      </button>
    </div>
  );
}

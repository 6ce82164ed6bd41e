import { useId } from 'react';
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
}

/** An editable name/value table; each row can be removed, header rows can be switched off. */
export function KeyValueTable(p: KeyValueTableProps) {
  const id = useId();
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
              onChange={(e) => p.onChange(set(r.id, { value: e.target.value }))}
              onBlur={() => p.onCommit(p.rows)}
            />
            <button
              type="button"
              className="ctl-btn ctl-btn-icon"
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
        className="ctl-btn ctl-btn-ghost vars-add"
        onClick={() => p.onChange([...p.rows, blankRow()])}
      >
        + Add {p.noun}
      </button>
    </div>
  );
}

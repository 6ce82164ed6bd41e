import { useId, useState } from 'react';
import type { KeyValue } from '../../../main/shared/types';
import {
  describeAll,
  describeAtCaret,
  useDescribeVariable,
  type VarDescription,
  VarHintLine,
} from './variableHint';
import './ui.css';

/** A row the table can edit: a name/value pair, optionally switched off, optionally with a stable id. */
export type KvRow = KeyValue & { id?: string };

export interface KeyValueTableProps<R extends KvRow> {
  /** Accessible name of the table, e.g. "Headers" or "Variables". */
  label: string;
  rows: R[];
  /** Every edit, as it is typed. */
  onChange(rows: R[]): void;
  /** Show an enable/disable checkbox per row. */
  toggles?: boolean;
  namePlaceholder?: string;
  valuePlaceholder?: string;
  /**
   * Saved lists (a profile's variables and headers) instead of a request draft: rows are named
   * after `noun` ("Variable name 1", "Remove variable token"), there is no trailing blank row but
   * an "+ Add <noun>" button (`newRow` makes the row), and `onCommit` saves on leaving a field,
   * switching a row or removing one.
   */
  saved?: { noun: string; newRow(): R; onCommit(rows: R[]): void };
  /** A refused row (by id, else position) and its one-line reason, shown under the table. */
  error?: { rowId: string; message: string } | null;
  /**
   * Secret rows (variables): a lock toggle per row; a secret's value is masked until its field is
   * focused, and masked again on leaving it.
   */
  secrets?: { names: string[]; toggle(name: string): void };
}

/** The head row of a kv-table: an optional "On" column, the two column titles, a "Remove" column. */
export function KvHead({
  toggles,
  name,
  value,
  extra = false,
}: {
  toggles: boolean;
  name: string;
  value: string;
  extra?: boolean;
}) {
  return (
    <thead>
      <tr>
        {toggles && (
          <th className="kv-toggle-col">
            <span className="ui-sr-only">On</span>
          </th>
        )}
        <th>{name}</th>
        <th>{value}</th>
        {extra && (
          <th className="kv-remove-col">
            <span className="ui-sr-only">Secret</span>
          </th>
        )}
        <th className="kv-remove-col">
          <span className="ui-sr-only">Remove</span>
        </th>
      </tr>
    </thead>
  );
}

const LockIcon = ({ locked }: { locked: boolean }) => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
    <rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <path
      d={locked ? 'M5 7V5a3 3 0 0 1 6 0v2' : 'M5 7V5a3 3 0 0 1 5.8-1'}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
    />
  </svg>
);

/**
 * THE editable name/value table (request params, headers, form fields; a profile's variables and
 * default headers). Draft tables end in a blank row, so typing into it adds a row and no "Add"
 * click is needed; saved lists (`saved`) add rows with a button and save on leaving a field.
 * {{variables}} in a cell are described on hover (title) and at the caret (a line below).
 */
export function KeyValueTable<R extends KvRow>({
  label,
  rows,
  onChange,
  toggles = false,
  namePlaceholder = 'Name',
  valuePlaceholder = 'Value',
  saved,
  error = null,
  secrets,
}: KeyValueTableProps<R>) {
  const id = useId();
  const describe = useDescribeVariable();
  const [atCaret, setAtCaret] = useState<VarDescription | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const lower = label.toLowerCase();
  const noun = saved?.noun;
  const Noun = noun ? noun.charAt(0).toUpperCase() + noun.slice(1) : label;
  const blankRow = { name: '', value: '' } as R;
  const all: R[] = saved ? rows : [...rows, blankRow];
  const commit = (next: R[]) => saved?.onCommit(next);
  const keyOf = (row: R, i: number) => row.id ?? String(i);
  const setRow = (i: number, patch: Partial<KeyValue>) => {
    const next = rows.slice();
    next[i] = { ...(next[i] ?? blankRow), ...patch };
    onChange(next);
    return next;
  };
  const caret = {
    onSelect: (e: { currentTarget: HTMLInputElement }) =>
      setAtCaret(describeAtCaret(describe, e.currentTarget)),
    onKeyUp: (e: { currentTarget: HTMLInputElement }) =>
      setAtCaret(describeAtCaret(describe, e.currentTarget)),
  };
  const leave = () => {
    setAtCaret(null);
    setRevealed(null);
    commit(rows);
  };

  return (
    <div className="kv">
      {saved && rows.length === 0 ? <div className="kv-none">No {noun}s yet.</div> : null}
      {all.length > 0 ? (
        <table className="kv-table" aria-label={label}>
          <KvHead
            toggles={toggles}
            name={saved ? 'Name' : namePlaceholder}
            value={saved ? 'Value' : valuePlaceholder}
            extra={Boolean(secrets)}
          />
          <tbody>
            {all.map((row, i) => {
              const blank = !saved && i === rows.length;
              const n = i + 1;
              const key = keyOf(row, i);
              const bad = error?.rowId === key;
              const invalid = bad ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {};
              const secret = Boolean(secrets && row.name && secrets.names.includes(row.name));
              const who = row.name || String(n);
              return (
                <tr
                  key={key}
                  className={`${blank ? 'kv-blank' : ''}${row.enabled === false ? ' kv-off' : ''}`}
                >
                  {toggles && (
                    <td className="kv-toggle-col">
                      {!blank && (
                        <input
                          type="checkbox"
                          aria-label={noun ? `Send ${noun} ${who}` : `Enable ${lower} row ${n}`}
                          checked={row.enabled !== false}
                          onChange={(e) => commit(setRow(i, { enabled: e.target.checked }))}
                        />
                      )}
                    </td>
                  )}
                  <td>
                    <input
                      className="kv-input mono"
                      aria-label={blank ? `New ${lower} name` : `${Noun} name ${n}`}
                      placeholder={
                        blank ? `Add ${namePlaceholder.toLowerCase()}` : saved ? namePlaceholder : ''
                      }
                      spellCheck={false}
                      autoFocus={Boolean(saved) && i === rows.length - 1 && !row.name && !row.value}
                      value={row.name}
                      title={describeAll(describe, row.name)}
                      {...caret}
                      onBlur={leave}
                      onChange={(e) => setRow(i, { name: e.target.value })}
                      {...invalid}
                    />
                  </td>
                  <td>
                    <input
                      className="kv-input mono"
                      aria-label={blank ? `New ${lower} value` : `${Noun} value ${n}`}
                      placeholder={blank || saved ? valuePlaceholder : ''}
                      spellCheck={false}
                      autoComplete="off"
                      type={secret && revealed !== key ? 'password' : 'text'}
                      value={row.value}
                      title={secret ? undefined : describeAll(describe, row.value)}
                      {...caret}
                      onFocus={() => setRevealed(key)}
                      onBlur={leave}
                      onChange={(e) => setRow(i, { value: e.target.value })}
                    />
                  </td>
                  {secrets && (
                    <td className="kv-remove-col">
                      {row.name ? (
                        <button
                          type="button"
                          className="ui-icon-button kv-secret"
                          aria-pressed={secret}
                          aria-label={`Secret ${noun ?? lower} ${row.name}`}
                          title={
                            secret
                              ? 'Secret: sealed on disk, masked here, kept out of history and exports. Click to make it plain.'
                              : 'Mark as secret'
                          }
                          onClick={() => secrets.toggle(row.name)}
                        >
                          <LockIcon locked={secret} />
                        </button>
                      ) : null}
                    </td>
                  )}
                  <td className="kv-remove-col">
                    {!blank && (
                      <button
                        type="button"
                        className="ui-icon-button"
                        aria-label={noun ? `Remove ${noun} ${who}` : `Remove ${lower} row ${n}`}
                        title="Remove"
                        onClick={() => {
                          const next = rows.filter((_, j) => j !== i);
                          onChange(next);
                          commit(next);
                        }}
                      >
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {error ? (
        <div id={`${id}-err`} className="ctl-error" role="alert">
          {error.message}
        </div>
      ) : null}
      <VarHintLine d={atCaret} />
      {saved ? (
        <button
          type="button"
          className="ui-button ui-button-ghost kv-add"
          onClick={() => onChange([...rows, saved.newRow()])}
        >
          + Add {noun}
        </button>
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import type { KeyValue } from '../../../main/shared/types';
import {
  describeAll,
  describeAtCaret,
  useDescribeVariable,
  type VarDescription,
  VarHintLine,
} from './variableHint';
import './ui.css';

export interface KeyValueTableProps {
  /** Accessible name of the table, e.g. "Headers". */
  label: string;
  rows: KeyValue[];
  onChange(rows: KeyValue[]): void;
  /** Show an enable/disable checkbox per row. */
  toggles?: boolean;
  namePlaceholder?: string;
  valuePlaceholder?: string;
}

/** The head row of a kv-table: an optional "On" column, the two column titles, a "Remove" column. */
export function KvHead({ toggles, name, value }: { toggles: boolean; name: string; value: string }) {
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
        <th className="kv-remove-col">
          <span className="ui-sr-only">Remove</span>
        </th>
      </tr>
    </thead>
  );
}

/**
 * An editable name/value table with a trailing blank row: typing into it adds a row, so the
 * table never needs an "Add" click. Rows are keyed by index so focus stays put while typing.
 */
export function KeyValueTable({
  label,
  rows,
  onChange,
  toggles = false,
  namePlaceholder = 'Name',
  valuePlaceholder = 'Value',
}: KeyValueTableProps) {
  const all = [...rows, { name: '', value: '' }];
  // {{variables}} in a cell: all of them on hover (title), the one at the caret in a line below.
  const describe = useDescribeVariable();
  const [atCaret, setAtCaret] = useState<VarDescription | null>(null);
  const caret = {
    onSelect: (e: { currentTarget: HTMLInputElement }) =>
      setAtCaret(describeAtCaret(describe, e.currentTarget)),
    onKeyUp: (e: { currentTarget: HTMLInputElement }) =>
      setAtCaret(describeAtCaret(describe, e.currentTarget)),
    onBlur: () => setAtCaret(null),
  };
  const setRow = (i: number, patch: Partial<KeyValue>) => {
    const next = rows.slice();
    next[i] = { ...(next[i] ?? { name: '', value: '' }), ...patch };
    onChange(next);
  };
  return (
    <>
      <table className="kv-table" aria-label={label}>
        <KvHead toggles={toggles} name={namePlaceholder} value={valuePlaceholder} />
        <tbody>
          {all.map((row, i) => {
            const blank = i === rows.length;
            const n = i + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
              <tr key={i} className={`${blank ? 'kv-blank' : ''}${row.enabled === false ? ' kv-off' : ''}`}>
                {toggles && (
                  <td className="kv-toggle-col">
                    {!blank && (
                      <input
                        type="checkbox"
                        aria-label={`Enable ${label.toLowerCase()} row ${n}`}
                        checked={row.enabled !== false}
                        onChange={(e) => setRow(i, { enabled: e.target.checked })}
                      />
                    )}
                  </td>
                )}
                <td>
                  <input
                    className="kv-input mono"
                    aria-label={blank ? `New ${label.toLowerCase()} name` : `${label} name ${n}`}
                    placeholder={blank ? `Add ${namePlaceholder.toLowerCase()}` : ''}
                    spellCheck={false}
                    value={row.name}
                    title={describeAll(describe, row.name)}
                    {...caret}
                    onChange={(e) => setRow(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="kv-input mono"
                    aria-label={blank ? `New ${label.toLowerCase()} value` : `${label} value ${n}`}
                    placeholder={blank ? valuePlaceholder : ''}
                    spellCheck={false}
                    value={row.value}
                    title={describeAll(describe, row.value)}
                    {...caret}
                    onChange={(e) => setRow(i, { value: e.target.value })}
                  />
                </td>
                <td className="kv-remove-col">
                  {!blank && (
                    <button
                      type="button"
                      className="ui-icon-button"
                      aria-label={`Remove ${label.toLowerCase()} row ${n}`}
                      title="Remove"
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
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
      <VarHintLine d={atCaret} />
    </>
  );
}

import type { ReactNode } from 'react';
import {
  CHECK_OPS,
  CHECK_TARGET,
  type Check,
  type CheckKind,
  type CheckOp,
  checkKindSchema,
} from '../../../../main/shared/checks';

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

/** A new check's starting point. */
export const NEW_CHECK: Check = { kind: 'status', op: 'equals', target: '', value: '200' };

/**
 * One check's four controls (kind, target, operator, expected value), each wrapped by `cell`
 * (a table cell in the Checks pane, a labelled field elsewhere). `n` numbers the accessible names
 * ("Check kind 1"); without it they read "Check kind".
 */
export function CheckFields({
  check: c,
  onChange,
  invalid,
  n,
  boxed,
  cell = (_, node) => node,
}: {
  check: Check;
  onChange(next: Check): void;
  invalid?: boolean;
  n?: number;
  /** Bordered inputs (a form) instead of the Checks table's borderless ones. */
  boxed?: boolean;
  cell?: (field: 'kind' | 'target' | 'op' | 'value', node: ReactNode) => ReactNode;
}) {
  const suffix = n === undefined ? '' : ` ${n}`;
  const input = boxed ? 'ui-input mono' : 'kv-input mono';
  const select = boxed ? 'ui-select' : 'kv-input';
  const set = (patch: Partial<Check>) => onChange({ ...c, ...patch });
  return (
    <>
      {cell(
        'kind',
        <select
          className={select}
          aria-label={`Check kind${suffix}`}
          value={c.kind}
          onChange={(e) => {
            const kind = e.target.value as CheckKind;
            set({ kind, op: CHECK_OPS[kind][0], target: CHECK_TARGET[kind] ? c.target : '' });
          }}
        >
          {checkKindSchema.options.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>,
      )}
      {cell(
        'target',
        CHECK_TARGET[c.kind] ? (
          <input
            className={input}
            aria-label={`Check target${suffix}`}
            placeholder={CHECK_TARGET[c.kind]}
            spellCheck={false}
            value={c.target}
            onChange={(e) => set({ target: e.target.value })}
          />
        ) : (
          <span className="checks-na">—</span>
        ),
      )}
      {cell(
        'op',
        <select
          className={select}
          aria-label={`Check operator${suffix}`}
          value={c.op}
          onChange={(e) => set({ op: e.target.value as CheckOp })}
        >
          {CHECK_OPS[c.kind].map((o) => (
            <option key={o} value={o}>
              {OP_LABELS[o]}
            </option>
          ))}
        </select>,
      )}
      {cell(
        'value',
        c.op === 'exists' ? (
          <span className="checks-na">—</span>
        ) : (
          <input
            className={input}
            aria-label={`Check value${suffix}`}
            placeholder={PLACEHOLDER[c.kind]}
            spellCheck={false}
            value={c.value}
            aria-invalid={invalid ? true : undefined}
            onChange={(e) => set({ value: e.target.value })}
          />
        ),
      )}
    </>
  );
}

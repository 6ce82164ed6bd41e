import * as Menu from '@radix-ui/react-dropdown-menu';
import { useId, useRef, useState } from 'react';
import { type Check, checkProblem } from '../../../../main/shared/checks';
import { describeExpectation } from '../../../../main/shared/matrix';
import type { Expectation } from '../../../../main/shared/types';
import { Modal } from '../../components/Modal';
import { CheckFields, NEW_CHECK } from '../checks/CheckFields';
import { parseStatus } from './model';
import { useMatrixStore } from './store';

type Editing = 'status' | 'check' | null;

const kindOf = (e: Expectation | undefined) =>
  e === undefined ? 'none' : typeof e === 'number' ? 'status' : typeof e === 'object' ? 'check' : e;

/**
 * A cell's expectation: the compact "expect …" under the cell opens a menu (Allow, Deny, Status
 * code…, Check…, Clear); the last two open a small dialog (a status 100–599, or one check edited
 * with the Checks pane's fields). A refusal (bad input, the core's one line) shows and changes nothing.
 */
export function ExpectMenu({
  requestId,
  requestName,
  profile,
  expected,
}: {
  requestId: string;
  requestName: string;
  profile: string;
  expected: Expectation | undefined;
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const shown = expected === undefined ? '—' : describeExpectation(expected);
  const where = `${requestName} as ${profile}`;
  const choose = async (e: Expectation | undefined) => {
    const error = await useMatrixStore.getState().setExpect(requestId, profile, e);
    if (error) useMatrixStore.setState({ fileNote: { text: error, error: true } });
  };
  const close = () => {
    setEditing(null);
    // Back to the cell's trigger, where the menu was opened from.
    setTimeout(() => trigger.current?.focus(), 0);
  };
  return (
    <>
      <Menu.Root modal={false}>
        <Menu.Trigger asChild>
          <button
            ref={trigger}
            type="button"
            className={`matrix-expect is-${kindOf(expected)}`}
            title={`Expected: ${expected === undefined ? 'nothing set' : shown}. Click to change`}
            aria-label={`expect ${expected === undefined ? 'none' : shown} for ${where}`}
          >
            <span className="matrix-expect-text">expect {shown}</span>
            <span className="matrix-expect-caret" aria-hidden="true">
              ▾
            </span>
          </button>
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="ui-menu matrix-expect-menu" align="start" sideOffset={2}>
            <Menu.Label className="ui-menu-label">Expect</Menu.Label>
            {(['allow', 'deny'] as const).map((v) => (
              <Menu.Item key={v} className="ui-menu-item" onSelect={() => void choose(v)}>
                <span className="matrix-expect-mark" aria-hidden="true">
                  {expected === v ? '●' : ''}
                </span>
                {v === 'allow' ? 'Allow' : 'Deny'}
                <span className="matrix-expect-hint">{v === 'allow' ? '2xx, 3xx' : '401, 403'}</span>
              </Menu.Item>
            ))}
            <Menu.Item className="ui-menu-item" onSelect={() => setEditing('status')}>
              <span className="matrix-expect-mark" aria-hidden="true">
                {typeof expected === 'number' ? '●' : ''}
              </span>
              Status code…
              {typeof expected === 'number' && <span className="matrix-expect-hint">{expected}</span>}
            </Menu.Item>
            <Menu.Item className="ui-menu-item" onSelect={() => setEditing('check')}>
              <span className="matrix-expect-mark" aria-hidden="true">
                {typeof expected === 'object' ? '●' : ''}
              </span>
              Check…
            </Menu.Item>
            <Menu.Separator className="ui-menu-separator" />
            <Menu.Item
              className="ui-menu-item"
              disabled={expected === undefined}
              onSelect={() => void choose(undefined)}
            >
              <span className="matrix-expect-mark" aria-hidden="true" />
              Clear
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      {editing && (
        <ExpectDialog
          kind={editing}
          where={where}
          expected={expected}
          onClose={close}
          onSet={async (e) => {
            const error = await useMatrixStore.getState().setExpect(requestId, profile, e);
            if (!error) close();
            return error;
          }}
        />
      )}
    </>
  );
}

/** The small form behind "Status code…" and "Check…". */
function ExpectDialog({
  kind,
  where,
  expected,
  onClose,
  onSet,
}: {
  kind: 'status' | 'check';
  where: string;
  expected: Expectation | undefined;
  onClose(): void;
  onSet(e: Expectation): Promise<string | null>;
}) {
  const id = useId();
  const [status, setStatus] = useState(typeof expected === 'number' ? String(expected) : '');
  const [check, setCheck] = useState<Check>(typeof expected === 'object' ? expected : NEW_CHECK);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    let next: Expectation;
    if (kind === 'status') {
      const parsed = parseStatus(status);
      if ('error' in parsed) return setError(parsed.error);
      next = parsed.status;
    } else {
      const problem = checkProblem(check);
      if (problem) return setError(problem);
      next = check;
    }
    setBusy(true);
    const refused = await onSet(next);
    setBusy(false);
    if (refused) setError(refused);
  };
  return (
    <Modal
      open
      size={kind === 'check' ? 'md' : 'sm'}
      onOpenChange={(open) => !open && onClose()}
      title={kind === 'status' ? 'Expect a status code' : 'Expect a check'}
      description={
        kind === 'status'
          ? `The exact status ${where} should get.`
          : `What the response to ${where} must show.`
      }
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={id} className="ui-button ui-button-primary" disabled={busy}>
            Set
          </button>
        </>
      }
    >
      <form
        id={id}
        className={`matrix-expect-form is-${kind}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {kind === 'status' ? (
          <label className="matrix-field">
            <span>Status code</span>
            <input
              className="ui-input mono"
              inputMode="numeric"
              placeholder="200"
              value={status}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setStatus(e.target.value);
                setError(null);
              }}
            />
          </label>
        ) : (
          <CheckFields
            check={check}
            boxed
            invalid={!!error}
            onChange={(next) => {
              setCheck(next);
              setError(null);
            }}
            cell={(field, node) => (
              // The controls name themselves ("Check kind"…); this caption is what the eye reads.
              <div key={field} className={`matrix-field matrix-check-${field}`}>
                <span aria-hidden="true">
                  {field === 'op' ? 'Operator' : field[0].toUpperCase() + field.slice(1)}
                </span>
                {node}
              </div>
            )}
          />
        )}
      </form>
      {error && (
        <p className="ui-error-line" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}

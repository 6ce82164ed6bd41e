import { useEffect, useId, useRef, useState } from 'react';
import type { Environment } from '../../../../main/shared/environments';
import { api } from '../../api';

/**
 * The environment's name made editable in place (the editor's heading): Enter or Rename saves,
 * Cancel (or Escape, handled by the dialog) leaves it; the core's refusal shows as one line below
 * and nothing changes.
 */
export function RenameEnvironment({
  name,
  onRenamed,
  onCancel,
}: {
  name: string;
  onRenamed(to: Environment): void;
  onCancel(): void;
}) {
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const submit = async () => {
    const to = value.trim();
    if (to === name) return onCancel();
    setBusy(true);
    const res = await api['environments.rename']({ from: name, to });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    onRenamed(res.value);
  };

  return (
    <form
      className="envm-rename"
      aria-label={`Rename ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        ref={input}
        className="ctl-input"
        aria-label="Environment name"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        spellCheck={false}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="ui-button ui-button-primary" disabled={busy || !value.trim()}>
        Rename
      </button>
      <button type="button" className="ui-button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p id={errorId} role="alert" className="ctl-error envm-rename-error">
          {error}
        </p>
      )}
    </form>
  );
}

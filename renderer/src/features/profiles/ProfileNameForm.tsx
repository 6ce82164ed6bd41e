import { useId, useState } from 'react';
import type { Profile, Result } from '../../../../main/shared/types';

export interface ProfileNameFormProps {
  /** Accessible name of the form, e.g. "New profile" or "Rename alice". */
  title: string;
  initial: string;
  submitLabel: string;
  onSubmit(name: string): Promise<Result<Profile>>;
  onDone(): void;
}

/** An in-place name editor: Enter saves, Esc cancels, the core's error shows as one line below. */
export function ProfileNameForm({ title, initial, submitLabel, onSubmit, onDone }: ProfileNameFormProps) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const submit = async () => {
    setBusy(true);
    const res = await onSubmit(name.trim());
    setBusy(false);
    if (res.ok) onDone();
    else setError(res.error.message);
  };

  return (
    <form
      className="profiles-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        className="profiles-form-input"
        aria-label="Profile name"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={name}
        autoFocus
        spellCheck={false}
        placeholder="name"
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onDone();
          }
        }}
      />
      <button type="submit" className="profiles-form-ok" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="profiles-form-cancel" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <p id={errorId} role="alert" className="profiles-form-error">
          {error}
        </p>
      )}
    </form>
  );
}

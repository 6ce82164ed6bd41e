import { useId, useState } from 'react';
import type { Profile, Result } from '../../../../main/shared/types';

export interface ProfileNameFormProps {
  /** Accessible name of the form, e.g. "New profile" or "Rename alice". */
  title: string;
  initial: string;
  submitLabel: string;
  onSubmit(name: string, copyVariablesFrom?: string): Promise<Result<Profile>>;
  onDone(): void;
  /**
   * New profiles: offer to start with a copy of another profile's variables (so requests using
   * {{baseUrl}} work at once). `initial` is pre-selected; '' means start empty.
   */
  copyFrom?: { profiles: string[]; initial: string };
}

/** An in-place name editor: Enter saves, Esc cancels, the core's error shows as one line below. */
export function ProfileNameForm({
  title,
  initial,
  submitLabel,
  onSubmit,
  onDone,
  copyFrom,
}: ProfileNameFormProps) {
  const [name, setName] = useState(initial);
  const [source, setSource] = useState(copyFrom?.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();

  const submit = async () => {
    setBusy(true);
    const res = await onSubmit(name.trim(), source || undefined);
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
      {copyFrom && copyFrom.profiles.length > 0 ? (
        <select
          className="profiles-form-copy"
          aria-label="Variables"
          title="Start with a copy of another profile's variables"
          value={source}
          onChange={(e) => setSource(e.target.value)}
        >
          <option value="">No variables</option>
          {copyFrom.profiles.map((p) => (
            <option key={p} value={p}>
              Variables of {p}
            </option>
          ))}
        </select>
      ) : null}
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

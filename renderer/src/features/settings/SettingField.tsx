import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { SettingsPatch } from '../../../../main/shared/settings';
import { useSettingsStore } from './store';

/** Reports whether a change was saved (for the dialog's "Saved"). */
export type Saved = (ok: boolean) => void;

/**
 * Saves a patch through the core and reports it to the dialog: null when saved, else the core's
 * one-line error (what a field shows under itself).
 */
export function useSaveSetting(onSaved: Saved): (patch: SettingsPatch) => Promise<string | null> {
  const update = useSettingsStore((s) => s.update);
  return async (patch) => {
    const res = await update(patch);
    onSaved(res.ok);
    return res.ok ? null : res.error.message;
  };
}

/** The core's one-line error, said of the field: "Cookies per domain: Too small: expected number to be >=1". */
export function fieldError(label: string, message: string): string {
  const at = /^Invalid arguments for [\w.]+ at patch\.\w+: (.+)$/.exec(message);
  return at ? `${label}: ${at[1]}` : message;
}

export interface SettingFieldProps {
  label: string;
  /** The saved setting as the field shows it. */
  value: string;
  /**
   * The field was left with other text than `value`: save it. Returns null when it was saved (or
   * there was nothing to save), else the one-line error to show under the field.
   */
  onCommit(text: string): Promise<string | null> | string | null;
  hint?: ReactNode;
  placeholder?: string;
  mono?: boolean;
  inputMode?: 'numeric' | 'decimal';
}

/**
 * One text or number setting of the Settings dialog. It shows the saved value, except while the
 * user is editing it (focused, or typed into and not yet left): a settings change landing then
 * (another window, the CLI, another field's save) keeps their text. Leaving the field saves it;
 * an error shows under it (the text kept) until it is saved or the setting changes elsewhere.
 */
export function SettingField({
  label,
  value,
  onCommit,
  hint,
  placeholder,
  mono,
  inputMode,
}: SettingFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (editing.current) return;
    setText(value);
    setError(null);
  }, [value]);

  const leave = async () => {
    editing.current = false;
    if (text === latest.current) return setError(null);
    const err = await onCommit(text);
    setError(err);
    // Saved (or the same value written another way, e.g. "050"): show it as saved.
    if (err === null && !editing.current) setText(latest.current);
  };

  const describedBy = error ? `${id}-err` : hint ? `${id}-hint` : undefined;
  return (
    <div className="ctl-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={mono ? 'ctl-input mono' : 'ctl-input'}
        spellCheck={false}
        inputMode={inputMode}
        placeholder={placeholder}
        value={text}
        onFocus={() => {
          editing.current = true;
        }}
        onChange={(e) => {
          editing.current = true;
          setText(e.target.value);
        }}
        onBlur={() => void leave()}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <span id={`${id}-err`} className="ctl-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span id={`${id}-hint`} className="ctl-hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

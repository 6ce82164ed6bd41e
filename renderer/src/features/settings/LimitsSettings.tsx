import { useEffect, useId, useState } from 'react';
import { DEFAULT_LIMITS, type EngineLimits } from '../../../../main/shared/limits';
import type { Settings } from '../../../../main/shared/types';
import { useSettingsStore } from './store';

type LimitField = 'maxBodyMb' | 'idleTimeoutMs' | 'maxCookieBytes' | 'maxCookiesPerDomain' | 'maxCookies';

/** The core's one-line error, said of the field: "Cookies per domain: Too small: expected number to be >=1". */
export function fieldError(label: string, message: string): string {
  const at = /^Invalid arguments for [\w.]+ at patch\.\w+: (.+)$/.exec(message);
  return at ? `${label}: ${at[1]}` : message;
}

/** Reports whether a change was saved (for the dialog's "Saved"). */
type Saved = (ok: boolean) => void;

/**
 * One limit: a number typed, saved through the core when the field is left. The core checks the
 * range; its one-line error shows under the field and nothing is saved.
 */
function LimitInput({
  field,
  label,
  hint,
  onSaved,
}: {
  field: LimitField;
  label: string;
  hint: string;
  onSaved: Saved;
}) {
  const id = useId();
  const value = useSettingsStore((s) => s.settings[field] ?? DEFAULT_LIMITS[field]);
  const update = useSettingsStore((s) => s.update);
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(value)), [value]);

  const leave = async () => {
    const t = text.trim();
    const n = t === '' ? Number.NaN : Number(t);
    if (!Number.isFinite(n)) return setError(`${label} must be a number`);
    if (n === value) return setError(null);
    const res = await update({ [field]: n } as Partial<EngineLimits>);
    setError(res.ok ? null : fieldError(label, res.error.message));
    onSaved(res.ok);
  };

  return (
    <div className="ctl-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="ctl-input mono"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void leave()}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-${error ? 'err' : 'hint'}`}
      />
      {error ? (
        <span id={`${id}-err`} className="ctl-error" role="alert">
          {error}
        </span>
      ) : (
        <span id={`${id}-hint`} className="ctl-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/** The engine's limits (response body cap, idle timeout, cookie caps) and whether history keeps credentials. */
export function LimitsSettings({ onSaved }: { onSaved: Saved }) {
  const keepFull = useSettingsStore((s) => s.settings.keepFullHistory === true);
  const update = useSettingsStore((s) => s.update);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const d = DEFAULT_LIMITS;
  const toggle = async (on: boolean) => {
    const res = await update({ keepFullHistory: on } as Partial<Settings>);
    setHistoryError(res.ok ? null : res.error.message);
    onSaved(res.ok);
  };

  return (
    <>
      <fieldset className="settings-group settings-section">
        <legend className="settings-heading">Responses</legend>
        <div className="settings-row">
          <LimitInput
            field="maxBodyMb"
            label="Body kept in memory (MB)"
            hint={`Past it the body is truncated; save the full body to a file. Default ${d.maxBodyMb}`}
            onSaved={onSaved}
          />
          <LimitInput
            field="idleTimeoutMs"
            label="Idle timeout (ms, 0 = none)"
            hint={`Longest wait between two chunks. Default ${d.idleTimeoutMs}`}
            onSaved={onSaved}
          />
        </div>
      </fieldset>

      <fieldset className="settings-group settings-section">
        <legend className="settings-heading">Cookie limits</legend>
        <div className="settings-row">
          <LimitInput
            field="maxCookieBytes"
            label="Largest cookie (bytes)"
            hint={`Name + value; larger is dropped. Default ${d.maxCookieBytes}`}
            onSaved={onSaved}
          />
          <LimitInput
            field="maxCookiesPerDomain"
            label="Cookies per domain"
            hint={`Least recently used go first. Default ${d.maxCookiesPerDomain}`}
            onSaved={onSaved}
          />
          <LimitInput
            field="maxCookies"
            label="Cookies per profile"
            hint={`Least recently used go first. Default ${d.maxCookies}`}
            onSaved={onSaved}
          />
        </div>
      </fieldset>

      <fieldset className="settings-group settings-section">
        <legend className="settings-heading">History</legend>
        <label className="ctl-check settings-check">
          <input type="checkbox" checked={keepFull} onChange={(e) => void toggle(e.target.checked)} />
          Keep full history (no redaction)
        </label>
        <span className={keepFull ? 'ctl-error' : 'ctl-hint'}>
          {keepFull
            ? 'Authorization headers, passwords, tokens and secret variables are written to history as sent.'
            : 'Authorization headers, password/secret/token fields and secret variables are redacted in history.'}
        </span>
        {historyError ? (
          <span className="ctl-error" role="alert">
            {historyError}
          </span>
        ) : null}
      </fieldset>
    </>
  );
}

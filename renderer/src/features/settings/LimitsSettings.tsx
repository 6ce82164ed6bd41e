import { useState } from 'react';
import { DEFAULT_LIMITS } from '../../../../main/shared/limits';
import { fieldError, type Saved, SettingField, useSaveSetting } from './SettingField';
import { useSettingsStore } from './store';

type LimitField = 'maxBodyMb' | 'idleTimeoutMs' | 'maxCookieBytes' | 'maxCookiesPerDomain' | 'maxCookies';

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
  const value = useSettingsStore((s) => s.settings[field] ?? DEFAULT_LIMITS[field]);
  const save = useSaveSetting(onSaved);
  const commit = async (text: string) => {
    const t = text.trim();
    const n = t === '' ? Number.NaN : Number(t);
    if (!Number.isFinite(n)) return `${label} must be a number`;
    if (n === value) return null;
    const err = await save({ [field]: n });
    return err && fieldError(label, err);
  };
  return (
    <SettingField
      label={label}
      value={String(value)}
      onCommit={commit}
      hint={hint}
      mono
      inputMode="decimal"
    />
  );
}

/** The engine's limits (response body cap, idle timeout, cookie caps) and whether history keeps credentials. */
export function LimitsSettings({ onSaved }: { onSaved: Saved }) {
  const keepFull = useSettingsStore((s) => s.settings.keepFullHistory === true);
  const save = useSaveSetting(onSaved);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const d = DEFAULT_LIMITS;
  const toggle = async (on: boolean) => setHistoryError(await save({ keepFullHistory: on }));

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

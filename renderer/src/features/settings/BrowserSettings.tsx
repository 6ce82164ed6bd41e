import { useEffect, useId, useRef, useState } from 'react';
import { useSettingsStore } from './store';

/**
 * The browser a browser login starts in web mode and the CLI (the `browserPath` setting): a path
 * typed, saved through the core when the field is left. The core checks that the file exists and
 * can be run; its one-line error shows under the field and nothing is saved. Empty: the browser
 * the core would pick by itself, shown as the placeholder.
 */
export function BrowserSettings({ onSaved }: { onSaved(ok: boolean): void }) {
  const id = useId();
  const saved = useSettingsStore((s) => s.settings.browserPath ?? null);
  const detected = useSettingsStore((s) => s.defaultBrowser);
  const update = useSettingsStore((s) => s.update);
  const loadDefault = useSettingsStore((s) => s.loadDefaultBrowser);
  const [text, setText] = useState(saved ?? '');
  const [error, setError] = useState<string | null>(null);
  // The saved value shows unless the user is typing (a reload landing meanwhile keeps their text).
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setText(saved ?? '');
  }, [saved]);
  useEffect(() => void loadDefault(), [loadDefault]);

  const leave = async () => {
    const next = text.trim() || null;
    if (next === saved) return setError(null);
    const res = await update({ browserPath: next });
    setError(res.ok ? null : res.error.message);
    onSaved(res.ok);
  };

  return (
    <fieldset className="settings-group settings-section">
      <legend className="settings-heading">Browser login</legend>
      <div className="ctl-field">
        <label htmlFor={id}>Chrome, Chromium or Edge to start</label>
        <input
          id={id}
          className="ctl-input mono"
          spellCheck={false}
          placeholder={
            detected === undefined ? '' : (detected ?? 'None found on this machine: give the path of one')
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
          onFocus={() => {
            typing.current = true;
          }}
          onBlur={() => {
            typing.current = false;
            void leave();
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-${error ? 'err' : 'hint'}`}
        />
        {error ? (
          <span id={`${id}-err`} className="ctl-error" role="alert">
            {error}
          </span>
        ) : (
          <span id={`${id}-hint`} className="ctl-hint">
            Used in web mode and by the CLI; empty: the one shown. The desktop app logs in in its own window.
          </span>
        )}
      </div>
    </fieldset>
  );
}

import { useEffect, useId, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../../main/shared/settings';
import { Modal } from '../../components/Modal';
import '../../components/controls.css';
import { BrowserSettings } from './BrowserSettings';
import { LimitsSettings } from './LimitsSettings';
import { fieldError, SettingField, useSaveSetting } from './SettingField';
import { useSettingsStore } from './store';
import './settings.css';

export interface SettingsDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
}

type Toggle = 'theme' | 'insecure';

const THEMES: Array<{ value: Settings['theme']; label: string }> = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

/** Reads a whole non-negative number typed by the user, or explains why not. */
export function parseWholeNumber(
  text: string,
  label: string,
  max: number,
): { ok: true; value: number } | { ok: false; message: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, message: `${label} must be a whole number` };
  const n = Number(t);
  if (n > max) return { ok: false, message: `${label} must be at most ${max}` };
  return { ok: true, value: n };
}

/** Workspace settings. Every change is saved at once (text fields when they lose focus). */
export function SettingsDialog({ open, onOpenChange }: SettingsDialogProps) {
  const settings = useSettingsStore((s) => s.settings);
  const loaded = useSettingsStore((s) => s.loaded);
  const load = useSettingsStore((s) => s.load);
  const [errors, setErrors] = useState<Partial<Record<Toggle, string>>>({});
  const [saved, setSaved] = useState(false);
  const saveField = useSaveSetting(setSaved);
  const id = useId();

  useEffect(() => {
    if (open && !loaded) void load();
  }, [open, loaded, load]);

  /** Theme and certificate checks are saved as they are clicked; an error shows under them. */
  const save = async (field: Toggle, patch: SettingsPatch) => {
    setSaved(false);
    const err = await saveField(patch);
    setErrors((e) => ({ ...e, [field]: err ?? undefined }));
  };

  const commitProxy = (text: string) => {
    const next = text.trim() === '' ? null : text.trim();
    return next === settings.proxy ? null : saveField({ proxy: next });
  };

  const commitNumber =
    (field: 'timeoutMs' | 'maxRedirects', label: string, max: number) => async (text: string) => {
      const parsed = parseWholeNumber(text, label, max);
      if (!parsed.ok) return parsed.message;
      if (parsed.value === settings[field]) return null;
      const err = await saveField({ [field]: parsed.value });
      return err && fieldError(label, err);
    };

  const errorLine = (field: Toggle) =>
    errors[field] ? (
      <span className="ctl-error" role="alert">
        {errors[field]}
      </span>
    ) : null;

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Settings"
      description="Changes are saved as you make them and apply to the next request."
      footer={
        <>
          <span className="settings-saved" aria-live="polite">
            {saved ? 'Saved' : ''}
          </span>
          <button type="button" className="ui-button" onClick={() => onOpenChange(false)}>
            Done
          </button>
        </>
      }
    >
      <fieldset className="settings-group">
        <legend className="ctl-label">Theme</legend>
        <div className="settings-segmented">
          {THEMES.map((t) => (
            <label key={t.value} className="settings-segment">
              <input
                type="radio"
                name={`${id}-theme`}
                value={t.value}
                className="ui-sr-only settings-radio"
                checked={settings.theme === t.value}
                onChange={() => void save('theme', { theme: t.value })}
              />
              {t.label}
            </label>
          ))}
        </div>
        {errorLine('theme')}
      </fieldset>

      <fieldset className="settings-group settings-section">
        <legend className="settings-heading">Requests</legend>
        <SettingField
          label="Proxy URL"
          value={settings.proxy ?? ''}
          onCommit={commitProxy}
          mono
          placeholder="http://127.0.0.1:3128 (empty: use HTTPS_PROXY / HTTP_PROXY)"
        />

        <label className="ctl-check settings-check">
          <input
            type="checkbox"
            checked={settings.insecure}
            onChange={(e) => void save('insecure', { insecure: e.target.checked })}
          />
          Skip TLS certificate checks
        </label>
        {errorLine('insecure')}

        <div className="settings-row">
          <SettingField
            label="Default timeout (ms, 0 = none)"
            value={String(settings.timeoutMs)}
            onCommit={commitNumber('timeoutMs', 'Timeout', 3_600_000)}
            inputMode="numeric"
          />
          <SettingField
            label="Max redirects"
            value={String(settings.maxRedirects)}
            onCommit={commitNumber('maxRedirects', 'Max redirects', 100)}
            inputMode="numeric"
          />
        </div>
      </fieldset>

      <LimitsSettings onSaved={setSaved} />
      <BrowserSettings onSaved={setSaved} />
    </Modal>
  );
}

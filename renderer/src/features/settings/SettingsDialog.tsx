import { useEffect, useId, useState } from 'react';
import type { Settings } from '../../../../main/shared/types';
import { Modal } from '../../components/Modal';
import '../../components/controls.css';
import { BrowserSettings } from './BrowserSettings';
import { LimitsSettings } from './LimitsSettings';
import { useSettingsStore } from './store';
import './settings.css';

export interface SettingsDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
}

type Field = 'theme' | 'proxy' | 'insecure' | 'timeoutMs' | 'maxRedirects';

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
  const update = useSettingsStore((s) => s.update);
  const load = useSettingsStore((s) => s.load);
  const [proxy, setProxy] = useState(settings.proxy ?? '');
  const [timeout, setTimeoutText] = useState(String(settings.timeoutMs));
  const [redirects, setRedirects] = useState(String(settings.maxRedirects));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);
  const id = useId();

  useEffect(() => {
    if (open && !loaded) void load();
  }, [open, loaded, load]);

  useEffect(() => {
    if (!open) return;
    setProxy(settings.proxy ?? '');
    setTimeoutText(String(settings.timeoutMs));
    setRedirects(String(settings.maxRedirects));
    setErrors({});
  }, [open, settings]);

  const save = async (field: Field, patch: Partial<Settings>) => {
    setSaved(false);
    const res = await update(patch);
    setErrors((e) => ({ ...e, [field]: res.ok ? undefined : res.error.message }));
    if (res.ok) setSaved(true);
  };

  const saveNumber = (field: 'timeoutMs' | 'maxRedirects', text: string, label: string, max: number) => {
    const parsed = parseWholeNumber(text, label, max);
    if (!parsed.ok) {
      setErrors((e) => ({ ...e, [field]: parsed.message }));
      return;
    }
    if (parsed.value !== settings[field]) void save(field, { [field]: parsed.value });
    else setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const errorProps = (field: Field) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-err` } : {};
  const errorLine = (field: Field) =>
    errors[field] ? (
      <span id={`${id}-${field}-err`} className="ctl-error" role="alert">
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
        <div className="ctl-field">
          <label htmlFor={`${id}-proxy`}>Proxy URL</label>
          <input
            id={`${id}-proxy`}
            className="ctl-input mono"
            placeholder="http://127.0.0.1:3128 (empty: use HTTPS_PROXY / HTTP_PROXY)"
            value={proxy}
            onChange={(e) => setProxy(e.target.value)}
            onBlur={() => {
              const next = proxy.trim() === '' ? null : proxy.trim();
              if (next !== settings.proxy) void save('proxy', { proxy: next });
            }}
            {...errorProps('proxy')}
          />
          {errorLine('proxy')}
        </div>

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
          <div className="ctl-field">
            <label htmlFor={`${id}-timeout`}>Default timeout (ms, 0 = none)</label>
            <input
              id={`${id}-timeout`}
              className="ctl-input"
              inputMode="numeric"
              value={timeout}
              onChange={(e) => setTimeoutText(e.target.value)}
              onBlur={() => saveNumber('timeoutMs', timeout, 'Timeout', 3_600_000)}
              {...errorProps('timeoutMs')}
            />
            {errorLine('timeoutMs')}
          </div>
          <div className="ctl-field">
            <label htmlFor={`${id}-redirects`}>Max redirects</label>
            <input
              id={`${id}-redirects`}
              className="ctl-input"
              inputMode="numeric"
              value={redirects}
              onChange={(e) => setRedirects(e.target.value)}
              onBlur={() => saveNumber('maxRedirects', redirects, 'Max redirects', 100)}
              {...errorProps('maxRedirects')}
            />
            {errorLine('maxRedirects')}
          </div>
        </div>
      </fieldset>

      <LimitsSettings onSaved={setSaved} />
      <BrowserSettings onSaved={setSaved} />
    </Modal>
  );
}

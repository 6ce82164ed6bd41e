import { type FormEvent, useEffect, useId, useState } from 'react';
import type { CookieView, SameSite } from '../../../../main/shared/types';
import { Modal } from '../../components/Modal';
import '../../components/controls.css';
import {
  type CookieField,
  type CookieForm,
  emptyForm,
  fieldOfCookieError,
  formatInLocale,
  formOf,
  inputOf,
  keyOf,
  type Lifetime as LifetimeKind,
  movesIdentity,
  parseLocalDateTime,
} from './model';
import { useCookiesStore } from './store';

export interface CookieEditorProps {
  profile: string;
  /** The cookie being edited, or null to add one. */
  cookie: CookieView | null;
  /** Pre-filled domain when adding. */
  defaultDomain: string;
  open: boolean;
  onOpenChange(open: boolean): void;
}

const LIFETIMES: Array<{ value: LifetimeKind; label: string }> = [
  { value: 'session', label: 'Session' },
  { value: 'expires', label: 'Expires' },
  { value: 'maxAge', label: 'Max-Age (seconds)' },
];

/**
 * How long the cookie lives: a session cookie, an ISO date-time typed as text (read in local time
 * and shown back in the user's own locale, no US-only native picker), or a Max-Age in seconds.
 */
function Lifetime({
  id,
  form,
  change,
  fieldProps,
}: {
  id: string;
  form: CookieForm;
  change: <K extends keyof CookieForm>(k: K, v: CookieForm[K]) => void;
  fieldProps: Record<string, unknown>;
}) {
  const parsed = form.lifetime === 'expires' ? parseLocalDateTime(form.expires) : null;
  const seconds = form.lifetime === 'maxAge' && /^\d+$/.test(form.maxAge.trim()) ? Number(form.maxAge) : null;
  return (
    <fieldset className="cookies-lifetime cookies-form-wide">
      <legend className="ctl-label">Lifetime</legend>
      <div className="ui-segmented" role="radiogroup" aria-label="Lifetime">
        {LIFETIMES.map((l) => (
          <label key={l.value} className={`ui-segment${form.lifetime === l.value ? ' is-on' : ''}`}>
            <input
              type="radio"
              className="ui-sr-only"
              name={`${id}-lifetime`}
              value={l.value}
              checked={form.lifetime === l.value}
              onChange={() => change('lifetime', l.value)}
            />
            {l.label}
          </label>
        ))}
      </div>
      {form.lifetime === 'session' ? (
        <span className="ctl-hint">Kept until the app closes, like a browser session cookie.</span>
      ) : form.lifetime === 'expires' ? (
        <div className="cookies-lifetime-row">
          <label htmlFor={`${id}-expires`} className="ui-sr-only">
            Expires (YYYY-MM-DD HH:mm, local time)
          </label>
          <input
            id={`${id}-expires`}
            className="ctl-input mono cookies-lifetime-input"
            value={form.expires}
            placeholder="2026-12-31T23:59"
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-expires-hint`}
            onChange={(e) => change('expires', e.target.value)}
            {...fieldProps}
          />
          <span id={`${id}-expires-hint`} className="ctl-hint" aria-live="polite">
            {parsed
              ? formatInLocale(parsed)
              : form.expires.trim()
                ? 'Not a date-time yet: YYYY-MM-DD HH:mm, local time'
                : 'YYYY-MM-DD HH:mm, local time'}
          </span>
        </div>
      ) : (
        <div className="cookies-lifetime-row">
          <label htmlFor={`${id}-maxage`} className="ui-sr-only">
            Max-Age in seconds
          </label>
          <input
            id={`${id}-maxage`}
            className="ctl-input mono cookies-lifetime-input"
            value={form.maxAge}
            inputMode="numeric"
            placeholder="3600"
            autoComplete="off"
            aria-describedby={`${id}-maxage-hint`}
            onChange={(e) => change('maxAge', e.target.value)}
            {...fieldProps}
          />
          <span id={`${id}-maxage-hint`} className="ctl-hint" aria-live="polite">
            {seconds !== null
              ? `Until ${formatInLocale(new Date(Date.now() + seconds * 1000))}`
              : 'Seconds from now, as a server would send Max-Age'}
          </span>
        </div>
      )}
    </fieldset>
  );
}

/**
 * Add or edit one cookie. The core validates; its one-line error is shown next to the field it is
 * about and nothing in the jar changes. A saved cookie is persisted at once and sent on the next request.
 */
export function CookieEditor({ profile, cookie, defaultDomain, open, onOpenChange }: CookieEditorProps) {
  const save = useCookiesStore((s) => s.save);
  const [form, setForm] = useState<CookieForm>(() => (cookie ? formOf(cookie) : emptyForm(defaultDomain)));
  const [error, setError] = useState<{ field: CookieField | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    setForm(cookie ? formOf(cookie) : emptyForm(defaultDomain));
    setError(null);
  }, [open, cookie, defaultDomain]);

  const change = <K extends keyof CookieForm>(k: K, v: CookieForm[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const input = inputOf(form, cookie);
    const replaces = cookie && movesIdentity(input, cookie) ? keyOf(cookie) : null;
    const res = await save(profile, input, replaces);
    setBusy(false);
    if (!res.ok) {
      setError({ field: fieldOfCookieError(res.error.message), message: res.error.message });
      return;
    }
    onOpenChange(false);
  };

  const errId = `${id}-err`;
  const fieldProps = (field: CookieField) =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': errId } : {};
  const errorFor = (field: CookieField | null) =>
    error && error.field === field ? (
      <span id={errId} className="ctl-error" role="alert">
        {error.message}
      </span>
    ) : null;

  const text = (field: 'name' | 'value' | 'domain' | 'path', label: string, placeholder?: string) => (
    <div className={`ctl-field cookies-field-${field}`}>
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        className="ctl-input mono"
        value={form[field]}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        autoFocus={field === (cookie ? 'value' : 'name')}
        onChange={(e) => change(field, e.target.value)}
        {...fieldProps(field)}
      />
      {errorFor(field)}
    </div>
  );

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={cookie ? `Edit cookie ${cookie.name}` : 'Add cookie'}
      description={`In ${profile}'s jar. Saved at once; sent on the next matching request.`}
      size="lg"
    >
      <form className="cookies-form" onSubmit={submit} aria-label={cookie ? 'Edit cookie' : 'Add cookie'}>
        <div className="cookies-form-grid">
          {text('name', 'Name', 'session')}
          {text('domain', 'Domain', 'localhost or .example.com')}
          <div className="cookies-form-wide">{text('value', 'Value')}</div>
          {text('path', 'Path', '/')}
          <Lifetime id={id} form={form} change={change} fieldProps={fieldProps('expires')} />
          {errorFor('expires')}
          <div className="ctl-field">
            <label htmlFor={`${id}-samesite`}>SameSite</label>
            <select
              id={`${id}-samesite`}
              className="ctl-select"
              value={form.sameSite}
              onChange={(e) => change('sameSite', e.target.value as '' | SameSite)}
              {...fieldProps('sameSite')}
            >
              <option value="">(not set)</option>
              <option value="Lax">Lax</option>
              <option value="Strict">Strict</option>
              <option value="None">None</option>
            </select>
            {errorFor('sameSite')}
          </div>
          <div className="cookies-form-flags">
            <label className="ctl-check">
              <input
                type="checkbox"
                checked={form.httpOnly}
                onChange={(e) => change('httpOnly', e.target.checked)}
              />
              HttpOnly
            </label>
            <label className="ctl-check">
              <input
                type="checkbox"
                checked={form.secure}
                onChange={(e) => change('secure', e.target.checked)}
              />
              Secure
            </label>
          </div>
        </div>
        {errorFor(null)}
        <div className="cookies-form-footer">
          <button type="button" className="ui-button" onClick={() => onOpenChange(false)}>
            Cancel
          </button>
          <button type="submit" className="ui-button ui-button-primary" disabled={busy}>
            Save cookie
          </button>
        </div>
      </form>
    </Modal>
  );
}

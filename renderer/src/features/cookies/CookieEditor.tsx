import { type FormEvent, useEffect, useId, useState } from 'react';
import type { CookieView, SameSite } from '../../../../main/shared/types';
import { Modal } from '../../components/Modal';
import '../../components/controls.css';
import {
  type CookieField,
  type CookieForm,
  emptyForm,
  fieldOfCookieError,
  formOf,
  inputOf,
  keyOf,
  movesIdentity,
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
          <div className="ctl-field">
            <label htmlFor={`${id}-expires`}>Expires (empty = session)</label>
            <input
              id={`${id}-expires`}
              type="datetime-local"
              className="ctl-input"
              value={form.expires}
              onChange={(e) => change('expires', e.target.value)}
              {...fieldProps('expires')}
            />
            {errorFor('expires')}
          </div>
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

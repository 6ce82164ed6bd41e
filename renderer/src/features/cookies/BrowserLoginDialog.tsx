import { type FormEvent, useEffect, useId, useState } from 'react';
import { api } from '../../api';
import { Modal } from '../../components/Modal';
import '../../components/controls.css';
import { countOf } from '../../../../main/shared/text';

export interface BrowserLoginDialogProps {
  profile: string;
  open: boolean;
  /** The request editor's URL: its origin + /login is offered. */
  defaultUrl: string;
  onOpenChange(open: boolean): void;
  onDone(text: string, ok: boolean): void;
}

/** `{{baseUrl}}/users/1` → `{{baseUrl}}/login`; `http://h:1/x` → `http://h:1/login`. */
function loginUrlOf(url: string): string {
  const m = /^(\{\{[^}]+\}\}|https?:\/\/[^/?#]+)/i.exec(url.trim());
  return m ? `${m[1]}/login` : '';
}

/**
 * "Log in with browser": a real browser opens on the login page with the profile's own storage;
 * the user logs in by hand (SSO, MFA, captchas), then presses Done here or closes the window, and
 * the cookies of the chosen domains go into the jar with every attribute.
 */
export function BrowserLoginDialog({
  profile,
  open,
  defaultUrl,
  onOpenChange,
  onDone,
}: BrowserLoginDialogProps) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [domains, setDomains] = useState('');
  const [waiting, setWaiting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setUrl(loginUrlOf(defaultUrl));
    setDomains('');
    setError(null);
  }, [open, defaultUrl]);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setWaiting(true);
    const chosen = domains
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    const res = await api['browser.login']({ profile, url, ...(chosen.length ? { domains: chosen } : {}) });
    setWaiting(false);
    if (!res.ok) return setError(res.error.message);
    const n = res.value.imported.length;
    onDone(
      n
        ? `Took ${countOf(n, 'cookie')} from the browser into ${profile}: ${res.value.imported.map((c) => c.name).join(', ')}`
        : `No cookies for ${res.value.domains.join(', ')} in the browser; ${profile}'s jar is unchanged`,
      true,
    );
    onOpenChange(false);
  };

  return (
    <Modal
      open={open}
      onOpenChange={(o) => {
        if (!o && waiting) void api['browser.done']({ profile });
        onOpenChange(o);
      }}
      title={`Log in as ${profile} with a browser`}
      description="A real browser opens with this profile's own storage. Log in by hand, then press Done or close the window."
    >
      {waiting ? (
        <div className="cookies-form" role="status" aria-label="Browser login in progress">
          <p>
            Waiting for the browser: log in as <strong>{profile}</strong> there. The cookies of{' '}
            {domains.trim() || 'the page’s host'} come into the jar when you press Done or close the window.
          </p>
          <div className="cookies-form-footer">
            <button
              type="button"
              className="ui-button ui-button-primary"
              onClick={() => void api['browser.done']({ profile })}
            >
              Done
            </button>
          </div>
        </div>
      ) : (
        <form className="cookies-form" onSubmit={start} aria-label="Log in with browser">
          <div className="ctl-field">
            <label htmlFor={`${id}-url`}>Login page</label>
            <input
              id={`${id}-url`}
              className="ctl-input mono"
              value={url}
              placeholder="https://example.com/login or {{baseUrl}}/login"
              spellCheck={false}
              autoComplete="off"
              autoFocus
              onChange={(e) => setUrl(e.target.value)}
            />
          </div>
          <div className="ctl-field">
            <label htmlFor={`${id}-domains`}>Take cookies of</label>
            <input
              id={`${id}-domains`}
              className="ctl-input mono"
              value={domains}
              placeholder="the page's host (or list domains: example.com, sso.example.com)"
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setDomains(e.target.value)}
            />
          </div>
          {error ? (
            <span className="ctl-error" role="alert">
              {error}
            </span>
          ) : null}
          <div className="cookies-form-footer">
            <button type="button" className="ui-button" onClick={() => onOpenChange(false)}>
              Cancel
            </button>
            <button type="submit" className="ui-button ui-button-primary" disabled={!url.trim()}>
              Open browser
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

import { type FormEvent, useEffect, useId, useState } from 'react';
import { countOf } from '../../../../main/shared/text';
import { Modal } from '../../components/Modal';
import { useCookiesStore } from './store';

export interface ClearDomainDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  profile: string;
  domains: string[];
  onDone(message: string, ok: boolean): void;
}

/** Removes every cookie of one domain (and its subdomains) from the jar, after the user names it. */
export function ClearDomainDialog({ open, onOpenChange, profile, domains, onDone }: ClearDomainDialogProps) {
  const clear = useCookiesStore((s) => s.clear);
  const [domain, setDomain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    if (open) {
      setDomain(domains[0] ?? '');
      setError(null);
    }
  }, [open, domains]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const d = domain.trim();
    if (!d) {
      setError('Type the domain to clear');
      return;
    }
    const res = await clear(profile, d);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    onDone(`Removed ${countOf(res.value.removed, 'cookie')} for ${d}`, true);
    onOpenChange(false);
  };

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Clear a domain"
      description={`Removes the domain's cookies (subdomains included) from ${profile}'s jar.`}
      size="sm"
    >
      <form className="cookies-form" onSubmit={submit} aria-label="Clear a domain">
        <div className="ctl-field">
          <label htmlFor={`${id}-domain`}>Domain</label>
          <input
            id={`${id}-domain`}
            className="ctl-input mono"
            list={`${id}-domains`}
            value={domain}
            autoFocus
            onChange={(e) => setDomain(e.target.value)}
            {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {})}
          />
          <datalist id={`${id}-domains`}>
            {domains.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
          {error ? (
            <span id={`${id}-err`} className="ctl-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
        <div className="cookies-form-footer">
          <button type="button" className="ui-button" onClick={() => onOpenChange(false)}>
            Cancel
          </button>
          <button type="submit" className="ui-button ui-button-danger">
            Clear domain
          </button>
        </div>
      </form>
    </Modal>
  );
}

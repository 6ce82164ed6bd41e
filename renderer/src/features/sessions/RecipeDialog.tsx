import { useEffect, useState } from 'react';
import { DEFAULT_EXPIRY_STATUSES, type RecipeStep } from '../../../../main/shared/sessions';
import type { Profile } from '../../../../main/shared/types';
import { Modal } from '../../components/Modal';
import { useCollectionsStore } from '../collections/store';
import { useProfilesStore } from '../profiles/store';
import './sessions.css';

/**
 * A profile's login recipe: the saved requests it sends, in the order ticked (e.g. GET the login
 * form, then POST the credentials), and how an expired session is noticed. Saved with
 * `profiles.update`; "Log in again" and re-login use it.
 */
export function RecipeDialog({ profile, onClose }: { profile: Profile | null; onClose(): void }) {
  const byId = useCollectionsStore((s) => s.byId);
  const [steps, setSteps] = useState<RecipeStep[]>([]);
  const [statuses, setStatuses] = useState('');
  const [cookie, setCookie] = useState('');
  const [relogin, setRelogin] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!profile) return;
    if (useCollectionsStore.getState().status === 'idle') void useCollectionsStore.getState().load();
    const r = profile.login;
    setSteps(r?.steps ?? []);
    setStatuses((r?.expiry?.statuses ?? DEFAULT_EXPIRY_STATUSES).join(', '));
    setCookie(r?.expiry?.cookie ?? '');
    setRelogin(r?.relogin !== false);
    setProblem(null);
  }, [profile]);

  if (!profile) return null;
  const at = (s: RecipeStep) =>
    steps.findIndex((x) => x.collectionId === s.collectionId && x.requestId === s.requestId);
  const toggle = (s: RecipeStep) =>
    setSteps((cur) => (at(s) >= 0 ? cur.filter((_, i) => i !== at(s)) : [...cur, s]));

  const save = async (remove = false) => {
    const codes = statuses.trim() ? statuses.split(',').map((c) => Number(c.trim())) : [];
    if (codes.some((c) => !Number.isInteger(c) || c < 100 || c > 599)) {
      setProblem('Expired-session statuses: numbers from 100 to 599, separated by commas');
      return;
    }
    if (!remove && steps.length === 0) {
      setProblem('Tick at least one saved request (or remove the recipe)');
      return;
    }
    const res = await useProfilesStore.getState().update(profile.name, {
      login: remove
        ? null
        : {
            steps,
            relogin,
            expiry: { statuses: codes, ...(cookie.trim() ? { cookie: cookie.trim() } : {}) },
          },
    });
    if (res.ok) onClose();
    else setProblem(res.error.message);
  };

  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Login recipe of ${profile.name}`}
      description="Tick the saved requests it sends, in order. Their extraction rules run, so a token taken by one step can be used by the next."
      footer={
        <>
          {profile.login && (
            <button type="button" className="ui-button ui-button-danger" onClick={() => void save(true)}>
              Remove recipe
            </button>
          )}
          <button type="button" className="ui-button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="ui-button ui-button-primary" onClick={() => void save()}>
            Save recipe
          </button>
        </>
      }
    >
      <fieldset className="recipe-steps" aria-label="Recipe steps">
        {Object.values(byId).map((c) => (
          <div key={c.id} className="recipe-collection">
            <div className="recipe-collection-name">{c.name}</div>
            {c.requests.map((r) => {
              const step = { collectionId: c.id, requestId: r.id };
              const n = at(step);
              return (
                <label key={r.id} className={`recipe-step${n >= 0 ? ' is-on' : ''}`}>
                  <input type="checkbox" checked={n >= 0} onChange={() => toggle(step)} />
                  <span className="recipe-order" aria-hidden="true">
                    {n >= 0 ? n + 1 : ''}
                  </span>
                  <span className="mono recipe-method">{r.request.method}</span>
                  {r.folder ? `${r.folder} / ` : ''}
                  {r.name}
                </label>
              );
            })}
          </div>
        ))}
      </fieldset>
      <div className="recipe-expiry">
        <label>
          Expired when the status is
          <input className="ui-input" value={statuses} onChange={(e) => setStatuses(e.target.value)} />
        </label>
        <label>
          …or this cookie is missing
          <input
            className="ui-input"
            value={cookie}
            placeholder="e.g. session"
            onChange={(e) => setCookie(e.target.value)}
          />
        </label>
        <label className="recipe-relogin">
          <input type="checkbox" checked={relogin} onChange={(e) => setRelogin(e.target.checked)} />
          Re-login and retry once when a send meets an expired session
        </label>
      </div>
      {problem && (
        <p className="ui-error-line" role="alert">
          {problem}
        </p>
      )}
    </Modal>
  );
}

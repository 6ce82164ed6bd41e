import type { RequestAuth, RequestOptions } from '../../../../main/shared/types';
import { KeyValueTable } from '../../components/KeyValueTable';
import { useActiveProfile } from '../profiles/store';
import { useRequestStore } from './store';

export function AuthEditor() {
  const auth = useRequestStore((s) => s.draft.auth) ?? { type: 'none' };
  const setDraft = useRequestStore((s) => s.setDraft);
  const setAuth = (a: RequestAuth) => setDraft({ auth: a.type === 'none' ? undefined : a });
  return (
    <div className="request-form">
      <label className="ui-field">
        Auth type
        <select
          className="ui-select"
          value={auth.type}
          onChange={(e) => {
            const t = e.target.value as RequestAuth['type'];
            setAuth(
              t === 'basic'
                ? { type: 'basic', username: '', password: '' }
                : t === 'bearer'
                  ? { type: 'bearer', token: '' }
                  : { type: 'none' },
            );
          }}
        >
          <option value="none">None</option>
          <option value="basic">Basic</option>
          <option value="bearer">Bearer token</option>
        </select>
      </label>
      {auth.type === 'basic' && (
        <>
          <label className="ui-field">
            Username
            <input
              className="ui-input mono"
              value={auth.username}
              spellCheck={false}
              onChange={(e) => setAuth({ ...auth, username: e.target.value })}
            />
          </label>
          <label className="ui-field">
            Password
            <input
              className="ui-input mono"
              type="password"
              value={auth.password}
              onChange={(e) => setAuth({ ...auth, password: e.target.value })}
            />
          </label>
        </>
      )}
      {auth.type === 'bearer' && (
        <label className="ui-field request-wide">
          Token
          <input
            className="ui-input mono"
            value={auth.token}
            placeholder="{{token}}"
            spellCheck={false}
            onChange={(e) => setAuth({ ...auth, token: e.target.value })}
          />
        </label>
      )}
      {auth.type === 'none' && <p className="ui-note request-wide">No Authorization header is added.</p>}
    </div>
  );
}

export function CookiesEditor() {
  const cookies = useRequestStore((s) => s.draft.cookies) ?? [];
  const setDraft = useRequestStore((s) => s.setDraft);
  const profile = useActiveProfile();
  const store = profile?.cookieStore !== false;
  return (
    <div className="request-pane-stack">
      <p className="ui-note">
        Merged over{' '}
        {profile ? <strong className="request-profile-name">{profile.name}</strong> : 'the profile'}
        's jar; these win on a name clash.
        {!store && ' The jar is off for this profile, so only these go out.'}
      </p>
      <KeyValueTable
        label="Request cookies"
        toggles
        rows={cookies}
        onChange={(rows) => setDraft({ cookies: rows.length ? rows : undefined })}
      />
    </div>
  );
}

type StoreChoice = 'inherit' | 'on' | 'off';

export function OptionsEditor() {
  const options = useRequestStore((s) => s.draft.options) ?? {};
  const setDraft = useRequestStore((s) => s.setDraft);
  const profile = useActiveProfile();
  const setOptions = (patch: Partial<RequestOptions>) => {
    const next: RequestOptions = { ...options, ...patch };
    for (const k of Object.keys(next) as Array<keyof RequestOptions>)
      if (next[k] === undefined) delete next[k];
    setDraft({ options: Object.keys(next).length ? next : undefined });
  };
  const storeChoice: StoreChoice =
    options.cookieStore === undefined ? 'inherit' : options.cookieStore ? 'on' : 'off';
  const num = (v: string) => (v.trim() === '' ? undefined : Math.max(0, Math.floor(Number(v)) || 0));

  return (
    <div className="request-form">
      <label className="ui-field">
        Cookie store for this request
        <select
          className="ui-select"
          value={storeChoice}
          onChange={(e) => {
            const v = e.target.value as StoreChoice;
            setOptions({ cookieStore: v === 'inherit' ? undefined : v === 'on' });
          }}
        >
          <option value="inherit">
            Inherit from {profile?.name ?? 'profile'} ({profile?.cookieStore === false ? 'off' : 'on'})
          </option>
          <option value="on">On: send and store jar cookies</option>
          <option value="off">Off: no jar cookies in or out</option>
        </select>
      </label>
      <label className="ui-field">
        Timeout (ms)
        <input
          className="ui-input mono"
          type="number"
          min={0}
          placeholder="settings default"
          value={options.timeoutMs ?? ''}
          onChange={(e) => setOptions({ timeoutMs: num(e.target.value) })}
        />
      </label>
      <label className="ui-check">
        <input
          type="checkbox"
          checked={options.followRedirects !== false}
          onChange={(e) => setOptions({ followRedirects: e.target.checked ? undefined : false })}
        />
        Follow redirects
      </label>
      <label className="ui-field">
        Max redirects
        <input
          className="ui-input mono"
          type="number"
          min={0}
          max={100}
          placeholder="settings default"
          disabled={options.followRedirects === false}
          value={options.maxRedirects ?? ''}
          onChange={(e) => setOptions({ maxRedirects: num(e.target.value) })}
        />
      </label>
      <label className="ui-check">
        <input
          type="checkbox"
          checked={options.insecure === true}
          onChange={(e) => setOptions({ insecure: e.target.checked ? true : undefined })}
        />
        Skip certificate checks
      </label>
    </div>
  );
}

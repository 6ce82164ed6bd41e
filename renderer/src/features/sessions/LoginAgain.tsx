import * as Menu from '@radix-ui/react-dropdown-menu';
import type { Profile } from '../../../../main/shared/types';
import { useProfilesStore } from '../profiles/store';
import { RecipeDialog } from './RecipeDialog';
import { useSessionsStore } from './store';
import './sessions.css';

/** "Log in again" in a profile's menu: runs its login recipe (disabled, with the reason, without one). */
export function LogInAgainItem({ profile }: { profile: Profile }) {
  const running = useSessionsStore((s) => s.login[profile.name]?.state === 'running');
  const has = Boolean(profile.login);
  return (
    <Menu.Item
      className="ui-menu-item"
      disabled={!has || running}
      title={has ? 'Run this profile’s login recipe against its own jar' : 'This profile has no login recipe'}
      onSelect={() => void useSessionsStore.getState().logInAgain(profile.name)}
    >
      {running ? 'Logging in…' : has ? 'Log in again' : 'Log in again (no recipe)'}
    </Menu.Item>
  );
}

/** "Login recipe…" in a profile's menu: opens the recipe dialog for it. */
export function RecipeItem({ profile }: { profile: Profile }) {
  return (
    <Menu.Item className="ui-menu-item" onSelect={() => useSessionsStore.getState().editRecipe(profile.name)}>
      Login recipe…
    </Menu.Item>
  );
}

/** Where the recipe dialog opens (mounted once, beside the profile chips). */
export function RecipeDialogHost() {
  const name = useSessionsStore((s) => s.recipeFor);
  const profile = useProfilesStore((s) => (name ? s.profiles[name] : undefined)) ?? null;
  return <RecipeDialog profile={profile} onClose={() => useSessionsStore.getState().editRecipe(null)} />;
}

/** The outcome of the last "Log in again", one line per profile, dismissable. */
export function LoginStatus() {
  const login = useSessionsStore((s) => s.login);
  const entries = Object.entries(login);
  if (entries.length === 0) return null;
  return (
    <div className="login-status" role="status" aria-live="polite">
      {entries.map(([name, st]) => (
        <span key={name} className={`login-status-line is-${st.state}`}>
          {st.state === 'running' ? `Logging in ${name}…` : st.message}
          {st.state !== 'running' && (
            <button
              type="button"
              className="login-status-dismiss"
              aria-label={`Dismiss login status of ${name}`}
              onClick={() => useSessionsStore.getState().dismissLogin(name)}
            >
              ×
            </button>
          )}
        </span>
      ))}
    </div>
  );
}

import * as Menu from '@radix-ui/react-dropdown-menu';
import { JAR_MODE_LABELS, JAR_MODES, type JarMode } from '../../../../main/shared/sessions';
import { useSessionsStore } from './store';
import './sessions.css';

/**
 * How a run treats the profiles' jars, chosen before Run: Copy (default, nothing changes), Fresh
 * (empty jars, log in first) or Live (uses and changes the real jars: labelled as such).
 */
export function JarModePicker({ where, disabled }: { where: 'matrix' | 'compare'; disabled?: boolean }) {
  const mode = useSessionsStore((s) => s.jars[where]);
  return (
    <fieldset className="jars-picker" disabled={disabled}>
      <legend>Jars</legend>
      <div className="jars-options" role="radiogroup" aria-label="Run jars">
        {JAR_MODES.map((m: JarMode) => (
          <label
            key={m}
            className={`jars-option${mode === m ? ' is-on' : ''}${m === 'live' ? ' is-live' : ''}`}
            title={JAR_MODE_LABELS[m].hint}
          >
            <input
              type="radio"
              className="ui-sr-only"
              name={`jars-${where}`}
              value={m}
              checked={mode === m}
              onChange={() => useSessionsStore.getState().setJars(where, m)}
            />
            {JAR_MODE_LABELS[m].label}
          </label>
        ))}
      </div>
      <span className={`jars-hint${mode === 'live' ? ' is-live' : ''}`}>{JAR_MODE_LABELS[mode].hint}</span>
      {where === 'matrix' && <ReloginSwitch />}
    </fieldset>
  );
}

/** Re-login on an expired session during the run (on by default; each profile's recipe may also say no). */
function ReloginSwitch() {
  const on = useSessionsStore((s) => s.relogin);
  return (
    <label
      className="jars-relogin"
      title="When a session expires mid-run, run the profile's login recipe once and retry once"
    >
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => useSessionsStore.getState().setRelogin(e.target.checked)}
      />
      Re-login on expiry
    </label>
  );
}

/** The same choice inside a dropdown menu (compare's ▾): a radio group under a "Jars" label. */
export function JarModeMenuItems({ where }: { where: 'matrix' | 'compare' }) {
  const mode = useSessionsStore((s) => s.jars[where]);
  return (
    <>
      <Menu.Label className="ui-menu-label">Jars</Menu.Label>
      <Menu.RadioGroup
        value={mode}
        onValueChange={(v) => useSessionsStore.getState().setJars(where, v as JarMode)}
      >
        {JAR_MODES.map((m) => (
          <Menu.RadioItem
            key={m}
            value={m}
            className={`ui-menu-item jars-menu-item${m === 'live' ? ' is-live' : ''}`}
            title={JAR_MODE_LABELS[m].hint}
            onSelect={(e) => e.preventDefault()}
          >
            <span className="compare-check" aria-hidden="true">
              {mode === m ? '●' : ''}
            </span>
            {JAR_MODE_LABELS[m].label}
          </Menu.RadioItem>
        ))}
      </Menu.RadioGroup>
    </>
  );
}

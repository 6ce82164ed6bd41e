import { useEffect, useId, useRef, useState } from 'react';
import type { Profile, ProfilePatch } from '../../../../main/shared/types';
import '../../components/controls.css';
import { KeyValueTable } from '../../components/KeyValueTable';
import { useProfilesStore } from '../profiles/store';
import {
  blankRow,
  COLOR_PALETTE,
  type EditRow,
  headersFromRows,
  normalizeHex,
  rowsFromHeaders,
  rowsFromVariables,
  sameHeaders,
  sameVariables,
  variablesFromRows,
} from './rows';
import './variables.css';

type RowError = { rowId: string; message: string } | null;

/**
 * The active profile's own settings: variables, default headers, cookie store and colour.
 * Everything is saved through profiles.update as soon as a field is left or a switch is flipped.
 */
export function ProfileSettingsPanel() {
  const profile = useProfilesStore((s) => (s.active ? s.profiles[s.active] : undefined));
  if (!profile) {
    return (
      <section className="vars-panel" aria-label="Profile settings">
        <div className="ctl-empty">
          <strong>No profile selected</strong>
          <span>Pick or create a profile to edit its variables and headers.</span>
        </div>
      </section>
    );
  }
  return <ProfileSettings key={profile.name} profile={profile} />;
}

function ProfileSettings({ profile }: { profile: Profile }) {
  const update = useProfilesStore((s) => s.update);
  const [vars, setVars] = useState<EditRow[]>(() => rowsFromVariables(profile.variables));
  const [headers, setHeaders] = useState<EditRow[]>(() => rowsFromHeaders(profile.headers));
  const [varError, setVarError] = useState<RowError>(null);
  const [headerError, setHeaderError] = useState<RowError>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [hex, setHex] = useState(profile.color);
  const [hexError, setHexError] = useState<string | null>(null);
  const varsRef = useRef<HTMLDivElement>(null);
  const headersRef = useRef<HTMLDivElement>(null);
  const id = useId();

  // Follow saves made elsewhere (another window, the CLI) unless the user is typing in that table.
  const varsSig = JSON.stringify(profile.variables);
  const headersSig = JSON.stringify(profile.headers);
  useEffect(() => {
    if (!varsRef.current?.contains(document.activeElement)) setVars(rowsFromVariables(JSON.parse(varsSig)));
  }, [varsSig]);
  useEffect(() => {
    if (!headersRef.current?.contains(document.activeElement))
      setHeaders(rowsFromHeaders(JSON.parse(headersSig)));
  }, [headersSig]);
  useEffect(() => setHex(profile.color), [profile.color]);

  const save = async (patch: ProfilePatch, what: string): Promise<boolean> => {
    const res = await update(profile.name, patch);
    setStatus(res.ok ? { kind: 'ok', text: `Saved ${what}` } : { kind: 'error', text: res.error.message });
    return res.ok;
  };

  const commitVars = (rows: EditRow[]) => {
    const checked = variablesFromRows(rows);
    if (!checked.ok) return setVarError({ rowId: checked.rowId, message: checked.message });
    setVarError(null);
    if (!sameVariables(checked.value, profile.variables))
      void save({ variables: checked.value }, 'variables');
  };

  const commitHeaders = (rows: EditRow[]) => {
    const checked = headersFromRows(rows);
    if (!checked.ok) return setHeaderError({ rowId: checked.rowId, message: checked.message });
    setHeaderError(null);
    if (!sameHeaders(checked.value, profile.headers))
      void save({ headers: checked.value }, 'default headers');
  };

  const pickColor = (color: string) => {
    setHexError(null);
    setHex(color);
    if (color.toLowerCase() !== profile.color.toLowerCase()) void save({ color }, 'colour');
  };

  const commitHex = () => {
    const c = normalizeHex(hex);
    if (!c) return setHexError(`"${hex}" is not a hex colour like #7c5cff`);
    pickColor(c);
  };

  return (
    <section className="vars-panel" aria-label={`Settings of profile ${profile.name}`}>
      <header className="vars-header">
        <span className="vars-dot" style={{ background: profile.color }} aria-hidden="true" />
        <h2 className="vars-title">{profile.name}</h2>
        <span className={`vars-status${status?.kind === 'error' ? ' ctl-error' : ''}`} role="status">
          {status?.text ?? 'Changes are saved as you leave each field'}
        </span>
      </header>

      <div className="vars-section">
        <div className="vars-section-head">
          <h3 id={`${id}-store`}>Cookie store</h3>
          <button
            type="button"
            role="switch"
            className="ctl-switch"
            aria-checked={profile.cookieStore}
            aria-labelledby={`${id}-store`}
            onClick={() => void save({ cookieStore: !profile.cookieStore }, 'cookie store')}
          />
        </div>
        <p className="ctl-hint">
          {profile.cookieStore
            ? `On: cookies the server sets are kept in ${profile.name}'s jar and sent back.`
            : `Off: nothing is stored in or sent from ${profile.name}'s jar. Per-request cookies still go out.`}
        </p>
      </div>

      <div className="vars-section" ref={varsRef}>
        <h3>Variables</h3>
        <p className="ctl-hint">
          Use them as {'{{name}}'} in URLs, headers and bodies when sending as {profile.name}.
        </p>
        <KeyValueTable
          label="Variables"
          saved={{ noun: 'variable', newRow: blankRow, onCommit: commitVars }}
          rows={vars}
          onChange={setVars}
          error={varError}
          namePlaceholder="baseUrl"
          valuePlaceholder="http://localhost:8000"
          secrets={{
            names: profile.secrets ?? [],
            toggle: (name) => {
              const now = profile.secrets ?? [];
              const secrets = now.includes(name) ? now.filter((n) => n !== name) : [...now, name];
              void save({ secrets }, now.includes(name) ? `${name} as plain` : `${name} as secret`);
            },
          }}
        />
      </div>

      <div className="vars-section" ref={headersRef}>
        <h3>Default headers</h3>
        <p className="ctl-hint">
          Added to every request {profile.name} sends; the request's own headers win.
        </p>
        <KeyValueTable
          label="Default headers"
          saved={{ noun: 'header', newRow: blankRow, onCommit: commitHeaders }}
          rows={headers}
          onChange={setHeaders}
          toggles
          error={headerError}
          namePlaceholder="Authorization"
          valuePlaceholder="Bearer {{token}}"
        />
      </div>

      <div className="vars-section">
        <h3 id={`${id}-colour`}>Colour</h3>
        <div className="vars-palette" role="radiogroup" aria-labelledby={`${id}-colour`}>
          {COLOR_PALETTE.map((c) => (
            <label key={c.hex} className="vars-swatch" style={{ background: c.hex }} title={c.name}>
              <input
                type="radio"
                name={`${id}-palette`}
                className="ui-sr-only vars-radio"
                aria-label={c.name}
                checked={profile.color.toLowerCase() === c.hex}
                onChange={() => pickColor(c.hex)}
              />
            </label>
          ))}
        </div>
        <div className="vars-custom">
          <label htmlFor={`${id}-hex`} className="ctl-label">
            Custom
          </label>
          <input
            type="color"
            className="vars-picker"
            aria-label="Pick a custom colour"
            value={normalizeHex(hex)?.length === 7 ? normalizeHex(hex)! : profile.color}
            onChange={(e) => pickColor(e.target.value)}
          />
          <input
            id={`${id}-hex`}
            className="ctl-input mono vars-hex"
            value={hex}
            onChange={(e) => setHex(e.target.value)}
            onBlur={commitHex}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitHex();
            }}
            {...(hexError ? { 'aria-invalid': true, 'aria-describedby': `${id}-hex-err` } : {})}
          />
          {hexError ? (
            <span id={`${id}-hex-err`} className="ctl-error" role="alert">
              {hexError}
            </span>
          ) : null}
        </div>
      </div>
    </section>
  );
}

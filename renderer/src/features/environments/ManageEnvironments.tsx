import { useEffect, useRef, useState } from 'react';
import type { Environment } from '../../../../main/shared/environments';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { KeyValueTable, type KvRow } from '../../components/KeyValueTable';
import { Modal } from '../../components/Modal';
import { useProfilesStore } from '../profiles/store';
import { ImportPostmanEnvironment } from './ImportPostmanEnvironment';
import { RenameEnvironment } from './RenameEnvironment';
import { useEnvironmentsStore } from './store';
import '../../components/controls.css';
import { countOf } from '../../../../main/shared/text';

const GLOBALS = '';

const toRows = (v: Record<string, string> = {}): KvRow[] =>
  Object.entries(v).map(([name, value]) => ({ name, value }));
const toRecord = (rows: KvRow[]) =>
  Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.value]));

/** Whether the environment's variables are in use now, and when they are. */
function inUseHint(name: string, active: string | null): string {
  if (active === name) return `In use as {{name}}: ${name} is the active environment.`;
  const now = active ? `${active} is active now` : 'no environment is active now';
  return `Used as {{name}} only while ${name} is the active environment; ${now}.`;
}

/**
 * "Manage environments…": the environments (create, delete, flag production, edit variables) and
 * the global variables. Every save goes to the core; a refusal shows its one line and changes nothing.
 */
export function ManageEnvironments({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange(o: boolean): void;
}) {
  const order = useEnvironmentsStore((s) => s.order);
  const byName = useEnvironmentsStore((s) => s.byName);
  const globals = useEnvironmentsStore((s) => s.globals);
  const active = useEnvironmentsStore((s) => s.active);
  const [selected, setSelected] = useState<string>(GLOBALS);
  const [rows, setRows] = useState<KvRow[]>([]);
  const [production, setProduction] = useState(false);
  const profileNames = useProfilesStore((s) => s.order);
  const [who, setWho] = useState('');
  const [whoRows, setWhoRows] = useState<KvRow[]>([]);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [importing, setImporting] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  /** Ends the rename; focus goes back to the Rename… button (the form it showed is gone). */
  const endRename = () => {
    setRenaming(false);
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  /** Set by a rename: the editor keeps what is typed (unsaved edits stay) when it moves to the new name. */
  const keepDraft = useRef(false);
  /** The status line to show once the editor has moved to a new selection (after an import). */
  const announce = useRef<string | null>(null);
  /** The renamed environment as the core answered, shown until the list has reloaded. */
  const [renamedEnv, setRenamedEnv] = useState<Environment | null>(null);
  const env: Environment | undefined = selected
    ? (byName[selected] ?? (renamedEnv?.name === selected ? renamedEnv : undefined))
    : undefined;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the editor only when the selection changes
  useEffect(() => {
    setRenaming(false);
    if (keepDraft.current) return;
    setRows(toRows(selected ? byName[selected]?.variables : globals));
    setProduction(selected ? byName[selected]?.production === true : false);
    setError(null);
    setStatus(announce.current);
    announce.current = null;
  }, [selected, open]);

  const profile = who || profileNames[0] || '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload the profile's values when the selection changes
  useEffect(() => {
    // Runs after the effect above: a rename's draft has been kept by both.
    if (keepDraft.current) {
      keepDraft.current = false;
      return;
    }
    setWhoRows(toRows(selected ? byName[selected]?.profiles?.[profile] : {}));
  }, [selected, profile, open]);

  const done = async (msg: string) => {
    setError(null);
    setStatus(msg);
    await useEnvironmentsStore.getState().load();
  };

  const create = async () => {
    const res = await api['environments.save']({
      environment: { name: newName.trim(), variables: {} },
      create: true,
    });
    if (!res.ok) return setError(res.error.message);
    setNewName('');
    setError(null);
    await useEnvironmentsStore.getState().load();
    // Said once the editor has moved to the new environment (moving clears the status line).
    announce.current = `Created ${res.value.name}`;
    setSelected(res.value.name);
  };

  const save = async () => {
    const variables = toRecord(rows);
    if (!env) {
      const res = await api['environments.setGlobals']({ variables });
      if (!res.ok) return setError(res.error.message);
      return done('Global variables saved');
    }
    const profiles = { ...(env.profiles ?? {}) };
    if (profile) profiles[profile] = toRecord(whoRows);
    for (const [k, v] of Object.entries(profiles)) if (!Object.keys(v).length) delete profiles[k];
    const res = await api['environments.save']({
      environment: {
        ...env,
        production: production || undefined,
        variables,
        profiles: Object.keys(profiles).length ? profiles : undefined,
      },
    });
    if (!res.ok) return setError(res.error.message);
    await done(`Saved ${env.name}`);
  };

  const imported = async (to: Environment, fileName: string) => {
    setImporting(false);
    await useEnvironmentsStore.getState().load();
    const n = Object.keys(to.variables).length;
    announce.current = `Imported ${to.name} from ${fileName}: ${countOf(n, 'variable')}`;
    setSelected(to.name);
  };

  const renamed = async (from: string, to: Environment) => {
    keepDraft.current = true;
    setRenamedEnv(to);
    setSelected(to.name);
    await done(`Renamed ${from} to ${to.name}`);
    renameButton.current?.focus();
  };

  const remove = async () => {
    if (!env) return null;
    const res = await api['environments.delete']({ name: env.name });
    if (!res.ok) return res.error.message;
    setSelected(GLOBALS);
    await done(`Deleted ${env.name}`);
    return null;
  };

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      size="lg"
      title="Environments"
      onEscapeKeyDown={(e) => {
        // Escape ends the rename, not the dialog.
        if (!renaming) return;
        e.preventDefault();
        endRename();
      }}
      description="Named variable sets, orthogonal to profiles. The more specific level wins: global < collection < environment < profile < profile on environment."
      footer={
        <button type="button" className="ui-button" onClick={() => onOpenChange(false)}>
          Done
        </button>
      }
    >
      <div className="envm">
        <nav className="envm-list" aria-label="Environments">
          <button
            type="button"
            className="envm-item"
            aria-current={selected === GLOBALS ? 'true' : undefined}
            onClick={() => setSelected(GLOBALS)}
          >
            Global variables
          </button>
          {order.map((n) => (
            <button
              key={n}
              type="button"
              className={`envm-item${byName[n]?.production ? ' is-production' : ''}`}
              aria-current={selected === n ? 'true' : undefined}
              onClick={() => setSelected(n)}
            >
              {n}
              {byName[n]?.production && <span className="envm-prod">PROD</span>}
            </button>
          ))}
          <form
            className="envm-new"
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <input
              className="ctl-input"
              aria-label="New environment name"
              placeholder="staging"
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
            <button type="submit" className="ui-button" disabled={!newName.trim()}>
              Create
            </button>
          </form>
          <button type="button" className="ui-button envm-import" onClick={() => setImporting(true)}>
            Import Postman environment…
          </button>
        </nav>
        <section className="envm-editor" aria-label={env ? `Environment ${env.name}` : 'Global variables'}>
          <div className="envm-head">
            {env && renaming ? (
              <RenameEnvironment
                name={env.name}
                onRenamed={(to) => void renamed(env.name, to)}
                onCancel={endRename}
              />
            ) : (
              <h3>{env ? env.name : 'Global variables'}</h3>
            )}
            {env && (
              <label className="ctl-check">
                <input
                  type="checkbox"
                  checked={production}
                  onChange={(e) => setProduction(e.target.checked)}
                />
                Production
              </label>
            )}
          </div>
          <p className="ctl-hint">
            {env
              ? inUseHint(env.name, active)
              : 'The least specific level: every profile, collection and environment sees them.'}
          </p>
          <KeyValueTable label="Variables" rows={rows} onChange={setRows} />
          {env && profile && (
            <>
              <div className="envm-head envm-sub">
                <h4>Values for one profile on {env.name}</h4>
                <select
                  className="ctl-select"
                  aria-label="Profile"
                  value={profile}
                  onChange={(e) => setWho(e.target.value)}
                >
                  {profileNames.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </div>
              <KeyValueTable label={`Values of ${profile}`} rows={whoRows} onChange={setWhoRows} />
            </>
          )}
          {error && (
            <p role="alert" className="ctl-error">
              {error}
            </p>
          )}
          {status && !error && (
            <p role="status" className="ctl-hint">
              {status}
            </p>
          )}
          <div className="envm-actions">
            {env && (
              <>
                <button
                  ref={renameButton}
                  type="button"
                  className="ui-button"
                  disabled={renaming}
                  onClick={() => setRenaming(true)}
                >
                  Rename…
                </button>
                <button
                  type="button"
                  className="ui-button"
                  onClick={async () => {
                    const res = await api['environments.use']({ name: env.name });
                    if (!res.ok) return setError(res.error.message);
                    await done(`${env.name} is active`);
                  }}
                >
                  Make active
                </button>
                <button
                  type="button"
                  className="ui-button ui-button-danger"
                  onClick={() => setConfirmDelete(true)}
                >
                  Delete
                </button>
              </>
            )}
            <button type="button" className="ui-button ui-button-primary" onClick={() => void save()}>
              Save
            </button>
          </div>
        </section>
      </div>
      <ImportPostmanEnvironment
        open={importing}
        onOpenChange={setImporting}
        onImported={(to, fileName) => void imported(to, fileName)}
      />
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete environment ${env?.name ?? ''}?`}
        message="Its variables and the profiles' values on it are deleted."
        confirmLabel="Delete environment"
        onConfirm={remove}
      />
    </Modal>
  );
}

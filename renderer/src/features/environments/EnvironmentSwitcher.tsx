import { useEffect, useId, useState } from 'react';
import { ManageEnvironments } from './ManageEnvironments';
import { useEnvironmentsStore } from './store';
import './environments.css';

/**
 * The active environment, beside the profile chips: which variable set `{{…}}` reads from
 * (orthogonal to who is sending). A production environment is shown in the warning colour.
 */
export function EnvironmentSwitcher() {
  const id = useId();
  const order = useEnvironmentsStore((s) => s.order);
  const byName = useEnvironmentsStore((s) => s.byName);
  const active = useEnvironmentsStore((s) => s.active);
  const error = useEnvironmentsStore((s) => s.error);
  const [managing, setManaging] = useState(false);

  useEffect(() => {
    const store = useEnvironmentsStore.getState();
    store.load();
    return store.listen();
  }, []);

  const production = active ? byName[active]?.production === true : false;
  return (
    <div
      className={`env-switcher${production ? ' is-production' : ''}${active ? '' : ' is-none'}`}
      data-env={active ?? ''}
      title={
        error
          ? error.message
          : production
            ? `${active} is a production environment: requests touch real data`
            : 'Environment: global < collection < environment < profile < profile on environment'
      }
    >
      <label className="env-switcher-label" htmlFor={id}>
        Env
      </label>
      <select
        id={id}
        className="env-switcher-select"
        aria-label="Environment"
        value={active ?? ''}
        onChange={(e) => useEnvironmentsStore.getState().use(e.target.value || null)}
      >
        <option value="">No environment</option>
        {order.map((n) => (
          <option
            key={n}
            value={n}
            title={byName[n]?.production ? 'production: requests touch real data' : undefined}
          >
            {byName[n]?.production ? `${n} ⚠` : n}
          </option>
        ))}
      </select>
      {production && (
        <span className="env-switcher-badge" role="status">
          PROD
        </span>
      )}
      <button
        type="button"
        className="env-switcher-manage"
        aria-label="Manage environments…"
        title="Manage environments…"
        onClick={() => setManaging(true)}
      >
        ⋯
      </button>
      <ManageEnvironments open={managing} onOpenChange={setManaging} />
    </div>
  );
}

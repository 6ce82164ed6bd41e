import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { VariableLayer } from '../../../../main/shared/environments';
import {
  describeFromLayers,
  describeVariable,
  formatVariableInfo,
} from '../../../../main/shared/variableInfo';
import { api } from '../../api';
import { type VarDescription, VarHintLine, VariableContext } from '../../components/variableHint';
import { useEnvironmentsStore } from '../environments/store';
import { useActiveProfile } from '../profiles/store';
import { useRequestStore } from '../request/store';

/**
 * Describes {{variables}} for the active profile to every editor below it: the value (masked when
 * secret) and where it is defined ("{{baseUrl}} = http://… · from alice's variables").
 */
export function VariablesProvider({ children }: { children: ReactNode }) {
  const profile = useActiveProfile();
  const requestId = useRequestStore((s) => s.origin?.requestId);
  const environments = useEnvironmentsStore((s) => s.byName);
  const activeEnv = useEnvironmentsStore((s) => s.active);
  const globals = useEnvironmentsStore((s) => s.globals);
  // Every level (global, collection, environment, profile, profile on environment), from the core.
  const [layers, setLayers] = useState<VariableLayer[] | null>(null);
  useEffect(() => {
    let live = true;
    void environments;
    void activeEnv;
    void globals;
    if (!profile) return;
    api['variables.layers']({ profile: profile.name, ...(requestId ? { requestId } : {}) }).then((r) => {
      if (live && r.ok) setLayers(r.value);
    });
    return () => {
      live = false;
    };
  }, [profile, requestId, environments, activeEnv, globals]);
  const describe = useCallback(
    (name: string): VarDescription => {
      if (!profile) return { text: `{{${name}}}: no profile selected`, defined: false };
      const info = layers ? describeFromLayers(name, layers, profile) : describeVariable(name, profile);
      return { text: formatVariableInfo(info, profile.name), defined: info.defined };
    },
    [profile, layers],
  );
  return <VariableContext.Provider value={describe}>{children}</VariableContext.Provider>;
}

/** The hint for one variable name (the URL bar's pointer/caret variable), or nothing. */
export function VariableHint({
  name,
  describe,
}: {
  name: string | null;
  describe: ((n: string) => VarDescription) | null;
}) {
  return <VarHintLine d={name && describe ? describe(name) : null} />;
}

/** The name of the overlay variable span under the pointer (the URL bar's marked {{…}} runs). */
export function variableUnderPointer(
  overlay: HTMLElement | null,
  clientX: number,
  clientY: number,
): string | null {
  if (!overlay) return null;
  for (const el of overlay.querySelectorAll<HTMLElement>('[data-variable]')) {
    const r = el.getBoundingClientRect();
    if (clientX >= r.left && clientX <= r.right && clientY >= r.top - 4 && clientY <= r.bottom + 4)
      return el.dataset.variable ?? null;
  }
  return null;
}

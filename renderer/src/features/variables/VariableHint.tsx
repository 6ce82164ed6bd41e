import { type ReactNode, useCallback } from 'react';
import { describeVariable, formatVariableInfo } from '../../../../main/shared/variableInfo';
import { type VarDescription, VarHintLine, VariableContext } from '../../components/variableHint';
import { useActiveProfile } from '../profiles/store';

/**
 * Describes {{variables}} for the active profile to every editor below it: the value (masked when
 * secret) and where it is defined ("{{baseUrl}} = http://… · from alice's variables").
 */
export function VariablesProvider({ children }: { children: ReactNode }) {
  const profile = useActiveProfile();
  const describe = useCallback(
    (name: string): VarDescription => {
      if (!profile) return { text: `{{${name}}}: no profile selected`, defined: false };
      const info = describeVariable(name, profile);
      return { text: formatVariableInfo(info, profile.name), defined: info.defined };
    },
    [profile],
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

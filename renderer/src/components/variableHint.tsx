import { createContext, useContext } from 'react';
import { findVariables } from '../../../main/shared/substitute';
import { variableAt } from '../../../main/shared/variableInfo';

/** What a {{name}} means right now (value and source), as one line; `defined` false for unknown names. */
export interface VarDescription {
  text: string;
  defined: boolean;
}

/**
 * Editors (key/value tables, the code editor) ask this to describe the {{variable}} under the
 * pointer or caret. The app provides it for the active profile (features/variables).
 */
export const VariableContext = createContext<((name: string) => VarDescription) | null>(null);

export const useDescribeVariable = () => useContext(VariableContext);

/** The one-line hint shown under a field: announced politely for keyboard users. */
export function VarHintLine({ d, id }: { d: VarDescription | null; id?: string }) {
  if (!d) return null;
  return (
    <div id={id} className={`ui-var-hint${d.defined ? '' : ' ui-var-hint-unknown'}`} role="status">
      {d.text}
    </div>
  );
}

/** The description of the variable at the caret of a text field, or null. */
export function describeAtCaret(
  describe: ((name: string) => VarDescription) | null,
  el: HTMLInputElement | HTMLTextAreaElement,
): VarDescription | null {
  if (!describe) return null;
  const ref = variableAt(el.value, el.selectionStart ?? -1);
  return ref ? describe(ref.name) : null;
}

/** Every variable in `text`, described, one per line: the hover title of a field. */
export function describeAll(
  describe: ((name: string) => VarDescription) | null,
  text: string,
): string | undefined {
  if (!describe || !text.includes('{{')) return undefined;
  const names = [...new Set(findVariables(text).map((r) => r.name))];
  return names.length ? names.map((n) => describe(n).text).join('\n') : undefined;
}

import { layerFor, type VariableLayer, type VariableLevel } from './environments';
import { findVariables, type VariableRef } from './substitute';

/**
 * What a `{{name}}` resolves to for a profile, and where that value comes from. Variables live on
 * profiles today; `where` is a field (not a fixed sentence) so more levels (collection,
 * environment…) can be added without changing the UI that shows it.
 */
export interface VariableSource {
  /** Which level answered (shared/environments.ts: global < collection < environment < profile < profile on environment). */
  level: VariableLevel;
  /** The profile (or later: collection, environment) that defines it. */
  owner: string;
  /** How to name the source to a person: "alice's variables". */
  label: string;
}

export interface VariableInfo {
  name: string;
  defined: boolean;
  /** The value, or null when undefined. Secret values are masked (see `secret`). */
  value: string | null;
  secret: boolean;
  where: VariableSource | null;
}

export const SECRET_MASK = '••••••';

export function describeVariable(
  name: string,
  profile: { name: string; variables: Readonly<Record<string, string>>; secrets?: readonly string[] },
): VariableInfo {
  if (!Object.hasOwn(profile.variables, name))
    return { name, defined: false, value: null, secret: false, where: null };
  const secret = profile.secrets?.includes(name) ?? false;
  return {
    name,
    defined: true,
    value: secret ? SECRET_MASK : profile.variables[name],
    secret,
    where: { level: 'profile', owner: profile.name, label: `${profile.name}'s variables` },
  };
}

/**
 * What `{{name}}` resolves to across the variable levels (the most specific level that defines it
 * answers); secret profile values are masked.
 */
export function describeFromLayers(
  name: string,
  layers: readonly VariableLayer[],
  profile: { name: string; secrets?: readonly string[] },
): VariableInfo {
  const layer = layerFor(layers, name);
  if (!layer) return { name, defined: false, value: null, secret: false, where: null };
  const secret = layer.level === 'profile' && (profile.secrets?.includes(name) ?? false);
  return {
    name,
    defined: true,
    value: secret ? SECRET_MASK : layer.variables[name],
    secret,
    where: { level: layer.level, owner: layer.owner, label: layer.label },
  };
}

/** The `{{name}}` reference that covers `index` in `text` (a caret at either brace counts), or null. */
export function variableAt(text: string, index: number): VariableRef | null {
  return findVariables(text).find((r) => index >= r.start && index <= r.end) ?? null;
}

/** One line: "{{baseUrl}} = http://127.0.0.1:8787 · from alice's variables" or "… is not defined for bob". */
export function formatVariableInfo(info: VariableInfo, profile: string): string {
  if (!info.defined || !info.where) return `{{${info.name}}} is not defined for ${profile}`;
  const value = info.value === '' ? '(empty)' : info.value;
  return `{{${info.name}}} = ${value} · from ${info.where.label}${info.secret ? ' (secret)' : ''}`;
}

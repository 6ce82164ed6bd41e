import { z } from 'zod';

/**
 * Environments and variable levels. An environment (local, staging, production…) is a named set
 * of variables, orthogonal to profiles; one is active. A `{{name}}` is looked up in five levels,
 * from the least to the most specific — the more specific wins:
 *
 *   1. global                    `<dataDir>/variables.json` → globals
 *   2. collection                the saved request's collection (`variables` in its file)
 *   3. environment               `<dataDir>/environments/<env>.json` → variables
 *   4. profile                   the profile's own variables
 *   5. profile on environment    `<dataDir>/environments/<env>.json` → profiles.<profile>
 *                                (alice's password on staging)
 *
 * Pure: zod only, shared by the core, the CLI and the renderer (the hover says which level answered).
 */

export const environmentName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'an environment name: letters, digits, _ . - (up to 64)');

const vars = z.record(z.string(), z.string());

export const environmentSchema = z.object({
  name: environmentName,
  /** Shown in a warning colour: requests here touch real data. */
  production: z.boolean().optional(),
  variables: vars.default({}),
  /** Values one profile has on this environment only: profile → variable → value. */
  profiles: z.record(z.string(), vars).optional(),
});
export type Environment = z.infer<typeof environmentSchema>;

/** `<dataDir>/variables.json`: the global variables and the active environment. */
export const variablesStateSchema = z.object({
  active: environmentName.nullable().default(null),
  globals: vars.default({}),
});
export type VariablesState = z.infer<typeof variablesStateSchema>;

/** What `environments.list` answers. */
export interface EnvironmentsView {
  environments: Environment[];
  active: string | null;
  globals: Record<string, string>;
}

export const VARIABLE_LEVELS = [
  'global',
  'collection',
  'environment',
  'profile',
  'profileEnvironment',
] as const;
export type VariableLevel = (typeof VARIABLE_LEVELS)[number];

/** One level's variables, with who owns them and how to name them to a person. */
export interface VariableLayer {
  level: VariableLevel;
  owner: string;
  /** "global variables", "collection Demo API", "environment staging", "alice's variables", "alice on staging". */
  label: string;
  variables: Readonly<Record<string, string>>;
}

/** The levels that apply, least specific first (empty ones left out). */
export function variableLayers(input: {
  globals?: Readonly<Record<string, string>>;
  collection?: {
    name: string;
    variables?: ReadonlyArray<{ name: string; value: string; enabled?: boolean }>;
  };
  environment?: Environment | null;
  profile: { name: string; variables: Readonly<Record<string, string>> };
}): VariableLayer[] {
  const layers: VariableLayer[] = [];
  const push = (level: VariableLevel, owner: string, label: string, v?: Readonly<Record<string, string>>) => {
    if (v && Object.keys(v).length) layers.push({ level, owner, label, variables: v });
  };
  push('global', 'global', 'global variables', input.globals);
  const c = input.collection;
  if (c?.variables?.length) {
    const own: Record<string, string> = {};
    for (const kv of c.variables) if (kv.enabled !== false && kv.name) own[kv.name] = kv.value;
    push('collection', c.name, `collection ${c.name}`, own);
  }
  const env = input.environment;
  if (env) push('environment', env.name, `environment ${env.name}`, env.variables);
  push('profile', input.profile.name, `${input.profile.name}'s variables`, input.profile.variables);
  if (env)
    push(
      'profileEnvironment',
      `${input.profile.name}@${env.name}`,
      `${input.profile.name} on ${env.name}`,
      env.profiles?.[input.profile.name],
    );
  return layers;
}

/** Every variable, the more specific level winning. */
export function mergeLayers(layers: readonly VariableLayer[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of layers) Object.assign(out, l.variables);
  return out;
}

/** The level that answers `name` (the most specific that defines it), or null. */
export function layerFor(layers: readonly VariableLayer[], name: string): VariableLayer | null {
  for (let i = layers.length - 1; i >= 0; i--) if (Object.hasOwn(layers[i].variables, name)) return layers[i];
  return null;
}

/** Parses `NAME=VALUE` (the CLI's `tandem env set`); the value may contain `=`. */
export function parseAssignment(text: string): { name: string; value: string } | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  return { name: text.slice(0, eq).trim(), value: text.slice(eq + 1) };
}

/** A Postman environment export: `{ name, values: [{ key, value, enabled, type }], _postman_variable_scope }`. */
export function isPostmanEnvironment(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object') return false;
  const o = raw as Record<string, unknown>;
  return o._postman_variable_scope === 'environment' || (Array.isArray(o.values) && !('item' in o));
}

/**
 * A Postman environment as a Tandem environment. Disabled values are left out and listed in
 * `skipped` (with where they are); the name is the file's unless `name` is given.
 */
export function fromPostmanEnvironment(
  raw: unknown,
  name?: string,
): { environment: Environment; skipped: Array<{ where: string; reason: string }> } {
  if (!isPostmanEnvironment(raw)) throw new Error('not a Postman environment (no "values" list)');
  const o = raw as { name?: unknown; values: unknown[] };
  const wanted = (name ?? (typeof o.name === 'string' ? o.name : 'postman'))
    .trim()
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64);
  const parsedName = environmentName.safeParse(wanted);
  if (!parsedName.success)
    throw new Error(`'${wanted}' cannot be an environment name (use --collection NAME)`);
  const variables: Record<string, string> = {};
  const skipped: Array<{ where: string; reason: string }> = [];
  for (const [i, v] of o.values.entries()) {
    const where = `values[${i}]`;
    if (v === null || typeof v !== 'object') {
      skipped.push({ where, reason: 'not a variable' });
      continue;
    }
    const { key, value, enabled } = v as { key?: unknown; value?: unknown; enabled?: unknown };
    if (typeof key !== 'string' || !key) {
      skipped.push({ where, reason: 'no key' });
      continue;
    }
    if (enabled === false) {
      skipped.push({ where: `${where} (${key})`, reason: 'disabled in Postman' });
      continue;
    }
    variables[key] =
      value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  }
  return { environment: { name: parsedName.data, variables }, skipped };
}

import { z } from 'zod';
import { skippedItemSchema } from './interop';

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

/** One entry of a Postman environment's `values`, and what Import does with it. */
export const postmanVariableSchema = z.object({
  /** Where it is in the file (`values[3]`). */
  where: z.string(),
  name: z.string(),
  /** `"type": "secret"` in Postman. */
  secret: z.boolean(),
  /** False for a value disabled in Postman: it is left out. */
  imported: z.boolean(),
  /** What happens to it when that is not plain (left out, stored as plain text, empty…), one line. */
  note: z.string().nullable(),
});
export type PostmanVariable = z.infer<typeof postmanVariableSchema>;

/** What importing a Postman environment file would create; nothing is written for it. */
export const postmanEnvironmentPreviewSchema = z.object({
  /** The name Import gives the environment: the one asked for, else the file's, made valid. */
  name: z.string(),
  /** The name written in the file, as it is there (null when it has none). */
  fileName: z.string().nullable(),
  /** The variables the environment will hold. */
  variables: vars,
  /** Every variable of the file, in its order. */
  rows: z.array(postmanVariableSchema),
  /** Entries of `values` that are not variables at all, with where they are in the file. */
  skipped: z.array(skippedItemSchema),
  /** One line each, about the whole import (how secret-typed values are stored). */
  notes: z.array(z.string()),
  /** Why Import would be refused now (a taken or bad name), one line; null when it can go ahead. */
  refusal: z.string().nullable(),
});
export type PostmanEnvironmentPreview = z.infer<typeof postmanEnvironmentPreviewSchema>;

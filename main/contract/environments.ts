import { z } from 'zod';
import {
  type Environment,
  type EnvironmentsView,
  environmentName,
  environmentSchema,
  type PostmanEnvironmentPreview,
  type VariableLayer,
  type VariablesState,
} from '../shared/environments';
import { profileName } from '../shared/schemas';
import { channel, none } from './channel';

/** Environments (named variable sets, one active) and the global variables. */
export const environmentChannels = {
  /** Every environment, the active one and the global variables. */
  'environments.list': channel<EnvironmentsView>()(() => none),
  /** Replaces one environment (its whole file) or creates it; `create`: fail if the name is taken. */
  'environments.save': channel<Environment>()(() =>
    z.object({ environment: environmentSchema, create: z.boolean().optional() }),
  ),
  /** Renames an environment, keeping its variables and whether it is the active one. */
  'environments.rename': channel<Environment>()(() =>
    z.object({ from: environmentName, to: environmentName }),
  ),
  /** What importing a Postman environment file would create (name: else the file's); writes nothing. */
  'environments.previewPostman': channel<PostmanEnvironmentPreview>()(() =>
    z.object({
      text: z.string().max(10 * 1024 * 1024),
      name: z.string().max(200).optional(),
    }),
  ),
  'environments.delete': channel<{ deleted: string }>()(() => z.object({ name: environmentName })),
  /** Makes an environment the active one (null: none). */
  'environments.use': channel<VariablesState>()(() => z.object({ name: environmentName.nullable() })),
  /** Replaces the global variables. */
  'environments.setGlobals': channel<VariablesState>()(() =>
    z.object({ variables: z.record(z.string(), z.string()) }),
  ),
  /** The variable levels a profile sees now (for a saved request: with its collection), least specific first. */
  'variables.layers': channel<VariableLayer[]>()(() =>
    z.object({ profile: profileName, requestId: z.string().optional() }),
  ),
};

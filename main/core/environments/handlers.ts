import type { Handlers } from '../../contract';
import { attempt } from '../../shared/errors';
import type { Collection } from '../../shared/types';
import { SECRET_MASK } from '../../shared/variableInfo';
import type { Workspace } from '../workspace';
import { previewPostmanEnvironment } from './postman';

type EnvironmentHandlers = Pick<
  Handlers,
  | 'environments.list'
  | 'environments.save'
  | 'environments.rename'
  | 'environments.previewPostman'
  | 'environments.delete'
  | 'environments.use'
  | 'environments.setGlobals'
  | 'variables.layers'
>;

/** The collection a saved request belongs to (ids are unique across collections). */
export async function collectionOf(ws: Workspace, requestId?: string): Promise<Collection | null> {
  if (!requestId) return null;
  for (const c of await ws.collections.list().catch(() => []))
    if (c.requests.some((r) => r.id === requestId)) return c;
  return null;
}

/** The handlers of `main/contract/environments.ts`, for the facade. */
export function environmentHandlers(ws: Workspace): EnvironmentHandlers {
  const envs = ws.environments;
  const changed = <T>(v: T): T => {
    ws.events.emit('environments.changed', {});
    return v;
  };
  return {
    'environments.list': () => attempt(() => envs.view()),
    'environments.save': (a) =>
      attempt(async () => changed(await envs.save(a.environment, { create: a.create }))),
    'environments.rename': (a) => attempt(async () => changed(await envs.rename(a.from, a.to))),
    'environments.previewPostman': (a) =>
      attempt(() => previewPostmanEnvironment(a.text, a.name, (n) => envs.nameTaken(n))),
    'environments.delete': (a) =>
      attempt(async () => {
        await envs.delete(a.name);
        return changed({ deleted: a.name });
      }),
    'environments.use': (a) => attempt(async () => changed(await envs.use(a.name))),
    'environments.setGlobals': (a) => attempt(async () => changed(await envs.setGlobals(a.variables))),
    'variables.layers': (a) =>
      attempt(async () => {
        const profile = await ws.profiles.get(a.profile);
        const layers = await envs.layers(profile, await collectionOf(ws, a.requestId));
        // Secret profile values stay masked, as everywhere in the UI.
        return layers.map((l) => {
          if (l.level !== 'profile' || !profile.secrets?.length) return l;
          const variables = { ...l.variables };
          for (const n of profile.secrets) if (Object.hasOwn(variables, n)) variables[n] = SECRET_MASK;
          return { ...l, variables };
        });
      }),
  };
}
